using System.Runtime.ExceptionServices;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Core.Graph;

namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>Runs the selected policies over a graph and turns their verdicts into reported results.</summary>
public sealed class PolicyEngine
{
    private readonly PolicyCatalog _catalog;
    private readonly PolicySelection _selection;

    public PolicyEngine(PolicyCatalog catalog, PolicySelection selection)
    {
        _catalog = catalog;
        _selection = selection;
    }

    /// <summary>
    /// Every result for <paramref name="graph"/>, ordered by resource address then policy id. Policies
    /// share nothing but the read-only graph, so they run on every core; each one's results are kept
    /// apart and joined in catalogue order, so the outcome (and the first error) is the sequential one.
    /// </summary>
    /// <summary>The ids of every policy of the catalogue (run or not): what suppressions may name.</summary>
    public IReadOnlySet<string> PolicyIds => _ids ??= _catalog.Policies.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

    private IReadOnlySet<string>? _ids;

    public IReadOnlyList<EvaluationResult> Run(ResourceGraph graph) => Run(graph, Environment.ProcessorCount);

    /// <summary>
    /// As <see cref="Run(ResourceGraph)"/>, on at most <paramref name="maxParallelism"/> cores (1: on the
    /// calling thread, for callers that already judge several graphs at once).
    /// </summary>
    public IReadOnlyList<EvaluationResult> Run(ResourceGraph graph, int maxParallelism)
    {
        var shared = new PolicyContext(graph, PolicyOptions.None);
        var selected = _catalog.Policies.Where(p => _selection.Runs(p.Id)).ToList();
        var perPolicy = new Judged[selected.Count];
        var failures = new ExceptionDispatchInfo?[selected.Count];
        var addresses = new AddressIds();
        void Judge(int i)
        {
            try
            {
                perPolicy[i] = Evaluate(selected[i], shared, graph, addresses);
            }
            catch (Exception e)
            {
                failures[i] = ExceptionDispatchInfo.Capture(e);
            }
        }
        if (maxParallelism <= 1) for (var i = 0; i < selected.Count; i++) Judge(i);
        else Parallel.For(0, selected.Count, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, Judge);
        foreach (var failure in failures) failure?.Throw();
        // Joined into arrays of the exact size (no growing copies: these arrays are large).
        var count = perPolicy.Sum(r => r.Results.Count);
        var all = new EvaluationResult[count];
        var addressIds = new int[count];
        var at = 0;
        foreach (var judged in perPolicy)
        {
            judged.Results.CopyTo(all, at);
            judged.AddressIds.CopyTo(addressIds, at);
            at += judged.Results.Count;
        }
        return ResultOrder.Sort(all, addressIds, addresses.Texts());
    }

    /// <summary>One policy's results, and the id of the address each names.</summary>
    private readonly record struct Judged(List<EvaluationResult> Results, List<int> AddressIds);

    private Judged Evaluate(Policy policy, PolicyContext shared, ResourceGraph graph, AddressIds addresses)
    {
        var results = new List<EvaluationResult>();
        var ids = new List<int>();
        var context = shared.WithOptions(_selection.OptionsFor(policy.Id));
        var texts = new SharedTexts();
        var valuesHaveRanges = graph.Kind != InputKind.Plan;
        // Texts a policy formats while it is judged here are looked up before they are made (VerdictText).
        using var sharing = texts.Share();
        foreach (var v in policy.Evaluate(context))
        {
            // A plan's values carry no source ranges (--source-dir places findings afterwards): no attribute to look up there.
            var location = v.Location ?? (v.Attribute is null || !valuesHaveRanges ? null : v.Resource.Get(v.Attribute).Range) ?? v.Resource.Location;
            results.Add(EvaluationResult.Addressed(policy.Id, policy.Metadata.Title, policy.Metadata.Severity, v.Status,
                v.Resource.Address.ToString(), v.Resource.Type, texts.Share(v.Text), v.Attribute?.ToString(), location, graph.Source));
            ids.Add(addresses.Of(v.Resource));
        }
        return new Judged(results, ids);
    }

    /// <summary>The report order: input, resource address, policy id, message (stable: equal results keep their order).</summary>
    public static IReadOnlyList<EvaluationResult> Order(IEnumerable<EvaluationResult> results) => ResultOrder.Sort(results.ToArray());
}
