using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary><c>cond ? a : b</c>, also the result of a template <c>%{if}</c> directive.</summary>
public sealed record Conditional(SourceRange Range, Expression Condition, Expression TrueResult, Expression FalseResult) : Expression(Range);
