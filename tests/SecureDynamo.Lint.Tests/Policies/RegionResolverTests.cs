using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>Table-driven cases of <see cref="RegionResolver"/>: provider keys of every Terraform era, inheritance, variables, own region.</summary>
public sealed class RegionResolverTests
{
    private static Expression Const(string s) => new("", Array.Empty<string>(), Value.String(s));

    private static Expression Ref(string module, params string[] refs) => new(module, refs);

    private static readonly ProviderConfig[] Providers =
    [
        new("aws", "aws", null, "", new Dictionary<string, Expression> { ["region"] = Ref("", "var.region") }),
        new("aws.west", "aws", "west", "", new Dictionary<string, Expression> { ["region"] = Const("us-west-2") }),
        new("aws.bad", "aws", "bad", "", new Dictionary<string, Expression> { ["region"] = Const("not a region") }),
        new("aws.env", "aws", "env", "", new Dictionary<string, Expression> { ["profile"] = Const("ops") }),
        new("module.net:aws", "aws", null, "module.net", new Dictionary<string, Expression> { ["region"] = Const("ap-southeast-2") }),
        new("module.app:aws", "aws", null, "module.app", new Dictionary<string, Expression>()),
    ];

    public static TheoryData<string, string?, string?> Cases() => new()
    {
        // address, provider_config_key, expected region (null = unknown)
        { "aws_dynamodb_table.t", "aws", "eu-west-1" },
        { "aws_dynamodb_table.t", "aws.west", "us-west-2" },
        { "aws_dynamodb_table.t", null, "eu-west-1" },
        { "aws_dynamodb_table.t", "aws.bad", null },
        { "aws_dynamodb_table.t", "aws.env", null },
        { "aws_dynamodb_table.t", "aws.missing", null },
        { "aws_dynamodb_table.t", "google", null },
        // Terraform >= 1.5: full module path; 0.12-1.4: the call name only
        { "module.net.aws_dynamodb_table.t", "module.net:aws", "ap-southeast-2" },
        { "module.net.aws_dynamodb_table.t", "net:aws", "ap-southeast-2" },
        // a module entry without arguments, and a module with no entry at all, inherit the root default
        { "module.app.aws_dynamodb_table.t", "app:aws", "eu-west-1" },
        { "module.app[\"x\"].module.inner.aws_dynamodb_table.t", "inner:aws", "eu-west-1" },
        { "module.net.module.deep.aws_dynamodb_table.t", "module.net.module.deep:aws", "ap-southeast-2" },
        // an aliased configuration must be passed in; the plan does not show from where
        { "module.app.aws_dynamodb_table.t", "app:aws.replica", null },
        // resolved keys of newer plans point at the root configuration directly
        { "module.app.aws_dynamodb_table.t", "aws.west", "us-west-2" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Region_comes_from_the_provider_configuration(string address, string? key, string? expected)
    {
        var resource = new Resource(ResourceAddress.Parse(address), PlannedAction.Create, Value.Map(new Dictionary<string, Value>()), Value.Null, null, providerConfigKey: key);
        var finding = Resolver(resource).RegionOf(resource);
        Assert.True(expected == finding.Name, $"{address} ({key}): expected {expected ?? "unknown"}, got {finding.Name ?? "unknown"}: {finding.Source}");
        Assert.False(string.IsNullOrWhiteSpace(finding.Source));
    }

    public static TheoryData<string?, bool, string?> OwnRegionCases() => new()
    {
        // after.region (AWS provider v6), whether after.region is unknown with an expression, expected
        { "sa-east-1", false, "sa-east-1" },
        { null, false, "eu-west-1" },
        { null, true, null },
    };

    [Theory]
    [MemberData(nameof(OwnRegionCases))]
    public void A_resource_region_argument_wins_over_the_provider(string? own, bool unknownExpression, string? expected)
    {
        var fields = new Dictionary<string, Value>();
        if (own is not null) fields["region"] = Value.String(own);
        if (unknownExpression) fields["region"] = Value.Unknown();
        var attributes = new Dictionary<string, Expression>();
        if (unknownExpression) attributes["region"] = Ref("", "local.region");
        var config = new ResourceConfig("aws_dynamodb_table.t", ResourceMode.Managed, "aws_dynamodb_table", "t", "aws",
            new ConfigBody(attributes, new Dictionary<string, IReadOnlyList<ConfigBody>>()), null, null);
        var resource = new Resource(ResourceAddress.Parse("aws_dynamodb_table.t"), PlannedAction.Create, Value.Map(fields), Value.Null, config);
        Assert.Equal(expected, Resolver(resource).RegionOf(resource).Name);
    }

    [Theory]
    [InlineData("aws.env", "arn:aws:dynamodb:ap-south-1:111122223333:table/t", "ap-south-1")]
    [InlineData("aws.west", "arn:aws:dynamodb:ap-south-1:111122223333:table/t", "us-west-2")]
    [InlineData("aws.env", "arn:aws:dynamodb:not-a-region:111122223333:table/t", null)]
    [InlineData("aws.env", "table/t", null)]
    public void An_existing_resource_whose_provider_region_is_unknown_says_its_region_in_its_arn(string key, string arn, string? expected)
    {
        var after = Value.Map(new Dictionary<string, Value> { ["arn"] = Value.String(arn) });
        var resource = new Resource(ResourceAddress.Parse("aws_dynamodb_table.t"), PlannedAction.Exists, after, Value.Null, null, providerConfigKey: key);
        Assert.Equal(expected, Resolver(resource).RegionOf(resource).Name);
    }

    [Theory]
    [InlineData("us-east-1", true)]
    [InlineData("us-gov-west-1", true)]
    [InlineData("cn-north-1", true)]
    [InlineData("us-isob-east-1", true)]
    [InlineData("com.amazonaws.us-east-1.dynamodb", false)]
    [InlineData("US-EAST-1", false)]
    [InlineData("", false)]
    [InlineData("us-east-1\n", false)]
    public void Region_names_are_recognised_by_shape(string text, bool expected) => Assert.Equal(expected, RegionResolver.LooksLikeRegion(text));

    private static RegionResolver Resolver(Resource resource)
    {
        var root = new ModuleConfig("", new Dictionary<string, ResourceConfig>(), new Dictionary<string, ModuleCall>(),
            new Dictionary<string, Value?> { ["region"] = Value.String("us-east-1") }, new Dictionary<string, Expression>());
        var graph = new ResourceGraph("test.json", InputKind.Plan, [resource], root,
            new Dictionary<string, Value> { ["region"] = Value.String("eu-west-1") }, Providers);
        return new RegionResolver(graph, new ReferenceResolver(graph));
    }
}
