using System.Runtime.CompilerServices;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Lexing;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Parsing;

/// <summary>Attribute access, indexes (incl. legacy <c>.0</c>) and both kinds of splat.</summary>
internal sealed partial class Parser
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Expression ParseTraversals(Expression from)
    {
        var result = from;
        while (true)
        {
            var next = Peek();
            if (next.Kind == TokenKind.Dot)
            {
                result = ParseDotStep(from, result);
            }
            else if (next.Kind == TokenKind.OBrack)
            {
                result = ParseBracketStep(from, result);
            }
            else
            {
                return result;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Expression ParseDotStep(Expression from, Expression result)
    {
        var dot = Read();
        var tok = Peek();
        switch (tok.Kind)
        {
            case TokenKind.Ident:
                Read();
                var range = Between(dot, tok);
                return Append(result, new TraverseAttr(range, Text(tok)), range);
            case TokenKind.NumberLit:
                Read();
                var indexRange = Between(dot, tok);
                return Append(result, LegacyIndex(tok, indexRange), indexRange);
            case TokenKind.Star:
                return ParseAttributeSplat(from, result, dot);
            default:
                if (!_recovery)
                {
                    Error(HclMessages.InvalidAttributeName, tok.Range);
                }
                SetRecovery();
                return result;
        }
    }

    private TraverseIndex LegacyIndex(Token number, SourceRange range)
    {
        var text = Text(number);
        if (text.Contains('.'))
        {
            Error(HclMessages.InvalidLegacyIndex, number.Range);
            return new TraverseIndex(range, HclNull.Instance);
        }
        return new TraverseIndex(range, NumberValue(number));
    }

    /// <summary><c>.*</c>: only attribute (and legacy index) steps apply to each element.</summary>
    private Expression ParseAttributeSplat(Expression from, Expression source, Token dot)
    {
        var marker = Read();
        var steps = new List<TraversalStep>();
        var firstRange = NextRange;
        var lastRange = marker.Range;
        while (Peek().Kind == TokenKind.Dot)
        {
            var stepDot = Read();
            var tok = Peek();
            if (tok.Kind == TokenKind.NumberLit)
            {
                Read();
                steps.Add(LegacyIndex(tok, Between(stepDot, tok)));
                lastRange = tok.Range;
                continue;
            }
            if (tok.Kind != TokenKind.Ident)
            {
                if (!_recovery)
                {
                    Error(HclMessages.InvalidAttributeName, tok.Range);
                }
                SetRecovery();
                break;
            }
            Read();
            steps.Add(new TraverseAttr(Between(stepDot, tok), Text(tok)));
            lastRange = tok.Range;
        }
        var markerRange = Between(dot, marker);
        var item = new AnonSymbol(markerRange);
        Expression each = steps.Count == 0 ? item : new RelativeTraversal(Between(firstRange, lastRange), item, steps);
        return new SplatExpr(Between(from, lastRange), source, each, item, markerRange);
    }

    private Expression ParseBracketStep(Expression from, Expression result)
    {
        var open = Read();
        if (Peek().Kind == TokenKind.Star)
        {
            // Full splat: every following traversal step applies to each element.
            Read();
            var close = Read();
            if (close.Kind != TokenKind.CBrack && !_recovery)
            {
                Error(HclMessages.MissingSplatCloseBracket, close.Range);
            }
            var markerRange = Between(open, close);
            var item = new AnonSymbol(markerRange);
            var each = ParseTraversals(item);
            return new SplatExpr(Between(from, each), result, each, item, markerRange);
        }
        PushNewlines(false);
        var before = ErrorCount;
        var key = ParseExpression();
        Token closeBracket;
        if (_recovery && HasNewErrors(before))
        {
            closeBracket = Recover(TokenKind.CBrack);
        }
        else
        {
            closeBracket = Read();
            if (closeBracket.Kind != TokenKind.CBrack && !_recovery)
            {
                Error(HclMessages.MissingCloseBracket, closeBracket.Range);
                closeBracket = Recover(TokenKind.CBrack);
            }
        }
        PopNewlines();
        var range = Between(open, closeBracket);
        if (key is LiteralValue literal)
        {
            return Append(result, new TraverseIndex(range, literal.Value), range);
        }
        if (key is TemplateExpr { IsStringLiteral: true } template)
        {
            return Append(result, new TraverseIndex(range, ((LiteralValue)template.Parts[0]).Value), range);
        }
        return new IndexExpr(Between(from, range), result, key, range);
    }

    private Expression Append(Expression expr, TraversalStep step, SourceRange range) => expr switch
    {
        ScopeTraversal s => s with { Range = Between(s, range), Traversal = [.. s.Traversal, step] },
        RelativeTraversal r => r with { Range = Between(r, range), Traversal = [.. r.Traversal, step] },
        _ => new RelativeTraversal(Between(expr, range), expr, [step]),
    };
}
