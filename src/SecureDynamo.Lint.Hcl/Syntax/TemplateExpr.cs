using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>A string template: literal parts, interpolations, and directives (as <see cref="Conditional"/> / <see cref="TemplateJoin"/>).</summary>
public sealed record TemplateExpr(SourceRange Range, IReadOnlyList<Expression> Parts) : Expression(Range)
{
    /// <summary>True when the template is one literal string with no interpolation.</summary>
    public bool IsStringLiteral => Parts.Count == 1 && Parts[0] is LiteralValue { Value: HclString };
}
