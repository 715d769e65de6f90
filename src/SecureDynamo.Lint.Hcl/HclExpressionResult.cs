using SecureDynamo.Lint.Hcl.Syntax;

namespace SecureDynamo.Lint.Hcl;

/// <summary>The result of parsing a standalone expression or template.</summary>
public sealed record HclExpressionResult(Expression Expression, IReadOnlyList<HclDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == HclSeverity.Error);
}
