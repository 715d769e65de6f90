using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary><c>{ k = v, ... }</c>.</summary>
public sealed record ObjectCons(SourceRange Range, IReadOnlyList<ObjectItem> Items) : Expression(Range);
