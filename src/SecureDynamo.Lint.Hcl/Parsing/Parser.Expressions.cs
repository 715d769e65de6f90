using System.Runtime.CompilerServices;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Lexing;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Parsing;

/// <summary>Operators, conditionals and terms, with HCL's precedence.</summary>
internal sealed partial class Parser
{
    /// <summary>Binary operator levels, loosest first.</summary>
    private static readonly Dictionary<TokenKind, BinaryOperator>[] BinaryLevels =
    [
        new() { [TokenKind.Or] = BinaryOperator.Or },
        new() { [TokenKind.And] = BinaryOperator.And },
        new() { [TokenKind.EqualOp] = BinaryOperator.Equal, [TokenKind.NotEqual] = BinaryOperator.NotEqual },
        new()
        {
            [TokenKind.LessThan] = BinaryOperator.LessThan,
            [TokenKind.LessThanEq] = BinaryOperator.LessThanOrEqual,
            [TokenKind.GreaterThan] = BinaryOperator.GreaterThan,
            [TokenKind.GreaterThanEq] = BinaryOperator.GreaterThanOrEqual,
        },
        new() { [TokenKind.Plus] = BinaryOperator.Add, [TokenKind.Minus] = BinaryOperator.Subtract },
        new() { [TokenKind.Star] = BinaryOperator.Multiply, [TokenKind.Slash] = BinaryOperator.Divide, [TokenKind.Percent] = BinaryOperator.Modulo },
    ];

    /// <summary>Parses a full expression (a conditional at the loosest level).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Expression ParseExpression()
    {
        var start = Peek();
        if (!EnterNesting(start))
        {
            var bad = Read();
            SetRecovery();
            return new InvalidExpr(bad.Range);
        }
        try
        {
            return ParseConditional();
        }
        finally
        {
            LeaveNesting();
        }
    }

    /// <summary>Parses an expression that must make up the whole input (expression mode).</summary>
    public Expression ParseWholeExpression()
    {
        PushNewlines(false);
        var expr = ParseExpression();
        var next = Peek();
        if (next.Kind != TokenKind.Eof && !_recovery)
        {
            Error(HclMessages.InvalidExpression, next.Range);
        }
        PopNewlines();
        return expr;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Expression ParseConditional()
    {
        var start = Peek();
        var before = ErrorCount;
        var condition = ParseBinary(0);
        if (_recovery && HasNewErrors(before))
        {
            return condition;
        }
        if (Peek().Kind != TokenKind.Question)
        {
            return condition;
        }
        Read();
        before = ErrorCount;
        var trueResult = ParseExpression();
        if (_recovery && HasNewErrors(before))
        {
            return condition;
        }
        var colon = Peek();
        if (colon.Kind != TokenKind.Colon)
        {
            Error(HclMessages.MissingFalseExpression, colon.Range);
            return condition;
        }
        Read();
        before = ErrorCount;
        var falseResult = ParseExpression();
        if (_recovery && HasNewErrors(before))
        {
            return condition;
        }
        return new Conditional(Between(start, falseResult), condition, trueResult, falseResult);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Expression ParseBinary(int level)
    {
        if (level == BinaryLevels.Length)
        {
            return ParseWithTraversals();
        }
        var ops = BinaryLevels[level];
        var before = ErrorCount;
        var lhs = ParseBinary(level + 1);
        if (_recovery && HasNewErrors(before))
        {
            return lhs;
        }
        while (ops.TryGetValue(Peek().Kind, out var op))
        {
            Read();
            before = ErrorCount;
            var rhs = ParseBinary(level + 1);
            if (_recovery && HasNewErrors(before))
            {
                return lhs;
            }
            lhs = new BinaryOp(Between(lhs, rhs), op, lhs, rhs);
        }
        return lhs;
    }

    private Expression ParseWithTraversals() => ParseTraversals(ParseTerm());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Expression ParseTerm()
    {
        var start = Peek();
        switch (start.Kind)
        {
            case TokenKind.OParen:
                return ParseParenthesized();
            case TokenKind.NumberLit:
                Read();
                return new LiteralValue(start.Range, NumberValue(start));
            case TokenKind.Ident:
                return ParseIdentTerm();
            case TokenKind.OQuote or TokenKind.OHeredoc:
                return ParseTemplateTerm();
            case TokenKind.Minus or TokenKind.Bang:
            {
                Read();
                var operand = ParseWithTraversals();
                var op = start.Kind == TokenKind.Minus ? UnaryOperator.Negate : UnaryOperator.Not;
                return new UnaryOp(Between(start, operand), op, operand);
            }
            case TokenKind.OBrack:
                return ParseTuple();
            case TokenKind.OBrace:
                return ParseObject();
            default:
                if (!_recovery)
                {
                    Error(start.Kind == TokenKind.Eof ? HclMessages.MissingExpressionAtEof : HclMessages.InvalidExpression, start.Range);
                }
                SetRecovery();
                return new InvalidExpr(start.Range);
        }
    }

    private Expression ParseParenthesized()
    {
        var open = Read();
        PushNewlines(false);
        try
        {
            var before = ErrorCount;
            var inner = ParseExpression();
            if (HasNewErrors(before))
            {
                Recover(TokenKind.CParen);
                return inner;
            }
            var close = Peek();
            if (close.Kind != TokenKind.CParen)
            {
                Error(HclMessages.UnbalancedParentheses, close.Range);
                SetRecovery();
            }
            Read();
            return new Parenthesized(Between(open, close), inner);
        }
        finally
        {
            PopNewlines();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Expression ParseIdentTerm()
    {
        var tok = Read();
        var next = Peek();
        if (next.Kind == TokenKind.OParen)
        {
            return FinishFunctionCall(Text(tok), tok.Range);
        }
        if (next.Kind == TokenKind.DoubleColon)
        {
            return ParseProviderFunctionCall(tok);
        }
        return Text(tok) switch
        {
            "true" => new LiteralValue(tok.Range, HclBool.True),
            "false" => new LiteralValue(tok.Range, HclBool.False),
            "null" => new LiteralValue(tok.Range, HclNull.Instance),
            var name => Root(tok.Range, name),
        };
    }

    /// <summary><c>provider::NAMESPACE::NAME(args)</c> (Terraform 1.8+, HCL 2.20+).</summary>
    private Expression ParseProviderFunctionCall(Token first)
    {
        var name = Text(first);
        var last = first;
        while (Peek().Kind == TokenKind.DoubleColon)
        {
            Read();
            var part = Peek();
            if (part.Kind != TokenKind.Ident)
            {
                if (!_recovery)
                {
                    Error(HclMessages.InvalidFunctionName, part.Range);
                }
                SetRecovery();
                return new InvalidExpr(Between(first, part));
            }
            Read();
            name += "::" + Text(part);
            last = part;
        }
        if (Peek().Kind != TokenKind.OParen)
        {
            if (!_recovery)
            {
                Error(HclMessages.InvalidFunctionName, Peek().Range);
            }
            SetRecovery();
            return new InvalidExpr(Between(first, last));
        }
        return FinishFunctionCall(name, Between(first, last));
    }

    private Expression FinishFunctionCall(string name, SourceRange nameRange)
    {
        var open = Read();
        var args = new List<Expression>();
        var expandFinal = false;
        Token close;
        PushNewlines(false);
        while (true)
        {
            if (Peek().Kind == TokenKind.CParen)
            {
                close = Read();
                break;
            }
            var before = ErrorCount;
            args.Add(ParseExpression());
            if (_recovery && HasNewErrors(before))
            {
                close = Recover(TokenKind.CParen);
                break;
            }
            var sep = Read();
            if (sep.Kind == TokenKind.CParen)
            {
                close = sep;
                break;
            }
            if (sep.Kind == TokenKind.Ellipsis)
            {
                expandFinal = true;
                if (Peek().Kind != TokenKind.CParen)
                {
                    if (!_recovery)
                    {
                        Error(HclMessages.ExpandNotLast, sep.Range);
                    }
                    close = Recover(TokenKind.CParen);
                }
                else
                {
                    close = Read();
                }
                break;
            }
            if (sep.Kind != TokenKind.Comma)
            {
                Error(HclMessages.MissingArgumentSeparator, sep.Range);
                close = Recover(TokenKind.CParen);
                break;
            }
            if (Peek().Kind == TokenKind.CParen)
            {
                close = Read();
                break;
            }
        }
        PopNewlines();
        return new FunctionCall(Between(nameRange, close), name, nameRange, args, expandFinal, open.Range, close.Range);
    }

    private HclValue NumberValue(Token tok)
    {
        if (HclNumber.TryParse(Text(tok), out var number))
        {
            return new HclNumberValue(number);
        }
        Error(HclMessages.InvalidNumber, tok.Range);
        return HclNull.Instance;
    }

    /// <summary>A traversal of a root name alone (the traversal and its root share the one range).</summary>
    private static ScopeTraversal Root(SourceRange range, string name) => new(range, [new TraverseRoot(range, name)]);
}
