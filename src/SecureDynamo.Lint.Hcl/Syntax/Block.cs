using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>A block: <c>type "label" label { body }</c>.</summary>
public sealed record Block(
    SourceRange Range,
    string Type,
    SourceRange TypeRange,
    IReadOnlyList<string> Labels,
    IReadOnlyList<SourceRange> LabelRanges,
    SourceRange OpenBraceRange,
    SourceRange CloseBraceRange,
    Body Body) : Node(Range);
