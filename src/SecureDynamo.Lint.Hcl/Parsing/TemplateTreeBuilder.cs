using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Parsing;

/// <summary>Matches <c>%{if}</c>/<c>%{for}</c> directives with their ends, producing expression nodes.</summary>
internal sealed class TemplateTreeBuilder(List<TemplatePart> parts, List<HclDiagnostic> diagnostics)
{
    private int _next;

    public List<Expression> BuildRoot()
    {
        var exprs = new List<Expression>();
        while (parts[_next] is not TemplateEndPart)
        {
            exprs.Add(BuildOne());
        }
        return exprs;
    }

    private Expression BuildOne()
    {
        var part = parts[_next];
        switch (part)
        {
            case LiteralPart literal:
                _next++;
                return new LiteralValue(literal.Range, new HclString(literal.Value));
            case InterpolationPart interpolation:
                _next++;
                return interpolation.Expression;
            case IfPart:
                return BuildIf();
            case ForPart:
                return BuildFor();
            case EndDirectivePart end:
                _next++;
                Error(HclMessages.UnexpectedDirective(end.Keyword, string.Empty), end.Range);
                return new InvalidExpr(end.Range);
            default:
                _next++;
                Error(HclMessages.UnexpectedEndOfTemplate("template"), part.Range);
                return new InvalidExpr(part.Range);
        }
    }

    private Expression BuildIf()
    {
        var open = (IfPart)parts[_next++];
        var ifExprs = new List<Expression>();
        var elseExprs = new List<Expression>();
        var current = ifExprs;
        SourceRange endifRange;
        while (true)
        {
            var next = parts[_next];
            if (next is TemplateEndPart end)
            {
                Error(HclMessages.UnexpectedEndOfTemplate("if"), end.Range);
                return new InvalidExpr(end.Range);
            }
            if (next is EndDirectivePart directive)
            {
                _next++;
                if (directive.Keyword == "else" && current == ifExprs)
                {
                    current = elseExprs;
                    continue;
                }
                if (directive.Keyword == "endif")
                {
                    endifRange = directive.Range;
                    break;
                }
                Error(HclMessages.UnexpectedDirective(directive.Keyword, "endif"), directive.Range);
                return new InvalidExpr(directive.Range);
            }
            current.Add(BuildOne());
        }
        if (ifExprs.Count == 0)
        {
            ifExprs.Add(new LiteralValue(open.Range with { Start = open.Range.End }, new HclString(string.Empty)));
        }
        if (elseExprs.Count == 0)
        {
            elseExprs.Add(new LiteralValue(endifRange with { End = endifRange.Start }, new HclString(string.Empty)));
        }
        var trueExpr = new TemplateExpr(Between(ifExprs[0].Range, ifExprs[^1].Range), ifExprs);
        var falseExpr = new TemplateExpr(Between(elseExprs[0].Range, elseExprs[^1].Range), elseExprs);
        return new Conditional(Between(open.Range, endifRange), open.Condition, trueExpr, falseExpr);
    }

    private Expression BuildFor()
    {
        var open = (ForPart)parts[_next++];
        var body = new List<Expression>();
        SourceRange endRange;
        while (true)
        {
            var next = parts[_next];
            if (next is TemplateEndPart end)
            {
                Error(HclMessages.UnexpectedEndOfTemplate("for"), end.Range);
                return new InvalidExpr(end.Range);
            }
            if (next is EndDirectivePart directive)
            {
                _next++;
                if (directive.Keyword == "endfor")
                {
                    endRange = directive.Range;
                    break;
                }
                Error(HclMessages.UnexpectedDirective(directive.Keyword, "endfor"), directive.Range);
                return new InvalidExpr(directive.Range);
            }
            body.Add(BuildOne());
        }
        if (body.Count == 0)
        {
            body.Add(new LiteralValue(open.Range with { Start = open.Range.End }, new HclString(string.Empty)));
        }
        var range = Between(open.Range, endRange);
        var value = new TemplateExpr(Between(body[0].Range, body[^1].Range), body);
        var forExpr = new ForExpr(range, open.KeyVar, open.ValVar, open.Collection, null, value, null, false);
        return new TemplateJoin(range, forExpr);
    }

    private static SourceRange Between(SourceRange a, SourceRange b) => a with { End = b.End };

    private void Error((string Summary, string Detail) message, SourceRange range) =>
        diagnostics.Add(new HclDiagnostic(HclSeverity.Error, message.Summary, message.Detail, range));
}
