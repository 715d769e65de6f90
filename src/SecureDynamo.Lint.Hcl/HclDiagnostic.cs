using SecureDynamo.Lint.Core.Diagnostics;

namespace SecureDynamo.Lint.Hcl;

/// <summary>A syntax problem, reported as a value with the range it applies to.</summary>
public sealed record HclDiagnostic(HclSeverity Severity, string Summary, string Detail, SourceRange Range)
{
    public override string ToString() => $"{Range}: {Summary}: {Detail}";
}
