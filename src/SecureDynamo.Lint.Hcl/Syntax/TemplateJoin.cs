using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>A <c>%{for}</c> directive: the for expression's results are joined into one string.</summary>
public sealed record TemplateJoin(SourceRange Range, ForExpr Tuple) : Expression(Range);
