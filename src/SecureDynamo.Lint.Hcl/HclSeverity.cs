namespace SecureDynamo.Lint.Hcl;

/// <summary>How serious a diagnostic is.</summary>
public enum HclSeverity
{
    Error,
    Warning,
}
