using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary><c>collection[key]</c> with a non-constant key (constant keys become traversal steps).</summary>
public sealed record IndexExpr(SourceRange Range, Expression Collection, Expression Key, SourceRange BracketRange) : Expression(Range);
