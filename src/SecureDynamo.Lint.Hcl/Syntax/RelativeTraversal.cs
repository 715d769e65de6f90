using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>Attribute/index steps applied to the result of another expression (<c>f(x).a</c>, <c>(x)[0]</c>).</summary>
public sealed record RelativeTraversal(SourceRange Range, Expression Source, IReadOnlyList<TraversalStep> Traversal) : Expression(Range);
