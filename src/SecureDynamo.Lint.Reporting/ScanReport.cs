using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Reporting;

/// <summary>Everything a reporter prints: inputs, results in report order, the policies run and the failure threshold.</summary>
public sealed record ScanReport(
    string ToolVersion,
    IReadOnlyList<ScanInput> Inputs,
    IReadOnlyList<EvaluationResult> Results,
    IReadOnlyList<PolicyMetadata> Policies,
    Severity FailOn,
    bool FailOnUnknown,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Whether <paramref name="r"/> makes the run fail (exit code 1).</summary>
    public bool Fails(EvaluationResult r) =>
        (r.Status == Status.Fail && r.Severity >= FailOn) || (r.Status == Status.Unknown && FailOnUnknown && r.Severity >= FailOn);

    public bool Failed => Results.Any(Fails);

    public int Count(Status s) => Results.Count(r => r.Status == s);
}
