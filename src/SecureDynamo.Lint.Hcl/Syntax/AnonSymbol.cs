using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>The placeholder for "the current element" inside a splat's <see cref="SplatExpr.Each"/>.</summary>
public sealed record AnonSymbol(SourceRange Range) : Expression(Range);
