namespace SecureDynamo.Lint.Core.Evaluation;

/// <summary>How bad a failure of a policy is. Ordered: a threshold compares with &gt;=.</summary>
public enum Severity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}

/// <summary>Parsing and printing of <see cref="Severity"/>.</summary>
public static class Severities
{
    public static string ToText(this Severity s) => s.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "low": severity = Severity.Low; return true;
            case "medium": severity = Severity.Medium; return true;
            case "high": severity = Severity.High; return true;
            case "critical": severity = Severity.Critical; return true;
            default: severity = Severity.Low; return false;
        }
    }
}
