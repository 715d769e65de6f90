using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>An argument: <c>name = expr</c>.</summary>
public sealed record Attribute(SourceRange Range, string Name, SourceRange NameRange, SourceRange EqualsRange, Expression Expression) : Node(Range);
