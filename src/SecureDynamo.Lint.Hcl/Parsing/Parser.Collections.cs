using System.Runtime.CompilerServices;
using SecureDynamo.Lint.Hcl.Lexing;
using SecureDynamo.Lint.Hcl.Syntax;

namespace SecureDynamo.Lint.Hcl.Parsing;

/// <summary>Tuples, objects and for expressions.</summary>
internal sealed partial class Parser
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Expression ParseTuple()
    {
        var open = Read();
        PushNewlines(false);
        try
        {
            if (IsKeyword(Peek(), "for"))
            {
                return FinishForExpr(open);
            }
            var items = new List<Expression>();
            Token close;
            while (true)
            {
                if (Peek().Kind == TokenKind.CBrack)
                {
                    close = Read();
                    break;
                }
                var before = ErrorCount;
                items.Add(ParseExpression());
                if (_recovery && HasNewErrors(before))
                {
                    close = Recover(TokenKind.CBrack);
                    break;
                }
                var next = Peek();
                if (next.Kind == TokenKind.CBrack)
                {
                    close = Read();
                    break;
                }
                if (next.Kind != TokenKind.Comma)
                {
                    if (!_recovery)
                    {
                        Error(HclMessages.MissingItemSeparator, next.Range);
                    }
                    close = Recover(TokenKind.CBrack);
                    break;
                }
                Read();
            }
            return new TupleCons(Between(open, close), items);
        }
        finally
        {
            PopNewlines();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Expression ParseObject()
    {
        var open = Read();
        PushNewlines(true);
        try
        {
            // A for expression may start on the line after the brace.
            PushNewlines(false);
            var startsFor = IsKeyword(Peek(), "for");
            PopNewlines();
            if (startsFor)
            {
                return FinishForExpr(open);
            }
            var items = new List<ObjectItem>();
            Token close;
            while (true)
            {
                var next = Peek();
                if (next.Kind == TokenKind.Newline)
                {
                    Read();
                    continue;
                }
                if (next.Kind == TokenKind.CBrace)
                {
                    close = Read();
                    break;
                }
                var forceNonLiteral = next.Kind == TokenKind.OParen;
                var before = ErrorCount;
                var keyExpr = ParseExpression();
                if (_recovery && HasNewErrors(before))
                {
                    close = Recover(TokenKind.CBrace);
                    break;
                }
                var key = new ObjectConsKey(keyExpr.Range, keyExpr, forceNonLiteral);
                next = Peek();
                if (next.Kind is not (TokenKind.Equal or TokenKind.Colon))
                {
                    if (!_recovery)
                    {
                        Error(next.Kind is TokenKind.Newline or TokenKind.Comma ? HclMessages.MissingAttributeValue : HclMessages.MissingKeyValueSeparator, next.Range);
                    }
                    close = Recover(TokenKind.CBrace);
                    break;
                }
                Read();
                before = ErrorCount;
                var value = ParseExpression();
                if (_recovery && HasNewErrors(before))
                {
                    close = Recover(TokenKind.CBrace);
                    break;
                }
                items.Add(new ObjectItem(key, value));
                next = Peek();
                if (next.Kind == TokenKind.CBrace)
                {
                    close = Read();
                    break;
                }
                if (next.Kind is not (TokenKind.Comma or TokenKind.Newline))
                {
                    if (!_recovery)
                    {
                        Error(HclMessages.MissingAttributeSeparator, next.Range);
                    }
                    close = Recover(TokenKind.CBrace);
                    break;
                }
                Read();
            }
            return new ObjectCons(Between(open, close), items);
        }
        finally
        {
            PopNewlines();
        }
    }

    private Expression FinishForExpr(Token open)
    {
        PushNewlines(false);
        try
        {
            Read();
            var makeObject = open.Kind == TokenKind.OBrace;
            var closeKind = makeObject ? TokenKind.CBrace : TokenKind.CBrack;
            if (Peek().Kind != TokenKind.Ident)
            {
                return ForError(HclMessages.ForVariable, open, closeKind);
            }
            string? keyVar = null;
            var valVar = Text(Read());
            if (Peek().Kind == TokenKind.Comma)
            {
                keyVar = valVar;
                Read();
                if (Peek().Kind != TokenKind.Ident)
                {
                    return ForError(HclMessages.ForValueVariable, open, closeKind);
                }
                valVar = Text(Read());
            }
            if (!IsKeyword(Peek(), "in"))
            {
                return ForError(HclMessages.ForIn, open, closeKind);
            }
            Read();
            var before = ErrorCount;
            var collection = ParseExpression();
            if (_recovery && HasNewErrors(before))
            {
                return new InvalidExpr(Between(open, Recover(closeKind)));
            }
            if (Peek().Kind != TokenKind.Colon)
            {
                return ForError(HclMessages.ForColon, open, closeKind);
            }
            Read();
            Expression? keyExpr = null;
            before = ErrorCount;
            var valExpr = ParseExpression();
            if (Peek().Kind == TokenKind.FatArrow)
            {
                Read();
                keyExpr = valExpr;
                valExpr = ParseExpression();
            }
            if (_recovery && HasNewErrors(before))
            {
                return new InvalidExpr(Between(open, Recover(closeKind)));
            }
            var group = false;
            Token ellipsis = default;
            if (Peek().Kind == TokenKind.Ellipsis)
            {
                ellipsis = Read();
                group = true;
            }
            Expression? condition = null;
            if (IsKeyword(Peek(), "if"))
            {
                Read();
                before = ErrorCount;
                condition = ParseExpression();
                if (_recovery && HasNewErrors(before))
                {
                    return new InvalidExpr(Between(open, Recover(closeKind)));
                }
            }
            Token close;
            if (Peek().Kind == closeKind)
            {
                close = Read();
            }
            else
            {
                if (!_recovery)
                {
                    Error(HclMessages.ForExtra, Peek().Range);
                }
                close = Recover(closeKind);
            }
            if (!makeObject && keyExpr is not null)
            {
                Error(HclMessages.ForTupleKey, keyExpr.Range);
            }
            if (!makeObject && group)
            {
                Error(HclMessages.ForTupleGroup, ellipsis.Range);
            }
            if (makeObject && keyExpr is null)
            {
                Error(HclMessages.ForObjectKey, valExpr.Range);
            }
            return new ForExpr(Between(open, close), keyVar, valVar, collection, keyExpr, valExpr, condition, group);
        }
        finally
        {
            PopNewlines();
        }
    }

    private InvalidExpr ForError((string, string) message, Token open, TokenKind closeKind)
    {
        if (!_recovery)
        {
            Error(message, Peek().Range);
        }
        var close = Recover(closeKind);
        return new InvalidExpr(Between(open, close));
    }
}
