using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>A body: attributes and blocks, each list in source order.</summary>
public sealed record Body(SourceRange Range, IReadOnlyList<Attribute> Attributes, IReadOnlyList<Block> Blocks) : Node(Range);
