using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary><c>!x</c> or <c>-x</c>.</summary>
public sealed record UnaryOp(SourceRange Range, UnaryOperator Operator, Expression Operand) : Expression(Range);
