using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Policies.Suppression;

/// <summary>
/// One place suppressions come from: the config file's exceptions, a baseline, inline comments.
/// Only failures and unknowns are ever offered to a source.
/// </summary>
public interface ISuppressionSource
{
    /// <summary>The suppression that applies to <paramref name="result"/>, or null.</summary>
    Suppression? Find(EvaluationResult result);

    /// <summary>What the run should be told about this source (an expired exception, ...).</summary>
    IReadOnlyList<string> Warnings { get; }
}
