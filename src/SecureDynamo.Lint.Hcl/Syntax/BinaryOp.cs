using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary><c>lhs op rhs</c>.</summary>
public sealed record BinaryOp(SourceRange Range, BinaryOperator Operator, Expression Lhs, Expression Rhs) : Expression(Range);
