using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>
/// <c>src[*].a[0]</c> (full splat: every following step applies to each element) or
/// <c>src.*.a</c> (attribute-only splat: only attribute steps apply to each element, a later
/// index applies to the result). <see cref="Each"/> is evaluated with <see cref="AnonSymbol"/>
/// bound to each element.
/// </summary>
public sealed record SplatExpr(SourceRange Range, Expression Source, Expression Each, AnonSymbol Item, SourceRange MarkerRange) : Expression(Range);
