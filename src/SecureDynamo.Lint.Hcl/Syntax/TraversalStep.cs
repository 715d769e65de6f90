using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>One step of a traversal: root name, attribute, index or splat.</summary>
public abstract record TraversalStep(SourceRange Range);

/// <summary>The root name of an absolute traversal (<c>var</c> in <c>var.x</c>).</summary>
public sealed record TraverseRoot(SourceRange Range, string Name) : TraversalStep(Range);

/// <summary>An attribute step (<c>.name</c>).</summary>
public sealed record TraverseAttr(SourceRange Range, string Name) : TraversalStep(Range);

/// <summary>An index step with a constant key (<c>[0]</c>, <c>["k"]</c>, legacy <c>.0</c>).</summary>
public sealed record TraverseIndex(SourceRange Range, HclValue Key) : TraversalStep(Range);
