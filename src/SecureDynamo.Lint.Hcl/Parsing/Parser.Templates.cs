using System.Runtime.CompilerServices;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Lexing;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Parsing;

/// <summary>Quoted strings, heredocs and bare templates: flat parts first, then directives as a tree.</summary>
internal sealed partial class Parser
{
    /// <summary>Parses a bare template (template mode) up to the end of input.</summary>
    public Expression ParseBareTemplate()
    {
        var (parts, _, start, end) = ParseTemplateInner(TokenKind.Eof, flush: false);
        return new TemplateExpr(Between(start, end), parts);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Expression ParseTemplateTerm()
    {
        var open = Read();
        if (!EnterNesting(open))
        {
            var close = Recover(Opposite(open.Kind));
            return new InvalidExpr(Between(open, close));
        }
        try
        {
            var closer = open.Kind == TokenKind.OQuote ? TokenKind.CQuote : TokenKind.CHeredoc;
            var flush = open.Kind == TokenKind.OHeredoc && Text(open).StartsWith("<<-", StringComparison.Ordinal);
            var (parts, passthrough, _, _) = ParseTemplateInner(closer, flush);
            var range = Between(open, _previous);
            return passthrough ? new TemplateWrap(range, parts[0]) : new TemplateExpr(range, parts);
        }
        finally
        {
            LeaveNesting();
        }
    }

    /// <returns>The expressions, whether the template is a lone interpolation, and its first token and end (for its range).</returns>
    private (List<Expression> Parts, bool Passthrough, Token Start, SourceRange End) ParseTemplateInner(TokenKind end, bool flush)
    {
        var (parts, start, endRange) = ParseTemplateParts(end);
        if (flush)
        {
            HeredocFlusher.Flush(parts, _map);
        }
        var builder = new TemplateTreeBuilder(parts, _diagnostics);
        var exprs = builder.BuildRoot();
        var passthrough = parts.Count == 2 && parts[0] is InterpolationPart;
        return (exprs, passthrough, start, endRange);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (List<TemplatePart> Parts, Token Start, SourceRange End) ParseTemplateParts(TokenKind end)
    {
        var parts = new List<TemplatePart>();
        var start = Peek();
        var trimNextLeft = false;
        var nextCanTrimPrevious = false;
        SourceRange endRange;
        while (true)
        {
            var next = Read();
            if (next.Kind == end)
            {
                endRange = next.Range;
                break;
            }
            var trimLeft = trimNextLeft;
            trimNextLeft = false;
            var canTrimPrevious = nextCanTrimPrevious;
            nextCanTrimPrevious = false;
            switch (next.Kind)
            {
                case TokenKind.QuotedLit or TokenKind.StringLit:
                    var text = DecodeLiteral(next, next.Kind == TokenKind.QuotedLit);
                    if (trimLeft)
                    {
                        text = text.TrimStart();
                    }
                    parts.Add(new LiteralPart(text, next.Range));
                    nextCanTrimPrevious = true;
                    break;
                case TokenKind.TemplateInterp:
                    TrimPrevious(parts, next, canTrimPrevious);
                    trimNextLeft = ParseInterpolation(parts, next);
                    break;
                case TokenKind.TemplateControl:
                    TrimPrevious(parts, next, canTrimPrevious);
                    trimNextLeft = ParseDirective(parts, next);
                    break;
                default:
                    if (!_recovery)
                    {
                        Error(HclMessages.UnterminatedTemplate, next.Range);
                    }
                    endRange = Recover(end).Range;
                    goto Done;
            }
        }
        Done:
        if (parts.Count == 0)
        {
            var at = start.StartPosition;
            parts.Add(new LiteralPart(string.Empty, new SourceRange(FileName, at, at)));
        }
        parts.Add(new TemplateEndPart(endRange));
        return (parts, start, endRange);
    }

    private void TrimPrevious(List<TemplatePart> parts, Token opener, bool canTrimPrevious)
    {
        if (canTrimPrevious && opener.End - opener.Start == 3 && parts.Count > 0 && parts[^1] is LiteralPart literal)
        {
            literal.Value = literal.Value.TrimEnd();
        }
    }

    /// <summary>Parses <c>${ expr }</c>; returns true when it ends with the <c>~}</c> strip marker.</summary>
    private bool ParseInterpolation(List<TemplatePart> parts, Token open)
    {
        PushNewlines(false);
        var expr = ParseExpression();
        var close = Peek();
        var strip = false;
        if (close.Kind != TokenKind.TemplateSeqEnd)
        {
            if (!_recovery)
            {
                Error(close.Kind is TokenKind.Eof or TokenKind.QuotedNewline ? HclMessages.UnclosedInterpolation : HclMessages.InterpolationExtra, close.Range);
            }
            Recover(TokenKind.TemplateSeqEnd);
        }
        else
        {
            Read();
            strip = close.End - close.Start == 2;
        }
        PopNewlines();
        parts.Add(new InterpolationPart(expr, Between(open, close)));
        return strip;
    }

    /// <summary>Parses <c>%{ keyword ... }</c>; returns true when it ends with <c>~}</c>.</summary>
    private bool ParseDirective(List<TemplatePart> parts, Token open)
    {
        PushNewlines(false);
        try
        {
            var keyword = Peek();
            if (keyword.Kind != TokenKind.Ident)
            {
                if (!_recovery)
                {
                    Error(HclMessages.DirectiveKeyword, keyword.Range);
                }
                Recover(TokenKind.TemplateSeqEnd);
                return false;
            }
            Read();
            switch (Text(keyword))
            {
                case "if":
                    var condition = ParseExpression();
                    parts.Add(new IfPart(condition, Between(open, Peek())));
                    break;
                case "else" or "endif" or "endfor":
                    parts.Add(new EndDirectivePart(Text(keyword), Between(open, Peek())));
                    break;
                case "for":
                    if (!TryParseForDirective(parts, open))
                    {
                        return false;
                    }
                    break;
                default:
                    if (!_recovery)
                    {
                        Error(HclMessages.DirectiveUnknown(Text(keyword)), keyword.Range);
                    }
                    Recover(TokenKind.TemplateSeqEnd);
                    return false;
            }
            var close = Peek();
            if (close.Kind != TokenKind.TemplateSeqEnd)
            {
                if (!_recovery)
                {
                    Error(HclMessages.DirectiveExtra, close.Range);
                }
                Recover(TokenKind.TemplateSeqEnd);
                return false;
            }
            Read();
            return close.End - close.Start == 2;
        }
        finally
        {
            PopNewlines();
        }
    }

    private bool TryParseForDirective(List<TemplatePart> parts, Token open)
    {
        if (Peek().Kind != TokenKind.Ident)
        {
            return DirectiveError(HclMessages.ForDirectiveVariable);
        }
        string? keyVar = null;
        var valVar = Text(Read());
        if (Peek().Kind == TokenKind.Comma)
        {
            keyVar = valVar;
            Read();
            if (Peek().Kind != TokenKind.Ident)
            {
                return DirectiveError(HclMessages.ForDirectiveValueVariable);
            }
            valVar = Text(Read());
        }
        if (!IsKeyword(Peek(), "in"))
        {
            return DirectiveError(HclMessages.ForDirectiveIn);
        }
        Read();
        var collection = ParseExpression();
        parts.Add(new ForPart(keyVar, valVar, collection, Between(open, Peek())));
        return true;
    }

    private bool DirectiveError((string, string) message)
    {
        if (!_recovery)
        {
            Error(message, Peek().Range);
        }
        Recover(TokenKind.TemplateSeqEnd);
        return false;
    }

    private readonly List<LiteralDecoder.Problem> _literalProblems = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string DecodeLiteral(Token tok, bool quoted)
    {
        var problems = _literalProblems;
        problems.Clear();
        var value = LiteralDecoder.Decode(Text(tok), quoted, problems);
        foreach (var problem in problems)
        {
            Error(problem.Message, _map.Range(tok.Start + problem.Start, tok.Start + problem.End));
        }
        return value;
    }
}
