using System.Runtime.CompilerServices;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Lexing;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Hcl.Text;

namespace SecureDynamo.Lint.Hcl.Parsing;

/// <summary>
/// Hand-written recursive-descent parser over the token list, following HCL's grammar, newline
/// rules and error recovery (after the first error, follow-on errors are suppressed while the
/// parser re-synchronises). Nesting is bounded by <see cref="MaxDepth"/>; callers run it on a
/// <see cref="LargeStack"/> thread.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Deepest nesting accepted before a diagnostic replaces the construct.</summary>
    public const int MaxDepth = 100_000;

    private readonly List<Token> _tokens;
    private readonly SourceMap _map;
    private readonly List<HclDiagnostic> _diagnostics;
    private readonly Stack<bool> _includeNewlines = new();
    private int _next;
    private int _depth;
    private bool _recovery;
    private Token _previous;

    public Parser(List<Token> tokens, SourceMap map, List<HclDiagnostic> diagnostics)
    {
        _tokens = tokens;
        _map = map;
        _diagnostics = diagnostics;
        _previous = tokens[0];
    }

    private string FileName => _map.FileName;

    private bool IncludingNewlines => _includeNewlines.Count == 0 || _includeNewlines.Peek();

    private void PushNewlines(bool include) => _includeNewlines.Push(include);

    private void PopNewlines() => _includeNewlines.Pop();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (Token Token, int Next) NextToken()
    {
        for (var i = _next; i < _tokens.Count; i++)
        {
            var tok = _tokens[i];
            if (tok.Kind == TokenKind.Comment)
            {
                // Line comments own their newline; where newlines matter the comment stands in for it.
                if (IncludingNewlines && tok.End > tok.Start && _map.ByteAt(tok.End - 1) == '\n')
                {
                    return (tok with { Kind = TokenKind.Newline }, i + 1);
                }
                continue;
            }
            if (tok.Kind == TokenKind.Newline && !IncludingNewlines)
            {
                continue;
            }
            return (tok, i + 1);
        }
        return (_tokens[^1], _tokens.Count);
    }

    private Token Peek() => NextToken().Token;

    private Token Read()
    {
        var (tok, next) = NextToken();
        _next = next;
        _previous = tok;
        return tok;
    }

    private SourceRange PrevRange => _previous.Range;

    private SourceRange NextRange => Peek().Range;

    private SourceRange Between(SourceRange a, SourceRange b) => new(FileName, a.Start, b.End);

    // From one token (or range) to another without materialising the tokens' own ranges.
    private SourceRange Between(Token a, Token b) => new(FileName, a.StartPosition, b.EndPosition);

    private SourceRange Between(Token a, SourceRange b) => new(FileName, a.StartPosition, b.End);

    private SourceRange Between(SourceRange a, Token b) => new(FileName, a.Start, b.EndPosition);

    private SourceRange Between(Node a, Node b) => new(FileName, a.Range.Start, b.Range.End);

    private SourceRange Between(Token a, Node b) => new(FileName, a.StartPosition, b.Range.End);

    private SourceRange Between(Node a, Token b) => new(FileName, a.Range.Start, b.EndPosition);

    private SourceRange Between(Node a, SourceRange b) => new(FileName, a.Range.Start, b.End);

    private SourceRange Between(SourceRange a, Node b) => new(FileName, a.Start, b.Range.End);

    private static SourceRange StartOf(SourceRange r) => r with { End = r.Start };

    private static SourceRange EndOf(SourceRange r) => r with { Start = r.End };

    private string Text(Token tok) => _map.Text(tok.Start, tok.End);

    private void Error((string Summary, string Detail) message, SourceRange range) =>
        _diagnostics.Add(new HclDiagnostic(HclSeverity.Error, message.Summary, message.Detail, range));

    private int ErrorCount => _diagnostics.Count;

    private bool HasNewErrors(int before) => _diagnostics.Count > before;

    private void SetRecovery() => _recovery = true;

    /// <summary>Skips to the matching <paramref name="end"/> token (counting nested openers) and returns it.</summary>
    private Token Recover(TokenKind end)
    {
        var start = Opposite(end);
        _recovery = true;
        var nest = 0;
        while (true)
        {
            var tok = Read();
            var kind = tok.Kind;
            if (end == TokenKind.TemplateSeqEnd && kind == TokenKind.TemplateControl)
            {
                kind = TokenKind.TemplateInterp;
            }
            if (kind == start)
            {
                nest++;
            }
            else if (kind == end)
            {
                if (nest < 1)
                {
                    return tok;
                }
                nest--;
            }
            else if (kind == TokenKind.Eof)
            {
                return tok;
            }
        }
    }

    /// <summary>Skips to the start of the next body item: past the next newline outside any brackets.</summary>
    private void RecoverAfterBodyItem()
    {
        _recovery = true;
        var open = new Stack<TokenKind>();
        while (true)
        {
            var tok = Read();
            switch (tok.Kind)
            {
                case TokenKind.Newline when open.Count == 0:
                case TokenKind.Eof:
                    return;
                case TokenKind.OBrace or TokenKind.OBrack or TokenKind.OParen or TokenKind.OQuote or TokenKind.OHeredoc
                    or TokenKind.TemplateInterp or TokenKind.TemplateControl:
                    open.Push(tok.Kind);
                    break;
                case TokenKind.CBrace or TokenKind.CBrack or TokenKind.CParen or TokenKind.CQuote or TokenKind.CHeredoc:
                    var opener = Opposite(tok.Kind);
                    while (open.Count > 0 && open.Peek() != opener)
                    {
                        open.Pop();
                    }
                    if (open.Count > 0)
                    {
                        open.Pop();
                    }
                    break;
                case TokenKind.TemplateSeqEnd:
                    while (open.Count > 0 && open.Peek() is not (TokenKind.TemplateInterp or TokenKind.TemplateControl))
                    {
                        open.Pop();
                    }
                    if (open.Count > 0)
                    {
                        open.Pop();
                    }
                    break;
            }
        }
    }

    private static TokenKind Opposite(TokenKind kind) => kind switch
    {
        TokenKind.OBrace => TokenKind.CBrace,
        TokenKind.CBrace => TokenKind.OBrace,
        TokenKind.OBrack => TokenKind.CBrack,
        TokenKind.CBrack => TokenKind.OBrack,
        TokenKind.OParen => TokenKind.CParen,
        TokenKind.CParen => TokenKind.OParen,
        TokenKind.OQuote => TokenKind.CQuote,
        TokenKind.CQuote => TokenKind.OQuote,
        TokenKind.OHeredoc => TokenKind.CHeredoc,
        TokenKind.CHeredoc => TokenKind.OHeredoc,
        TokenKind.TemplateInterp => TokenKind.TemplateSeqEnd,
        TokenKind.TemplateSeqEnd => TokenKind.TemplateInterp,
        _ => TokenKind.Invalid,
    };

    private bool IsKeyword(Token tok, string keyword) => tok.Kind == TokenKind.Ident && Text(tok) == keyword;

    /// <summary>Enters one nesting level; false (with a diagnostic) when the limit is exceeded.</summary>
    private bool EnterNesting(Token at)
    {
        if (_depth >= MaxDepth) return EnterNesting(at.Range);
        _depth++;
        return true;
    }

    private bool EnterNesting(SourceRange at)
    {
        if (_depth >= MaxDepth)
        {
            if (!_recovery)
            {
                Error(HclMessages.TooDeep(MaxDepth), at);
            }
            return false;
        }
        _depth++;
        return true;
    }

    private void LeaveNesting() => _depth--;
}
