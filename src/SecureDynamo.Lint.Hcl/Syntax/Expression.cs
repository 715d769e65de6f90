using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>An HCL expression. Concrete node types mirror HCL's hclsyntax package.</summary>
public abstract record Expression(SourceRange Range) : Node(Range);
