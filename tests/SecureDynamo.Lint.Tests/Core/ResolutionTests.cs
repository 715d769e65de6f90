using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Tests.Core;

public sealed class ResolutionTests
{
    [Theory]
    [InlineData("alias/aws/dynamodb", true)]
    [InlineData("arn:aws:kms:eu-west-1:111122223333:alias/aws/dynamodb", true)]
    [InlineData("arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/dynamodb", true)]
    [InlineData("alias/orders", false)]
    [InlineData("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", false)]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab", false)]
    public void Recognises_aws_managed_aliases_in_every_form(string key, bool awsManaged) =>
        Assert.Equal(awsManaged, KeyClassifier.IsAwsManagedAlias(key));

    [Theory]
    [InlineData("module.a[\"x.y\"].out", new[] { "module", "a", "out" })]
    [InlineData("aws_kms_key.k[0].arn", new[] { "aws_kms_key", "k", "arn" })]
    [InlineData("var.x", new[] { "var", "x" })]
    public void Splits_traversals_dropping_indexes(string reference, string[] steps) =>
        Assert.Equal(steps, ReferenceResolver.SplitTraversal(reference));

    [Theory]
    [InlineData("var.cfg", 2, "{\"keys\":{\"a b\":\"x\"},\"list\":[1,2],\"on\":true}")]
    [InlineData("var.cfg.on", 2, "true")]
    [InlineData("var.cfg.list[1]", 2, "2")]
    [InlineData("var.cfg.keys[\"a b\"]", 2, "\"x\"")]
    [InlineData("var.cfg.missing", 2, "null")]
    [InlineData("module.m[\"k\"].out.on", 3, "true")]
    [InlineData("var.cfg.list[*]", 2, "{\"keys\":{\"a b\":\"x\"},\"list\":[1,2],\"on\":true}")]
    public void A_reference_reads_its_part_of_a_constant(string reference, int names, string json)
    {
        var value = Value.Map(new Dictionary<string, Value>
        {
            ["keys"] = Value.Map(new Dictionary<string, Value> { ["a b"] = Value.String("x") }),
            ["list"] = Value.List([Value.Number(1), Value.Number(2)]),
            ["on"] = Value.True,
        });
        Assert.Equal(json, SecureDynamo.Lint.Tests.Terraform.TempModule.Render(ReferenceResolver.PartAt(value, reference, names)));
    }

    [Fact]
    public void Module_outputs_are_followed_to_their_expression()
    {
        var keyConfig = new ResourceConfig("aws_kms_key.k", ResourceMode.Managed, "aws_kms_key", "k", "aws", ConfigBody.Empty, null, null);
        var child = new ModuleConfig("module.keys", new Dictionary<string, ResourceConfig> { ["aws_kms_key.k"] = keyConfig },
            new Dictionary<string, ModuleCall>(), new Dictionary<string, Value?>(),
            new Dictionary<string, Expression> { ["arn"] = new("module.keys", ["aws_kms_key.k.arn", "aws_kms_key.k"]) });
        var root = new ModuleConfig("", new Dictionary<string, ResourceConfig>(),
            new Dictionary<string, ModuleCall> { ["keys"] = new("keys", "./keys", new Dictionary<string, Expression>(), child) },
            new Dictionary<string, Value?>(), new Dictionary<string, Expression>());
        var key = new Resource(ResourceAddress.Parse("module.keys.aws_kms_key.k"), PlannedAction.Create, Value.EmptyMap, Value.Null, keyConfig);
        var graph = new ResourceGraph("test", InputKind.Plan, [key], root, new Dictionary<string, Value>(), []);
        var resolver = new ReferenceResolver(graph);

        var origin = resolver.Resolve(new Expression("", ["module.keys.arn", "module.keys"]));
        var r = Assert.IsType<ResourceOrigin>(origin);
        Assert.Equal("aws_kms_key", r.Type);
        Assert.Equal("module.keys", r.ModulePath);
        Assert.Same(key, Assert.Single(r.Instances));

        var classified = new KeyClassifier(graph, resolver).Classify(Value.Unknown(new Expression("", ["module.keys.arn"])));
        Assert.Equal(KeyKind.CustomerManaged, classified.Kind);
    }

    [Fact]
    public void An_argument_read_in_a_module_resolves_there_once_per_module()
    {
        var keyConfig = new ResourceConfig("aws_kms_key.k", ResourceMode.Managed, "aws_kms_key", "k", "aws", ConfigBody.Empty, null, null);
        var child = new ModuleConfig("module.keys", new Dictionary<string, ResourceConfig> { ["aws_kms_key.k"] = keyConfig },
            new Dictionary<string, ModuleCall>(), new Dictionary<string, Value?>(), new Dictionary<string, Expression>());
        var root = new ModuleConfig("", new Dictionary<string, ResourceConfig>(),
            new Dictionary<string, ModuleCall> { ["keys"] = new("keys", "./keys", new Dictionary<string, Expression>(), child) },
            new Dictionary<string, Value?>(), new Dictionary<string, Expression>());
        var key = new Resource(ResourceAddress.Parse("module.keys.aws_kms_key.k"), PlannedAction.Create, Value.EmptyMap, Value.Null, keyConfig);
        var resolver = new ReferenceResolver(new ResourceGraph("test", InputKind.Plan, [key], root, new Dictionary<string, Value>(), []));
        // An argument of a resource's configuration, as the configuration holds it: it does not name its module instance.
        var argument = new Expression("", ["aws_kms_key.k.arn", "aws_kms_key.k"]);

        var inModule = Assert.IsType<ResourceOrigin>(resolver.ResolveIn(argument, "module.keys"));
        Assert.Same(key, Assert.Single(inModule.Instances));
        Assert.Same(inModule, resolver.ResolveIn(argument, "module.keys"));
        // The same expression read in the root names a resource the root does not have.
        var inRoot = Assert.IsType<ResourceOrigin>(resolver.ResolveIn(argument, ""));
        Assert.Empty(inRoot.Instances);
        Assert.Same(resolver.Resolve(argument), inRoot);
    }

    [Fact]
    public void Module_steps_lead_from_the_referring_instance_to_the_resource_instance()
    {
        var keyConfig = new ResourceConfig("aws_kms_key.k", ResourceMode.Managed, "aws_kms_key", "k", "aws", ConfigBody.Empty, null, null);
        // module.keys (for_each) outputs its key; module.tables (for_each) takes a key ARN as var.kms from the root.
        var keys = new ModuleConfig("module.keys", new Dictionary<string, ResourceConfig> { ["aws_kms_key.k"] = keyConfig },
            new Dictionary<string, ModuleCall>(), new Dictionary<string, Value?>(),
            new Dictionary<string, Expression> { ["arn"] = new("module.keys", ["aws_kms_key.k.arn", "aws_kms_key.k"]) });
        var tables = new ModuleConfig("module.tables", new Dictionary<string, ResourceConfig>(), new Dictionary<string, ModuleCall>(),
            new Dictionary<string, Value?>(), new Dictionary<string, Expression>());
        var root = new ModuleConfig("", new Dictionary<string, ResourceConfig>(),
            new Dictionary<string, ModuleCall>
            {
                ["keys"] = new("keys", "./keys", new Dictionary<string, Expression>(), keys),
                ["tables"] = new("tables", "./tables", new Dictionary<string, Expression> { ["kms"] = new("", ["module.keys[\"b\"].arn", "module.keys[\"b\"]", "module.keys"]) }, tables),
            },
            new Dictionary<string, Value?>(), new Dictionary<string, Expression>());
        var instances = new[] { "a", "b" }.Select(k => new Resource(ResourceAddress.Parse($"module.keys[\"{k}\"].aws_kms_key.k"), PlannedAction.Create, Value.EmptyMap, Value.Null, keyConfig)).ToList();
        var graph = new ResourceGraph("test", InputKind.Plan, instances, root, new Dictionary<string, Value>(), []);
        var resolver = new ReferenceResolver(graph);

        var fromRoot = Assert.IsType<ResourceOrigin>(resolver.Resolve(new Expression("", ["module.keys[\"a\"].arn", "module.keys[\"a\"]", "module.keys"])));
        Assert.Equal([new ModuleStep("keys", "[\"a\"]")], fromRoot.Steps);
        Assert.Equal("module.keys[\"a\"]", fromRoot.InstanceFrom(""));

        var fromModule = Assert.IsType<ResourceOrigin>(resolver.Resolve(new Expression("module.tables", ["var.kms"])));
        Assert.Equal([ModuleStep.Up, new ModuleStep("keys", "[\"b\"]")], fromModule.Steps);
        Assert.Equal("module.keys[\"b\"]", fromModule.InstanceFrom("module.tables[\"orders\"]"));
        Assert.Null(fromModule.InstanceFrom(""));

        // A table in module.tables["orders"] is encrypted with the key of module.keys["b"] only.
        var user = new Resource(ResourceAddress.Parse("module.tables[\"orders\"].aws_dynamodb_table.t"), PlannedAction.Create, Value.EmptyMap, Value.Null, null);
        var classified = new KeyClassifier(graph, resolver).Classify(Value.Unknown(new Expression("module.tables", ["var.kms"])), user);
        Assert.Equal(KeyKind.CustomerManaged, classified.Kind);
        Assert.Same(instances[1], Assert.Single(classified.ManagedKeys));
    }

    [Fact]
    public void Conditionals_over_two_targets_and_locals_stay_unresolved()
    {
        var graph = new ResourceGraph("test", InputKind.Plan, [], null, new Dictionary<string, Value>(), []);
        var resolver = new ReferenceResolver(graph);
        Assert.IsType<UnresolvedOrigin>(resolver.Resolve(new Expression("", ["local.key"])));
        Assert.IsType<UnresolvedOrigin>(resolver.Resolve(new Expression("", ["var.missing"])));
        Assert.IsType<ConstantOrigin>(resolver.Resolve(new Expression("", [], Value.String("x"))));
    }

    [Fact]
    public void A_conditional_between_a_constant_and_one_resource_names_that_resource()
    {
        var keyConfig = new ResourceConfig("aws_kms_key.k", ResourceMode.Managed, "aws_kms_key", "k", "aws", ConfigBody.Empty, null, null);
        var root = new ModuleConfig("", new Dictionary<string, ResourceConfig> { ["aws_kms_key.k"] = keyConfig }, new Dictionary<string, ModuleCall>(),
            new Dictionary<string, Value?>(), new Dictionary<string, Expression>());
        var key = new Resource(ResourceAddress.Parse("aws_kms_key.k[0]"), PlannedAction.Create, Value.EmptyMap, Value.Null, keyConfig);
        var graph = new ResourceGraph("test", InputKind.Plan, [key], root, new Dictionary<string, Value> { ["cmk"] = Value.True }, []);
        var resolver = new ReferenceResolver(graph);
        // var.cmk ? aws_kms_key.k[0].arn : null, as a plan lists its references.
        var origin = Assert.IsType<ResourceOrigin>(resolver.Resolve(new Expression("", ["var.cmk", "aws_kms_key.k[0].arn", "aws_kms_key.k[0]", "aws_kms_key.k"])));
        Assert.Same(key, Assert.Single(origin.Instances));
        Assert.Equal(KeyKind.CustomerManaged, new KeyClassifier(graph, resolver).Classify(Value.Unknown(new Expression("", ["var.cmk", "aws_kms_key.k[0].arn", "aws_kms_key.k[0]", "aws_kms_key.k"]))).Kind);
        // Indexed by a selector (aws_subnet.p[count.index], listed as aws_subnet.p and count.index): some instances, picked by it.
        var two = new ResourceGraph("test", InputKind.Plan, [key, new Resource(ResourceAddress.Parse("aws_kms_key.k[1]"), PlannedAction.Create, Value.EmptyMap, Value.Null, keyConfig)],
            root, new Dictionary<string, Value>(), []);
        var picked = Assert.IsType<ResourceOrigin>(new ReferenceResolver(two).Resolve(new Expression("", ["aws_kms_key.k", "count.index"])));
        Assert.Equal("count.index", picked.PickedBy);
        Assert.Null(Assert.IsType<ResourceOrigin>(new ReferenceResolver(two).Resolve(new Expression("", ["aws_kms_key.k"]))).PickedBy);
        // Two resources stay undecided (either may be the one).
        Assert.IsType<UnresolvedOrigin>(resolver.Resolve(new Expression("", ["var.cmk", "aws_kms_key.k[0].arn", "aws_kms_key.other.arn"])));
    }
}

public sealed class KeyInstanceTests
{
    [Fact]
    public void A_key_referenced_inside_a_for_each_module_is_the_key_of_the_same_instance()
    {
        var keyConfig = new ResourceConfig("aws_kms_key.this", ResourceMode.Managed, "aws_kms_key", "this", "aws", ConfigBody.Empty, null, null);
        var tableConfig = new ResourceConfig("aws_dynamodb_table.this", ResourceMode.Managed, "aws_dynamodb_table", "this", "aws", ConfigBody.Empty, null, null);
        var child = new ModuleConfig("module.store",
            new Dictionary<string, ResourceConfig> { ["aws_kms_key.this"] = keyConfig, ["aws_dynamodb_table.this"] = tableConfig },
            new Dictionary<string, ModuleCall>(), new Dictionary<string, Value?>(), new Dictionary<string, Expression>());
        var root = new ModuleConfig("", new Dictionary<string, ResourceConfig>(),
            new Dictionary<string, ModuleCall> { ["store"] = new("store", "./store", new Dictionary<string, Expression>(), child) },
            new Dictionary<string, Value?>(), new Dictionary<string, Expression>());
        Resource Make(string address, ResourceConfig config) => new(ResourceAddress.Parse(address), PlannedAction.Create, Value.EmptyMap, Value.Null, config);
        var keyA = Make("module.store[\"a\"].aws_kms_key.this", keyConfig);
        var keyB = Make("module.store[\"b\"].aws_kms_key.this", keyConfig);
        var tableB = Make("module.store[\"b\"].aws_dynamodb_table.this", tableConfig);
        var graph = new ResourceGraph("test", InputKind.Plan, [keyA, keyB, tableB], root, new Dictionary<string, Value>(), []);
        var keys = new KeyClassifier(graph, new ReferenceResolver(graph));
        var reference = Value.Unknown(new Expression("module.store", ["aws_kms_key.this.arn", "aws_kms_key.this"]));

        Assert.Equal(2, keys.Classify(reference).ManagedKeys.Count);
        var ofTable = keys.Classify(reference, tableB);
        Assert.Same(keyB, Assert.Single(ofTable.ManagedKeys));
        // Named by its full address, instance key included.
        Assert.Equal("the customer managed key module.store[\"b\"].aws_kms_key.this.arn", ofTable.Description);
    }

    [Fact]
    public void A_map_output_of_every_key_read_at_one_key_is_that_key()
    {
        // module.kms.arns["orders"], arns = { for k, key in aws_kms_key.this : k => key.arn }
        var keyConfig = new ResourceConfig("aws_kms_key.this", ResourceMode.Managed, "aws_kms_key", "this", "aws", ConfigBody.Empty, null, null);
        var child = new ModuleConfig("module.kms", new Dictionary<string, ResourceConfig> { ["aws_kms_key.this"] = keyConfig },
            new Dictionary<string, ModuleCall>(), new Dictionary<string, Value?>(),
            new Dictionary<string, Expression> { ["arns"] = new("module.kms", ["aws_kms_key.this"]) });
        var root = new ModuleConfig("", new Dictionary<string, ResourceConfig>(),
            new Dictionary<string, ModuleCall> { ["kms"] = new("kms", "./kms", new Dictionary<string, Expression>(), child) },
            new Dictionary<string, Value?>(), new Dictionary<string, Expression>());
        Resource Key(string k) => new(ResourceAddress.Parse($"module.kms.aws_kms_key.this[\"{k}\"]"), PlannedAction.Create, Value.EmptyMap, Value.Null, keyConfig);
        var orders = Key("orders");
        var graph = new ResourceGraph("test", InputKind.Plan, [orders, Key("users")], root, new Dictionary<string, Value>(), []);
        var keys = new KeyClassifier(graph, new ReferenceResolver(graph));

        var one = keys.Classify(Value.Unknown(new Expression("", ["module.kms.arns[\"orders\"]", "module.kms.arns", "module.kms"])));
        Assert.Same(orders, Assert.Single(one.ManagedKeys));
        Assert.Equal("the customer managed key module.kms.aws_kms_key.this[\"orders\"]", one.Description);
        // A key the map does not have (its keys are not the instance keys): every instance, as before.
        Assert.Equal(2, keys.Classify(Value.Unknown(new Expression("", ["module.kms.arns[\"other\"]", "module.kms.arns", "module.kms"]))).ManagedKeys.Count);
    }
}
