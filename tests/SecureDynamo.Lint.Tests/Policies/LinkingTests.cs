using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Linking;
using SecureDynamo.Lint.Tests.Support;

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
    // A template whose table part is known only after apply (\ue000): the index is its fixed text.
    [InlineData("table/\ue000/index/by_user", "by_user")]
    [InlineData("table/\ue000/index/\ue000", null)]
    [InlineData("table/\ue000", null)]
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

    [Theory]
    [InlineData("arn:aws:dynamodb:*:111122223333:table/orders", "aws", "eu-west-1", "orders", "account")]
    [InlineData("arn:aws:dynamodb:eu-west-1:111122223333:table/*", "aws", null, "orders", "region and account")]
    [InlineData("arn:aws:dynamodb:eu-west-1:111122223333:table/ord*", null, null, null, "partition, region, account and name")]
    public void An_undecided_pattern_names_the_unknown_parts_that_decide_it(string pattern, string? partition, string? region, string? name, string expected)
    {
        Assert.Null(ArnPattern.Matches(pattern, new ArnPattern.TableArn(partition, region, null, name), out var undecided));
        Assert.Equal(expected, undecided);
    }

    [Theory]
    [InlineData("arn:aws:dynamodb:eu-west-1:\ue000:table/archive", "archive", true)]
    [InlineData("arn:aws:dynamodb:eu-west-1:\ue000:table/archive", "scratch", false)]
    [InlineData("arn:aws:dynamodb:eu-west-1:\ue000:table/arch*", "archive", true)]
    [InlineData("arn:aws:dynamodb:eu-west-1:\ue000:table/archive/index/by_day", "scratch", false)]
    [InlineData("arn:aws:dynamodb:eu-west-1:111122223333:table/\ue000", "scratch", true)]
    [InlineData("\ue000", "scratch", true)]
    [InlineData("arn:aws:dynamodb:eu-west-1:\ue000:table/archive", null, true)]
    public void An_arn_known_in_part_names_a_table_when_its_known_table_part_matches(string skeleton, string? name, bool expected) =>
        Assert.Equal(expected, ArnPattern.MayNameTable(skeleton, name));

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

    /// <summary>
    /// Tables t[0], t[2], … whose key reference aws_kms_key.k matches no instance key of k[1], k[3], …
    /// (and, for the even tables, a replica naming the same key block): every table uses every key
    /// instance, and each key's verdict names each table once, in input order (the tables). More keys than a list
    /// search de-duplicates (dynamodb:016 switches to a set past a few).
    /// </summary>
    [Fact]
    public void Key_instances_with_unmatched_keys_link_to_every_table_once()
    {
        const int n = 40;
        var changes = new JArray();
        for (var i = 0; i < n; i++)
        {
            var after = new JObject { ["name"] = $"t{i}", ["hash_key"] = "id", ["server_side_encryption"] = new JArray(new JObject { ["enabled"] = true }) };
            var unknown = new JObject { ["server_side_encryption"] = new JArray(new JObject { ["kms_key_arn"] = true }) };
            if (i % 2 == 0)
            {
                after["replica"] = new JArray(new JObject { ["region_name"] = "eu-west-2" });
                unknown["replica"] = new JArray(new JObject { ["kms_key_arn"] = true });
            }
            changes.Add(Change($"aws_dynamodb_table.t[{2 * i}]", "aws_dynamodb_table", "t", 2 * i, after, unknown));
            changes.Add(Change($"aws_kms_key.k[{2 * i + 1}]", "aws_kms_key", "k", 2 * i + 1, new JObject(), new JObject { ["arn"] = true }));
        }
        var keyRef = new JObject { ["references"] = new JArray("aws_kms_key.k.arn", "aws_kms_key.k") };
        var plan = new JObject
        {
            ["format_version"] = "1.2",
            ["terraform_version"] = "1.9.0",
            ["resource_changes"] = changes,
            ["configuration"] = new JObject
            {
                ["root_module"] = new JObject
                {
                    ["resources"] = new JArray(
                        ConfigBlock("aws_dynamodb_table", "t", new JObject
                        {
                            ["server_side_encryption"] = new JArray(new JObject { ["enabled"] = new JObject { ["constant_value"] = true }, ["kms_key_arn"] = keyRef.DeepClone() }),
                            ["replica"] = new JArray(new JObject { ["region_name"] = new JObject { ["constant_value"] = "eu-west-2" }, ["kms_key_arn"] = keyRef.DeepClone() }),
                        }),
                        ConfigBlock("aws_kms_key", "k", new JObject())),
                },
            },
        };
        using var dir = new TemporaryDirectory();
        var results = PolicyCaseTests.Evaluate("dynamodb:016", dir.Write("plan.json", plan.ToString()));

        var encrypts = "it encrypts " + string.Join(", ", Enumerable.Range(0, n).Select(i => $"aws_dynamodb_table.t[{2 * i}]"));
        var keyVerdicts = results.Where(r => r.ResourceType == "aws_kms_key").ToList();
        // Results come in the engine's report order; the set of keys judged is what matters here.
        Assert.Equal(Enumerable.Range(0, n).Select(i => $"aws_kms_key.k[{2 * i + 1}]").Order(StringComparer.Ordinal),
            keyVerdicts.Select(r => r.ResourceAddress).Order(StringComparer.Ordinal));
        foreach (var r in keyVerdicts)
        {
            Assert.Equal(Status.Fail, r.Status);
            Assert.Contains($"; {encrypts}; ", r.Message, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(results, r => r.ResourceType == "aws_dynamodb_table");

        static JObject Change(string address, string type, string name, int index, JObject after, JObject unknown) => new()
        {
            ["address"] = address, ["mode"] = "managed", ["type"] = type, ["name"] = name, ["index"] = index,
            ["provider_name"] = "registry.terraform.io/hashicorp/aws",
            ["change"] = new JObject { ["actions"] = new JArray("create"), ["before"] = null, ["after"] = after, ["after_unknown"] = unknown },
        };
        static JObject ConfigBlock(string type, string name, JObject expressions) => new()
        {
            ["address"] = $"{type}.{name}", ["mode"] = "managed", ["type"] = type, ["name"] = name, ["provider_config_key"] = "aws", ["expressions"] = expressions,
        };
    }
}
