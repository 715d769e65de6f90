using System.Runtime.CompilerServices;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Lexing;
using SecureDynamo.Lint.Hcl.Syntax;
using Attribute = SecureDynamo.Lint.Hcl.Syntax.Attribute;

namespace SecureDynamo.Lint.Hcl.Parsing;

/// <summary>Bodies, attributes and blocks. Newlines are significant here.</summary>
internal sealed partial class Parser
{
    /// <summary>Parses a whole configuration file.</summary>
    public Body ParseFile(SourceRange start) => ParseBody(TokenKind.Eof, start);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Body ParseBody(TokenKind end, SourceRange start)
    {
        // The items of the bodies being parsed are stacked in two lists shared by all of them (a nested body's
        // items above its parent's) and copied out once, at their final count, when the body ends.
        var attributesFrom = _attributeStack.Count;
        var blocksFrom = _blockStack.Count;
        // Redefinitions are found by scanning the few attributes of a body; a set only for large bodies.
        Dictionary<string, Attribute>? byName = null;
        Token endToken;
        while (true)
        {
            var next = Peek();
            if (next.Kind == end)
            {
                endToken = next;
                Read();
                break;
            }
            if (next.Kind == TokenKind.Eof)
            {
                Error(HclMessages.UnclosedBlock, start);
                endToken = next;
                break;
            }
            if (next.Kind == TokenKind.Newline)
            {
                Read();
                continue;
            }
            if (next.Kind != TokenKind.Ident)
            {
                var bad = Read();
                if (!_recovery)
                {
                    Error(bad.Kind == TokenKind.OQuote ? HclMessages.QuotedArgumentName : HclMessages.ArgumentOrBlockRequired, bad.Range);
                }
                endToken = _previous;
                Recover(end);
                break;
            }
            switch (ParseBodyItem())
            {
                case Block block:
                    _blockStack.Add(block);
                    break;
                case Attribute attribute when Defined(_attributeStack, attributesFrom, ref byName, attribute.Name) is { } existing:
                    Error(HclMessages.AttributeRedefined(attribute.Name, existing.NameRange.ToString()), attribute.NameRange);
                    break;
                case Attribute attribute:
                    _attributeStack.Add(attribute);
                    byName?.Add(attribute.Name, attribute);
                    break;
            }
        }
        return new Body(Between(start, endToken), Take(_attributeStack, attributesFrom), Take(_blockStack, blocksFrom));
    }

    private readonly List<Attribute> _attributeStack = new();
    private readonly List<Block> _blockStack = new();

    /// <summary>The items of <paramref name="stack"/> from <paramref name="from"/> on, removed from it.</summary>
    private static T[] Take<T>(List<T> stack, int from)
    {
        var count = stack.Count - from;
        if (count == 0) return Array.Empty<T>();
        var items = new T[count];
        stack.CopyTo(from, items, 0, count);
        stack.RemoveRange(from, count);
        return items;
    }

    /// <summary>Above this many attributes in a body, redefinitions are looked up in a dictionary.</summary>
    private const int AttributeScanLimit = 16;

    /// <summary>The attribute of <paramref name="attributes"/> (from <paramref name="from"/> on) named <paramref name="name"/>, if any.</summary>
    private static Attribute? Defined(List<Attribute> attributes, int from, ref Dictionary<string, Attribute>? byName, string name)
    {
        if (byName is null && attributes.Count - from > AttributeScanLimit)
        {
            byName = new Dictionary<string, Attribute>((attributes.Count - from) * 2, StringComparer.Ordinal);
            for (var i = from; i < attributes.Count; i++) byName[attributes[i].Name] = attributes[i];
        }
        if (byName is not null) return byName.GetValueOrDefault(name);
        for (var i = from; i < attributes.Count; i++) if (string.Equals(attributes[i].Name, name, StringComparison.Ordinal)) return attributes[i];
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Node? ParseBodyItem()
    {
        var ident = Read();
        var next = Peek();
        switch (next.Kind)
        {
            case TokenKind.Equal:
                return FinishAttribute(ident, singleLine: false);
            case TokenKind.OQuote or TokenKind.OBrace or TokenKind.Ident:
                return FinishBlock(ident);
            default:
                RecoverAfterBodyItem();
                Error(HclMessages.ArgumentOrBlockRequiredEquals, ident.Range);
                return null;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Attribute FinishAttribute(Token ident, bool singleLine)
    {
        var equals = Read();
        var before = ErrorCount;
        var expr = ParseExpression();
        var endToken = _previous;
        if (_recovery && HasNewErrors(before))
        {
            RecoverAfterBodyItem();
        }
        else if (!singleLine)
        {
            var end = Peek();
            if (end.Kind != TokenKind.Newline && end.Kind != TokenKind.Eof)
            {
                if (!_recovery)
                {
                    Error(end.Kind == TokenKind.Comma ? HclMessages.CommaAfterArgument : HclMessages.MissingNewlineAfterArgument, end.Range);
                }
                RecoverAfterBodyItem();
            }
            else
            {
                Read();
            }
        }
        return new Attribute(Between(ident, endToken), Text(ident), ident.Range, equals.Range, expr);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Block FinishBlock(Token ident)
    {
        var type = Text(ident);
        var labels = new List<string>();
        var labelRanges = new List<SourceRange>();
        Token openBrace;
        while (true)
        {
            var tok = Peek();
            if (tok.Kind == TokenKind.OBrace)
            {
                openBrace = Read();
                break;
            }
            if (tok.Kind == TokenKind.OQuote)
            {
                var (label, range) = ParseQuotedLabel();
                labels.Add(label);
                labelRanges.Add(range);
                continue;
            }
            if (tok.Kind == TokenKind.Ident)
            {
                Read();
                labels.Add(Text(tok));
                labelRanges.Add(tok.Range);
                continue;
            }
            if (tok.Kind == TokenKind.Equal)
            {
                Error(HclMessages.BlockEquals, tok.Range);
            }
            else if (tok.Kind == TokenKind.Newline)
            {
                Error(HclMessages.BlockBraceOnNextLine, tok.Range);
            }
            else if (!_recovery)
            {
                Error(HclMessages.BlockLabelOrBrace, tok.Range);
            }
            RecoverAfterBodyItem();
            var empty = new Body(ident.Range, [], []);
            return new Block(ident.Range, type, ident.Range, labels, labelRanges, ident.Range, ident.Range, empty);
        }

        Body body;
        if (!EnterNesting(openBrace))
        {
            var close = Recover(TokenKind.CBrace);
            body = new Body(Between(openBrace, close), [], []);
        }
        else
        {
            body = Peek().Kind is TokenKind.Newline or TokenKind.Eof or TokenKind.CBrace
                ? ParseBody(TokenKind.CBrace, openBrace.Range)
                : ParseSingleAttributeBody(openBrace.Range);
            LeaveNesting();
        }
        var closeRange = PrevRange;
        var eol = Peek();
        if (eol.Kind is TokenKind.Newline or TokenKind.Eof)
        {
            Read();
        }
        else
        {
            if (!_recovery)
            {
                Error(HclMessages.MissingNewlineAfterBlock, eol.Range);
            }
            RecoverAfterBodyItem();
        }
        return new Block(Between(ident, closeRange), type, ident.Range, labels, labelRanges, openBrace.Range, closeRange, body);
    }

    private Body ParseSingleAttributeBody(SourceRange openBrace)
    {
        var ident = Read();
        if (ident.Kind != TokenKind.Ident)
        {
            RecoverAfterBodyItem();
            Error(HclMessages.ArgumentOrBlockRequired, ident.Range);
            return new Body(Between(openBrace, _previous), [], []);
        }
        var next = Peek();
        if (next.Kind != TokenKind.Equal)
        {
            RecoverAfterBodyItem();
            Error(
                next.Kind is TokenKind.OQuote or TokenKind.OBrace or TokenKind.Ident
                    ? HclMessages.SingleLineBlockArgumentRequired(Text(ident))
                    : HclMessages.ArgumentOrBlockRequiredEquals,
                next.Kind is TokenKind.OQuote or TokenKind.OBrace or TokenKind.Ident ? Between(ident, next) : ident.Range);
            return new Body(Between(openBrace, _previous), [], []);
        }
        var attribute = FinishAttribute(ident, singleLine: true);
        var close = Peek();
        if (close.Kind != TokenKind.CBrace)
        {
            if (!_recovery)
            {
                Error(HclMessages.SingleLineBlockEnd, close.Range);
            }
            RecoverAfterBodyItem();
        }
        else
        {
            Read();
        }
        return new Body(Between(openBrace, _previous), [attribute], []);
    }

    private (string Label, SourceRange Range) ParseQuotedLabel()
    {
        var open = Read();
        var text = new System.Text.StringBuilder();
        Token endToken;
        while (true)
        {
            var tok = Read();
            if (tok.Kind == TokenKind.CQuote)
            {
                endToken = tok;
                break;
            }
            if (tok.Kind == TokenKind.QuotedLit)
            {
                text.Append(DecodeLiteral(tok, quoted: true));
                continue;
            }
            if (tok.Kind is TokenKind.TemplateInterp or TokenKind.TemplateControl)
            {
                Error(HclMessages.InvalidLabel, tok.Range);
                text.Append(tok.Kind == TokenKind.TemplateInterp ? "${ ... }" : "%{ ... }");
                Recover(TokenKind.TemplateSeqEnd);
                continue;
            }
            if (tok.Kind == TokenKind.Eof)
            {
                Error(HclMessages.UnterminatedTemplate, tok.Range);
                endToken = tok;
                break;
            }
            Error(HclMessages.UnterminatedTemplate, tok.Range);
            Recover(TokenKind.CQuote);
            endToken = tok;
            break;
        }
        return (text.ToString(), Between(open, endToken));
    }
}
