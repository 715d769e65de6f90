using SecureDynamo.Lint.Hcl.Syntax;

namespace SecureDynamo.Lint.Hcl;

/// <summary>The result of parsing one configuration file: a body (always present), diagnostics and comments.</summary>
public sealed record HclFile(
    string FileName,
    Body Body,
    IReadOnlyList<HclDiagnostic> Diagnostics,
    IReadOnlyList<HclComment> Comments)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == HclSeverity.Error);
}
