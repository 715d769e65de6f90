namespace SecureDynamo.Lint.Core.Evaluation;

/// <summary>The verdict of one (policy, resource) evaluation (POLICY-SEMANTICS.md, "Verdicts").</summary>
public enum Status
{
    Pass,
    Fail,
    Unknown,
    NotApplicable,
    Suppressed,
}

/// <summary>Printing and parsing of <see cref="Status"/>.</summary>
public static class Statuses
{
    public static string ToText(this Status s) => s switch
    {
        Status.Pass => "pass",
        Status.Fail => "fail",
        Status.Unknown => "unknown",
        Status.NotApplicable => "not_applicable",
        Status.Suppressed => "suppressed",
        _ => s.ToString().ToLowerInvariant(),
    };

    public static Status Parse(string text) => text switch
    {
        "pass" => Status.Pass,
        "fail" => Status.Fail,
        "unknown" => Status.Unknown,
        "not_applicable" => Status.NotApplicable,
        "suppressed" => Status.Suppressed,
        _ => throw new FormatException($"not a status: {text}"),
    };
}
