using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Linking;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>Table-driven cases of the linking used by the cross-resource policies (004, 005, 015).</summary>
public sealed class LinkingTests
{
    [Theory]
    [InlineData("table/orders", "orders")]
    [InlineData("table/orders/index/by_user", "orders")]
    [InlineData("table/", null)]
    [InlineData("service/cluster/svc", null)]
    public void Table_name_of_a_resource_id(string resourceId, string? expected) => Assert.Equal(expected, ScalingTargetIndex.TableName(resourceId));

    [Theory]
    [InlineData("table/orders/index/by_user", "by_user")]
    [InlineData("table/orders", null)]
    [InlineData("table/orders/index/", null)]
    public void Index_name_of_a_resource_id(string resourceId, string? expected) => Assert.Equal(expected, ScalingTargetIndex.IndexName(resourceId));

    [Theory]
    [InlineData("aws_dynamodb_table.t[\"eu\"].name", "aws_dynamodb_table.t", "[\"eu\"]")]
    [InlineData("aws_dynamodb_table.t[0].name", "aws_dynamodb_table.t", "[0]")]
    [InlineData("aws_dynamodb_table.t.name", "aws_dynamodb_table.t", null)]
    [InlineData("aws_dynamodb_table.t2[0]", "aws_dynamodb_table.t", null)]
    [InlineData("aws_dynamodb_table.t[\"a]b\"]", "aws_dynamodb_table.t", "[\"a]b\"]")]
    public void Literal_instance_key_of_a_reference(string reference, string address, string? expected) =>
        Assert.Equal(expected, ReferenceLinker.LiteralKey(reference, address));

    [Theory]
    [InlineData("*", "aws", "eu-west-1", "orders", true)]
    [InlineData("arn:aws:dynamodb:*:*:table/*", "aws", null, null, true)]
    [InlineData("arn:aws:dynamodb:*:*:table/*", null, null, null, null)]
    [InlineData("arn:aws-cn:dynamodb:*:*:table/*", "aws", null, null, false)]
    [InlineData("arn:aws:dynamodb:*:*:table/orders", "aws", "eu-west-1", "orders", true)]
    [InlineData("arn:aws:dynamodb:*:*:table/orders", "aws", "eu-west-1", "carts", false)]
    [InlineData("arn:aws:dynamodb:eu-west-1:*:table/*", "aws", "us-east-1", "orders", false)]
    [InlineData("arn:aws:dynamodb:eu-west-1:*:table/*", null, null, "orders", null)]
    [InlineData("arn:aws:dynamodb:*:111122223333:table/orders", "aws", "eu-west-1", "orders", null)]
    [InlineData("arn:aws:s3:::bucket", "aws", "eu-west-1", "orders", false)]
    [InlineData("arn:aws:dynamodb:*:*:table/ord*", "aws", "eu-west-1", null, null)]
    public void Backup_patterns_match_table_arns_with_unknown_parts(string pattern, string? partition, string? region, string? name, bool? expected) =>
        Assert.Equal(expected, ArnPattern.Matches(pattern, new ArnPattern.TableArn(partition, region, null, name)));

    public static TheoryData<string, string, string?, string[]> LinkCases() => new()
    {
        // referrer address, its resource_id reference, expected linked table instance (null: undecided), table instances
        { "aws_appautoscaling_target.r", "aws_dynamodb_table.t.name", "aws_dynamodb_table.t", ["aws_dynamodb_table.t"] },
        { "aws_appautoscaling_target.r[\"eu\"]", "aws_dynamodb_table.t", "aws_dynamodb_table.t[\"eu\"]", ["aws_dynamodb_table.t[\"eu\"]", "aws_dynamodb_table.t[\"us\"]"] },
        { "aws_appautoscaling_target.r", "aws_dynamodb_table.t[\"us\"].name", "aws_dynamodb_table.t[\"us\"]", ["aws_dynamodb_table.t[\"eu\"]", "aws_dynamodb_table.t[\"us\"]"] },
        { "aws_appautoscaling_target.r", "aws_dynamodb_table.t", null, ["aws_dynamodb_table.t[\"eu\"]", "aws_dynamodb_table.t[\"us\"]"] },
        { "module.m[\"b\"].aws_appautoscaling_target.r", "aws_dynamodb_table.t.name", "module.m[\"b\"].aws_dynamodb_table.t", ["module.m[\"a\"].aws_dynamodb_table.t", "module.m[\"b\"].aws_dynamodb_table.t"] },
    };

    [Theory]
    [MemberData(nameof(LinkCases))]
    public void Targets_link_to_the_table_instance_they_reference(string referrer, string reference, string? expected, string[] tables)
    {
        var referrerAddress = ResourceAddress.Parse(referrer);
        var refs = reference.Contains('[') ? new[] { reference } : new[] { reference, "each.key" };
        var targetConfig = new ResourceConfig("aws_appautoscaling_target.r", ResourceMode.Managed, "aws_appautoscaling_target", "r", "aws",
            new ConfigBody(new Dictionary<string, Expression> { ["resource_id"] = new(referrerAddress.ModulePath, refs) }, new Dictionary<string, IReadOnlyList<ConfigBody>>()), null, null);
        var target = new Resource(referrerAddress, PlannedAction.Create, Value.Map(new Dictionary<string, Value> { ["resource_id"] = Value.Unknown() }), Value.Null, targetConfig);
        var tableResources = tables.Select(a => new Resource(ResourceAddress.Parse(a), PlannedAction.Create,
            Value.Map(new Dictionary<string, Value> { ["name"] = Value.Unknown() }), Value.Null, null)).ToList();
        var tableModule = tableResources[0].Address.ModulePath;
        var tableConfig = new ResourceConfig("aws_dynamodb_table.t", ResourceMode.Managed, "aws_dynamodb_table", "t", "aws", ConfigBody.Empty, null, null);
        var moduleConfig = new ModuleConfig(tableModule, new Dictionary<string, ResourceConfig> { ["aws_dynamodb_table.t"] = tableConfig },
            new Dictionary<string, ModuleCall>(), new Dictionary<string, Value?>(), new Dictionary<string, Expression>());
        var root = tableModule.Length == 0
            ? moduleConfig
            : new ModuleConfig("", new Dictionary<string, ResourceConfig>(), new Dictionary<string, ModuleCall> { ["m"] = new("m", "./m", new Dictionary<string, Expression>(), moduleConfig) },
                new Dictionary<string, Value?>(), new Dictionary<string, Expression>());
        var graph = new ResourceGraph("test.json", InputKind.Plan, [target, .. tableResources], root, new Dictionary<string, Value>(), Array.Empty<ProviderConfig>());
        var link = new TableLinker(new ReferenceLinker(new ReferenceResolver(graph)), tableResources).Link(target, AttributePath.Of("resource_id"), ScalingTargetIndex.TableName);
        if (expected is null)
        {
            Assert.False(link.Decided);
            Assert.Equal(tables.Length, link.Tables.Count);
        }
        else
        {
            Assert.True(link.Decided, link.Why);
            Assert.Equal(expected, Assert.Single(link.Tables).Address.ToString());
        }
    }
}
