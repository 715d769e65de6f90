using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary><c>[a, b, c]</c>.</summary>
public sealed record TupleCons(SourceRange Range, IReadOnlyList<Expression> Items) : Expression(Range);
