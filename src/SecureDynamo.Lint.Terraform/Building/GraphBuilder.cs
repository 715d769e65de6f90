using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Terraform.Evaluation;
using SecureDynamo.Lint.Terraform.Loading;

namespace SecureDynamo.Lint.Terraform.Building;

/// <summary>Walks module instances from the root and produces resource instances and the configuration tree.</summary>
internal sealed class GraphBuilder
{
    private readonly List<Resource> _resources = new();
    private readonly List<ProviderConfig> _providers = new();
    private readonly List<DeclaredResource> _declared = new();
    private readonly Dictionary<string, ModuleConfig> _configs = new(StringComparer.Ordinal);
    // The default_tags of each AWS provider configuration (by key), as evaluated in the first instance of its module.
    private readonly Dictionary<string, Value> _defaultTags = new(StringComparer.Ordinal);

    public IReadOnlyList<Resource> Resources => _resources;
    public IReadOnlyList<ProviderConfig> Providers => _providers;
    public IReadOnlyList<DeclaredResource> Declared => _declared;

    public ModuleConfig Build(ModuleInstance root)
    {
        return Walk(root, firstOfPath: true);
    }

    private ModuleConfig Walk(ModuleInstance instance, bool firstOfPath)
    {
        var definition = instance.Definition;
        var builder = new ConfigBuilder(definition, instance.ModulePath, instance);
        var resourceConfigs = new Dictionary<string, ResourceConfig>(StringComparer.Ordinal);
        if (firstOfPath) ReadDefaultTags(instance);
        instance.CheckValidations();
        foreach (var block in definition.Resources)
        {
            var providerKey = ProviderKey(instance, block);
            var mode = block.Type == "data" ? ResourceMode.Data : ResourceMode.Managed;
            var configAddress = ModuleDefinition.AddressOf(block);
            if (firstOfPath)
            {
                var file = definition.Files.First(f => f.FileName == block.Range.File);
                _declared.Add(new DeclaredResource(instance.ModulePath, configAddress, block, file));
            }
            IReadOnlyList<InstanceKey> keys;
            try
            {
                keys = InstanceExpander.Expand(block, instance.Evaluator, configAddress);
            }
            catch (EvaluationError e)
            {
                instance.Warn(e.Message + $"; {configAddress} is not analysed", e.Range ?? block.Range);
                keys = Array.Empty<InstanceKey>();
            }
            var afters = new List<Value>(keys.Count);
            foreach (var key in keys)
            {
                var fields = BodyEvaluator.Fields(block.Body, instance, key.Bindings, topLevel: true);
                AddComputed(fields, instance.ModulePath, configAddress, key);
                if (mode == ResourceMode.Managed && _defaultTags.TryGetValue(providerKey, out var defaults)) fields["tags_all"] = TagsAll(defaults, fields.GetValueOrDefault("tags"));
                afters.Add(Value.Map(fields).WithRange(block.Range));
            }
            // Built after the instances: a dynamic block found unknown there makes its arguments depend on its for_each.
            var config = builder.Resource(block, providerKey);
            resourceConfigs[config.Address] = config;
            for (var i = 0; i < keys.Count; i++)
            {
                var key = keys[i];
                var address = new ResourceAddress(instance.InstancePath, mode, config.Type, config.Name, key.Text);
                var after = afters[i];
                var action = config.Mode == ResourceMode.Data ? PlannedAction.Read : PlannedAction.Exists;
                _resources.Add(new Resource(address, action, after, Value.Null, config, ProviderSource(providerKey), providerKey, location: block.Range));
            }
        }
        if (firstOfPath)
        {
            foreach (var p in definition.Providers)
            {
                var alias = ModuleInstance.ProviderAlias(p);
                var local = alias is null ? p.Labels[0] : $"{p.Labels[0]}.{alias}";
                var key = instance.ModulePath.Length == 0 ? local : $"{instance.ModulePath}:{local}";
                _providers.Add(new ProviderConfig(key, p.Labels[0], alias, instance.ModulePath, builder.Body(p.Body, topLevel: true).Attributes));
            }
        }
        var calls = new Dictionary<string, ModuleCall>(StringComparer.Ordinal);
        foreach (var (name, block) in definition.Calls)
        {
            var childPath = instance.ModulePath.Length == 0 ? $"module.{name}" : $"{instance.ModulePath}.module.{name}";
            ModuleConfig? childConfig = null;
            foreach (var (_, child) in instance.Children(name))
            {
                var first = !_configs.ContainsKey(childPath);
                var built = Walk(child, first);
                if (first) _configs[childPath] = built;
                childConfig ??= _configs[childPath];
            }
            childConfig ??= _configs.GetValueOrDefault(childPath) ?? Empty(childPath);
            calls[name] = new ModuleCall(name, ModuleInstance.SourceOf(block), builder.CallArguments(block), childConfig);
        }
        return new ModuleConfig(instance.ModulePath, resourceConfigs, calls, builder.VariableDefaults(), builder.Outputs());
    }

    /// <summary>
    /// <c>id</c> and <c>arn</c>, which every AWS resource computes, are unknown before apply (as a
    /// plan's <c>after_unknown</c> says) unless configuration sets them; they refer to the resource itself.
    /// </summary>
    private static void AddComputed(Dictionary<string, Value> fields, string module, string configAddress, InstanceKey key)
    {
        foreach (var name in ComputedAttributes)
        {
            if (fields.ContainsKey(name)) continue;
            var self = configAddress + key.Text;
            fields[name] = Value.Unknown(new Core.Values.Expression(module, new[] { $"{self}.{name}", configAddress }, null, $"{self}.{name}"));
        }
    }

    private static readonly string[] ComputedAttributes = ["id", "arn"];

    /// <summary>
    /// The <c>default_tags { tags = ... }</c> of this module's AWS provider configurations: the provider adds them
    /// to every resource's <c>tags_all</c> (what AWS Backup selects by), which a plan shows and source does not.
    /// </summary>
    private void ReadDefaultTags(ModuleInstance instance)
    {
        foreach (var p in instance.Definition.Providers.Where(p => p.Labels[0] == "aws"))
        {
            if (p.Body.Blocks.FirstOrDefault(b => b.Type == "default_tags") is not { } block) continue;
            var alias = ModuleInstance.ProviderAlias(p);
            var local = alias is null ? "aws" : $"aws.{alias}";
            var key = instance.ModulePath.Length == 0 ? local : $"{instance.ModulePath}:{local}";
            var tags = BodyEvaluator.Fields(block.Body, instance, Bindings.Empty, topLevel: false).GetValueOrDefault("tags") ?? Value.Null;
            _defaultTags.TryAdd(key, tags);
        }
    }

    /// <summary>The provider's default tags overridden by the resource's own, as the AWS provider computes <c>tags_all</c>.</summary>
    private static Value TagsAll(Value defaults, Value? tags)
    {
        if (defaults.IsNull && (tags is null || tags.IsNull)) return Value.Null;
        if (defaults.IsUnknown || tags is { IsUnknown: true }) return Value.Unknown(tags?.Expression ?? defaults.Expression);
        var merged = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var (k, v) in defaults.Fields) merged[k] = v;
        if (tags is not null) foreach (var (k, v) in tags.Fields) merged[k] = v;
        return Value.Map(merged);
    }

    private static ModuleConfig Empty(string path) =>
        new(path, new Dictionary<string, ResourceConfig>(), new Dictionary<string, ModuleCall>(), new Dictionary<string, Value?>(), new Dictionary<string, Core.Values.Expression>());

    private static string ProviderKey(ModuleInstance instance, Block block)
    {
        var provider = block.Body.Attributes.FirstOrDefault(a => a.Name == "provider");
        var local = provider is not null ? ModuleInstance.TraversalName(provider.Expression) : null;
        local ??= block.Labels[0].Split('_')[0];
        return instance.ProviderKey(local);
    }

    private static string ProviderSource(string providerKey)
    {
        var local = providerKey.Contains(':') ? providerKey[(providerKey.IndexOf(':') + 1)..] : providerKey;
        var name = local.Split('.')[0];
        return $"registry.terraform.io/hashicorp/{name}";
    }
}
