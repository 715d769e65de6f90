using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Core.Graph;

/// <summary>
/// The typed resource graph one input produces: resource instances, the configuration's module
/// tree, root variable values and provider configurations. The only thing policies see.
/// </summary>
public sealed class ResourceGraph
{
    private readonly Dictionary<string, List<Resource>> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Module, string Address), BlockInstances> _byConfig = new();
    private readonly Dictionary<(string ModuleInstance, string Address), List<Resource>> _byModuleInstance = new();
    private readonly Dictionary<string, ModuleConfig> _modules = new(StringComparer.Ordinal);

    public ResourceGraph(
        string source,
        InputKind kind,
        IReadOnlyList<Resource> resources,
        ModuleConfig? root,
        IReadOnlyDictionary<string, Value> variables,
        IReadOnlyList<ProviderConfig> providers,
        int? managedResourceCount = null)
    {
        Source = source;
        Kind = kind;
        Resources = resources;
        Root = root;
        Variables = variables;
        Providers = providers;
        ManagedResourceCount = managedResourceCount ?? resources.Count(r => r.Mode == ResourceMode.Managed);
        // Nearly one module instance and block per resource in a large for_each plan: sized once, not grown.
        _byModuleInstance.EnsureCapacity(resources.Count);
        foreach (var r in resources)
        {
            var typeKey = r.Mode == ResourceMode.Data ? "data." + r.Type : r.Type;
            if (!_byType.TryGetValue(typeKey, out var list)) _byType[typeKey] = list = new List<Resource>();
            list.Add(r);
            var key = (r.Address.ModulePath, r.Address.ConfigAddress);
            if (!_byConfig.TryGetValue(key, out var instances)) _byConfig[key] = instances = new BlockInstances(this);
            instances.Add(r);
            var instanceKey = (r.Address.Module, r.Address.ConfigAddress);
            if (!_byModuleInstance.TryGetValue(instanceKey, out var inModule)) _byModuleInstance[instanceKey] = inModule = new List<Resource>(1);
            inModule.Add(r);
        }
        if (root is not null) IndexModules(root);
    }

    /// <summary>The file (or directory) the graph was read from, as the user named it.</summary>
    public string Source { get; }

    public InputKind Kind { get; }

    public IReadOnlyList<Resource> Resources { get; }

    /// <summary>The root module's configuration; null when the input carries none (state).</summary>
    public ModuleConfig? Root { get; }

    /// <summary>Root module variable values (plan <c>variables</c>, tfvars).</summary>
    public IReadOnlyDictionary<string, Value> Variables { get; }

    public IReadOnlyList<ProviderConfig> Providers { get; }

    /// <summary>
    /// Managed resources in the input, including those of types no policy reads (which a reader may
    /// skip without building, so they are not in <see cref="Resources"/>).
    /// </summary>
    public int ManagedResourceCount { get; }

    /// <summary>
    /// Module calls whose code the input does not contain (HCL input before <c>terraform init</c>):
    /// resources they would create are missing, so "there is none" cannot be concluded.
    /// </summary>
    public IReadOnlyList<string> UnanalysedModules { get; init; } = Array.Empty<string>();

    /// <summary>What the reader could not check about the input as a whole (a plan Terraform marked errored or incomplete), for the report's warnings.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

    /// <summary>Managed resources of <paramref name="type"/>; prefix <c>data.</c> for data sources.</summary>
    public IReadOnlyList<Resource> OfType(string type) =>
        _byType.TryGetValue(type, out var list) ? list : (IReadOnlyList<Resource>)Array.Empty<Resource>();

    /// <summary>Instances of the resource declared at <paramref name="configAddress"/> in module <paramref name="modulePath"/>.</summary>
    public IReadOnlyList<Resource> Instances(string modulePath, string configAddress) =>
        _byConfig.TryGetValue((modulePath, configAddress), out var list) ? list : (IReadOnlyList<Resource>)Array.Empty<Resource>();

    /// <summary>
    /// Those of <paramref name="resources"/> declared inside the module instance
    /// <paramref name="moduleInstance"/> (with its keys, e.g. <c>module.t["a"]</c>): what a reference
    /// written in that module instance can mean. The usual list, every instance of one block (as
    /// <see cref="Instances"/> gives it), is answered from an index, not a scan of all its instances.
    /// </summary>
    public IReadOnlyList<Resource> InModuleInstance(IReadOnlyList<Resource> resources, string moduleInstance)
    {
        if (resources.Count == 0) return resources;
        if (resources is BlockInstances block && ReferenceEquals(block.Graph, this))
        {
            return _byModuleInstance.TryGetValue((moduleInstance, resources[0].Address.ConfigAddress), out var list) ? list : Array.Empty<Resource>();
        }
        return resources.Where(r => r.Address.Module == moduleInstance).ToList();
    }

    /// <summary>The module at configuration path <paramref name="path"/> ("" is the root).</summary>
    public ModuleConfig? Module(string path) => _modules.TryGetValue(path, out var m) ? m : null;

    /// <summary>The instances of one resource block, as <see cref="Instances"/> gives them: known by their type, no lookup needed to tell.</summary>
    private sealed class BlockInstances(ResourceGraph graph) : List<Resource>
    {
        public ResourceGraph Graph { get; } = graph;
    }

    private void IndexModules(ModuleConfig module)
    {
        // Iterative: module trees can be deep and we never want recursion limits on input shape.
        var stack = new Stack<ModuleConfig>();
        stack.Push(module);
        while (stack.Count > 0)
        {
            var m = stack.Pop();
            _modules[m.Path] = m;
            foreach (var call in m.Calls.Values) stack.Push(call.Module);
        }
    }
}
