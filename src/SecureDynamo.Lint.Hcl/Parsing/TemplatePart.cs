using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Syntax;

namespace SecureDynamo.Lint.Hcl.Parsing;

/// <summary>A flat template item, before directives are matched up into a tree.</summary>
internal abstract class TemplatePart(SourceRange range)
{
    public SourceRange Range { get; set; } = range;
}

/// <summary>Literal text (mutable: strip markers and heredoc flushing adjust it).</summary>
internal sealed class LiteralPart(string value, SourceRange range) : TemplatePart(range)
{
    public string Value { get; set; } = value;
}

/// <summary><c>${ expr }</c>.</summary>
internal sealed class InterpolationPart(Expression expression, SourceRange range) : TemplatePart(range)
{
    public Expression Expression { get; } = expression;
}

/// <summary><c>%{ if cond }</c>.</summary>
internal sealed class IfPart(Expression condition, SourceRange range) : TemplatePart(range)
{
    public Expression Condition { get; } = condition;
}

/// <summary><c>%{ for k, v in coll }</c>.</summary>
internal sealed class ForPart(string? keyVar, string valVar, Expression collection, SourceRange range) : TemplatePart(range)
{
    public string? KeyVar { get; } = keyVar;
    public string ValVar { get; } = valVar;
    public Expression Collection { get; } = collection;
}

/// <summary><c>%{ else }</c>, <c>%{ endif }</c> or <c>%{ endfor }</c>.</summary>
internal sealed class EndDirectivePart(string keyword, SourceRange range) : TemplatePart(range)
{
    public string Keyword { get; } = keyword;
}

/// <summary>The end of the template (closing quote, heredoc marker or end of input).</summary>
internal sealed class TemplateEndPart(SourceRange range) : TemplatePart(range);
