using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Policies.Suppression;

/// <summary>
/// Turns failures and unknowns that a source silences into <c>suppressed</c> results (keeping the
/// original status and the reason). Sources are asked in order; the first that matches wins.
/// Passes and not-applicable results are never suppressed.
/// </summary>
public sealed class SuppressionStage(IReadOnlyList<ISuppressionSource> sources)
{
    public IReadOnlyList<string> Warnings => sources.SelectMany(s => s.Warnings).ToArray();

    public IReadOnlyList<EvaluationResult> Apply(IReadOnlyList<EvaluationResult> results) =>
        sources.Count == 0 ? results : results.Select(Apply).ToArray();

    public EvaluationResult Apply(EvaluationResult result)
    {
        if (result.Status is not (Status.Fail or Status.Unknown)) return result;
        foreach (var source in sources)
        {
            if (source.Find(result) is { } s)
            {
                return result with { Status = Status.Suppressed, SuppressedStatus = result.Status, SuppressionReason = s.Reason, SuppressionKind = s.Kind };
            }
        }
        return result;
    }
}
