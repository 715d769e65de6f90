using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>A placeholder where an expression could not be parsed (a diagnostic says why).</summary>
public sealed record InvalidExpr(SourceRange Range) : Expression(Range);
