using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Plan;
using SecureDynamo.Lint.Policies.Engine;
using SecureDynamo.Lint.Reporting;

namespace SecureDynamo.Lint.Cli.Scanning;

/// <summary>Reads every input, runs the selected policies and builds the report.</summary>
public sealed class Scanner
{
    private readonly PolicyCatalog _catalog;
    private readonly PolicySelection _selection;

    public Scanner(PolicyCatalog catalog, PolicySelection selection)
    {
        _catalog = catalog;
        _selection = selection;
    }

    public static Scanner For(ScanRequest request)
    {
        var catalog = PolicyCatalog.BuiltIn();
        foreach (var dir in request.PolicyDirectories) catalog = catalog.With(CustomPolicyLoader.Load(dir));
        foreach (var id in request.OnlyPolicies.Concat(request.SkipPolicies))
        {
            if (catalog.Find(id) is null) throw new UsageException($"unknown policy id \"{id}\"; `securedynamo policies` lists them");
        }
        var selection = new PolicySelection(
            request.OnlyPolicies.Count > 0 ? request.OnlyPolicies.ToHashSet(StringComparer.Ordinal) : null,
            request.SkipPolicies.ToHashSet(StringComparer.Ordinal),
            new Dictionary<string, PolicyOptions>());
        return new Scanner(catalog, selection);
    }

    /// <param name="progress">Where to show the progress of reading an input (by path), if anywhere.</param>
    public ScanReport Scan(ScanRequest request, CancellationToken cancellation = default, Func<string, ProgressLine?>? progress = null)
    {
        var inputs = new List<ScanInput>();
        var results = new List<EvaluationResult>();
        var engine = new PolicyEngine(_catalog, _selection);
        var types = _catalog.ResourceTypes();
        foreach (var path in request.Paths)
        {
            cancellation.ThrowIfCancellationRequested();
            ResourceGraph graph;
            using (var line = progress?.Invoke(path))
            {
                graph = Read(path, new PlanReadOptions(types, cancellation, line));
            }
            inputs.Add(new ScanInput(graph.Source, graph.Kind.ToString().ToLowerInvariant(), graph.ManagedResourceCount));
            results.AddRange(engine.Run(graph));
        }
        var policies = _catalog.Policies.Where(p => _selection.Runs(p.Id)).Select(p => p.Metadata).ToArray();
        // The engine orders each input's results; only several inputs need ordering again.
        var ordered = request.Paths.Count == 1 ? results : PolicyEngine.Order(results);
        return new ScanReport(ToolInfo.Version, inputs, ordered, policies, request.FailOn, request.FailOnUnknown, Array.Empty<string>());
    }

    private static ResourceGraph Read(string path, PlanReadOptions options)
    {
        if (path != "-" && Directory.Exists(path))
        {
            throw new InputException(path, "is a directory; give a plan or state JSON file (`terraform show -json tfplan > plan.json`)");
        }
        return PlanReader.ReadFile(path, options);
    }
}
