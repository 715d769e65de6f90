using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Tests.Support;

/// <summary>Runs some of the built-in policies over a graph, as <c>scan --policy ID</c> would.</summary>
internal static class BuiltInPolicies
{
    public static IReadOnlyList<EvaluationResult> Run(ResourceGraph graph, params string[] ids) =>
        new PolicyEngine(PolicyCatalog.BuiltIn(), new PolicySelection(ids.ToHashSet(StringComparer.Ordinal), new HashSet<string>(), new Dictionary<string, PolicyOptions>())).Run(graph);
}
