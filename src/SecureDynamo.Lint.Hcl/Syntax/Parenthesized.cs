using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary><c>( expr )</c>.</summary>
public sealed record Parenthesized(SourceRange Range, Expression Inner) : Expression(Range);
