using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>A reference such as <c>aws_kms_key.k.arn</c> or <c>var.list[0]</c>; the first step is a <see cref="TraverseRoot"/>.</summary>
public sealed record ScopeTraversal(SourceRange Range, IReadOnlyList<TraversalStep> Traversal) : Expression(Range)
{
    public string RootName => ((TraverseRoot)Traversal[0]).Name;
}
