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

    /// <summary>Every result for <paramref name="graph"/>, ordered by resource address then policy id.</summary>
    public IReadOnlyList<EvaluationResult> Run(ResourceGraph graph)
    {
        var shared = new PolicyContext(graph, PolicyOptions.None);
        var results = new List<EvaluationResult>();
        foreach (var policy in _catalog.Policies)
        {
            if (!_selection.Runs(policy.Id)) continue;
            var context = shared.WithOptions(_selection.OptionsFor(policy.Id));
            foreach (var v in policy.Evaluate(context))
            {
                var location = v.Location ?? (v.Attribute is null ? null : v.Resource.Get(v.Attribute).Range) ?? v.Resource.Location;
                results.Add(new EvaluationResult(policy.Id, policy.Metadata.Title, policy.Metadata.Severity, v.Status,
                    v.Resource.Address.ToString(), v.Resource.Type, v.Message, v.Attribute?.ToString(), location, graph.Source));
            }
        }
        return Order(results);
    }

    /// <summary>The report order: input, resource address, policy id, message.</summary>
    public static IReadOnlyList<EvaluationResult> Order(IEnumerable<EvaluationResult> results) =>
        results.OrderBy(r => r.Input, StringComparer.Ordinal)
            .ThenBy(r => r.ResourceAddress, StringComparer.Ordinal)
            .ThenBy(r => r.PolicyId, StringComparer.Ordinal)
            .ThenBy(r => r.Message, StringComparer.Ordinal)
            .ToArray();
}
