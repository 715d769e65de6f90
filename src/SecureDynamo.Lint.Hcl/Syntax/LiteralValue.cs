using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>A literal number, bool, null or (inside templates) string.</summary>
public sealed record LiteralValue(SourceRange Range, HclValue Value) : Expression(Range);
