using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary><c>"${expr}"</c>: a template that is a single interpolation yields the value itself, unconverted.</summary>
public sealed record TemplateWrap(SourceRange Range, Expression Wrapped) : Expression(Range);
