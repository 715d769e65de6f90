using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>Anything in the syntax tree: it knows where it came from.</summary>
public abstract record Node(SourceRange Range);
