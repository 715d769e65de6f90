using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>
/// The policies known to this run: the built-in catalogue (metadata embedded from
/// <c>policies/</c>, logic found by id among this assembly's <see cref="Policy"/> classes) plus
/// custom policies loaded from <c>--policy-dir</c>.
/// </summary>
public sealed class PolicyCatalog
{
    private readonly Dictionary<string, Policy> _byId;

    public PolicyCatalog(IEnumerable<Policy> policies)
    {
        _byId = new Dictionary<string, Policy>(StringComparer.Ordinal);
        foreach (var p in policies)
        {
            if (!_byId.TryAdd(p.Id, p))
            {
                var first = _byId[p.Id];
                throw new PolicyDefinitionException(DefinedIn(p), $"policy id {p.Id} is already defined by {DefinedIn(first)}; ids must be unique");
            }
        }
        Policies = _byId.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The file a policy comes from, for error messages.</summary>
    private static string DefinedIn(Policy p) =>
        p is DeclarativePolicy { DefinitionFile: { } file } ? file : $"policies/{p.Metadata.Slug}/policy.json (built in)";

    /// <summary>All policies, ordered by id.</summary>
    public IReadOnlyList<Policy> Policies { get; }

    public Policy? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Resource types any policy judges or reads (data sources prefixed <c>data.</c>).</summary>
    public IReadOnlySet<string> ResourceTypes() =>
        Policies.SelectMany(p => p.Metadata.ResourceTypes.Concat(p.Metadata.InputTypes)).ToHashSet(StringComparer.Ordinal);

    /// <summary>A new catalogue with <paramref name="more"/> added.</summary>
    public PolicyCatalog With(IEnumerable<Policy> more) => new(Policies.Concat(more));

    /// <summary>The built-in catalogue plus the custom policies of each folder (<c>--policy-dir</c>).</summary>
    public static PolicyCatalog BuiltInWith(IEnumerable<string> policyDirectories) =>
        policyDirectories.Aggregate(BuiltIn(), (catalog, dir) => catalog.With(CustomPolicyLoader.Load(dir)));

    // Loaded once per process, by whichever thread asks first (the others wait for it); a failure is thrown to every caller.
    private static readonly Lazy<PolicyCatalog> LoadedBuiltIn = new(LoadBuiltIn, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The built-in catalogue. Fails loudly when metadata and logic disagree.</summary>
    public static PolicyCatalog BuiltIn() => LoadedBuiltIn.Value;

    /// <summary>
    /// Starts loading the built-in catalogue on the thread pool, so that it is ready (or nearly) when a command
    /// first asks for it; the command line is parsed meanwhile. A failure surfaces at <see cref="BuiltIn"/>.
    /// </summary>
    public static void StartLoading()
    {
        if (LoadedBuiltIn.IsValueCreated) return;
        ThreadPool.UnsafeQueueUserWorkItem(static _ =>
        {
            try { _ = LoadedBuiltIn.Value; }
            catch (Exception)
            {
                // Kept by the Lazy and thrown again to the command that asks for the catalogue.
            }
        }, null);
    }

    // The policy classes are found by reflection. A trimmed native build (PublishAot) keeps this assembly whole
    // (TrimmerRootAssembly in the CLI project), so every Policy type and its constructor is there to be found.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The CLI's trimmed build roots this assembly.")]
    [UnconditionalSuppressMessage("Trimming", "IL2062", Justification = "The CLI's trimmed build roots this assembly.")]
    [UnconditionalSuppressMessage("Trimming", "IL2065", Justification = "The CLI's trimmed build roots this assembly.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "The CLI's trimmed build roots this assembly.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The CLI's trimmed build roots this assembly.")]
    private static PolicyCatalog LoadBuiltIn()
    {
        var assembly = typeof(PolicyCatalog).Assembly;
        var logic = new Dictionary<string, Func<Policy>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            if (type.IsAbstract || !type.IsSubclassOf(typeof(Policy)) || type.GetConstructor(Type.EmptyTypes) is null) continue;
            var sample = (Policy)Activator.CreateInstance(type)!;
            logic[sample.Id] = () => (Policy)Activator.CreateInstance(type)!;
        }

        var policies = new List<Policy>();
        foreach (var (slug, json, doc) in EmbeddedDefinitions(assembly))
        {
            var file = $"policies/{slug}/policy.json";
            var metadata = MetadataReader.Read(file, slug, json, doc) with { HelpUri = PolicyMetadata.BuiltInHelpUri(slug) };
            Policy policy;
            if (logic.TryGetValue(metadata.Id, out var make)) policy = make();
            else if (json["rule"] is JObject rule) policy = new DeclarativePolicy(metadata.Id, AttributeRule.Parse(file, rule), null);
            else throw new PolicyDefinitionException(file, $"no logic for {metadata.Id}: add a Policy class with this id or a \"rule\"");
            policy.Metadata = metadata;
            policies.Add(policy);
            logic.Remove(metadata.Id);
        }
        if (logic.Count > 0) throw new PolicyDefinitionException("policies/", $"policy classes without metadata: {string.Join(", ", logic.Keys)}");
        return new PolicyCatalog(policies);
    }

    private static IEnumerable<(string Slug, JObject Json, string Doc)> EmbeddedDefinitions(Assembly assembly)
    {
        var names = assembly.GetManifestResourceNames();
        foreach (var name in names.Where(n => n.StartsWith("policies/", StringComparison.Ordinal) && n.EndsWith("/policy.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var slug = name["policies/".Length..^"/policy.json".Length];
            var json = PolicyJson.Parse(ReadResource(assembly, name));
            var docName = $"policies/{slug}/README.md";
            var doc = names.Contains(docName) ? ReadResource(assembly, docName) : "";
            yield return (slug, json, doc);
        }
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var s = assembly.GetManifestResourceStream(name)!;
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}
