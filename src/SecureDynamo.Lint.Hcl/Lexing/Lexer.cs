using System.Runtime.CompilerServices;
using System.Text;
using SecureDynamo.Lint.Hcl.Text;

namespace SecureDynamo.Lint.Hcl.Lexing;

/// <summary>
/// Turns UTF-8 bytes into tokens, in one pass, before parsing (as HCL does). Normal mode, quoted
/// templates and heredocs are handled by a stack of contexts; <c>}</c> closes whichever of a
/// brace or an interpolation is innermost.
/// </summary>
internal sealed partial class Lexer
{
    private readonly byte[] _src;
    private readonly SourceMap _map;
    private readonly List<Token> _tokens;
    private readonly Stack<LexerContext> _contexts = new();
    private int _pos;

    private Lexer(byte[] src, SourceMap map, int start, List<Token>? reuse)
    {
        _src = src;
        _map = map;
        _pos = start;
        // Configuration files run at about one token per five bytes: sized once, not regrown from empty.
        var expected = Math.Min((src.Length - start) / 5 + 16, 1 << 20);
        if (reuse is null) _tokens = new List<Token>(expected);
        else
        {
            reuse.Clear();
            reuse.EnsureCapacity(expected);
            _tokens = reuse;
        }
    }

    /// <summary>Scans a whole file (config or expression mode), or a bare template, into <paramref name="reuse"/> if given (emptied first).</summary>
    public static List<Token> Scan(byte[] src, SourceMap map, int start, bool template, List<Token>? reuse = null)
    {
        var lexer = new Lexer(src, map, start, reuse);
        if (template)
        {
            lexer._contexts.Push(new LexerContext(LexerContextKind.BareTemplate));
        }
        lexer.Run();
        return lexer._tokens;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run()
    {
        while (_pos < _src.Length)
        {
            var context = _contexts.Count > 0 ? _contexts.Peek() : null;
            switch (context?.Kind)
            {
                case LexerContextKind.Quoted:
                    ScanQuoted();
                    break;
                case LexerContextKind.Heredoc:
                case LexerContextKind.BareTemplate:
                    ScanHeredoc(context);
                    break;
                default:
                    ScanNormal();
                    break;
            }
        }
        Emit(TokenKind.Eof, _src.Length, _src.Length);
    }

    private void Emit(TokenKind kind, int start, int end) =>
        _tokens.Add(new Token(kind, start, end, _map));

    private byte At(int offset) => offset < _src.Length ? _src[offset] : (byte)0;

    private bool Matches(int offset, string text)
    {
        if (offset + text.Length > _src.Length)
        {
            return false;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (_src[offset + i] != text[i])
            {
                return false;
            }
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanNormal()
    {
        var start = _pos;
        var c = _src[_pos];
        switch (c)
        {
            case (byte)' ':
            case (byte)'\t':
                _pos++;
                return;
            case (byte)'\n':
                _pos++;
                Emit(TokenKind.Newline, start, _pos);
                return;
            case (byte)'\r' when At(_pos + 1) == '\n':
                _pos += 2;
                Emit(TokenKind.Newline, start, _pos);
                return;
            case (byte)'#':
                ScanLineComment();
                return;
            case (byte)'/' when At(_pos + 1) == '/':
                ScanLineComment();
                return;
            case (byte)'/' when At(_pos + 1) == '*':
                ScanBlockComment();
                return;
            case (byte)'"':
                _pos++;
                Emit(TokenKind.OQuote, start, _pos);
                _contexts.Push(new LexerContext(LexerContextKind.Quoted));
                return;
            case (byte)'<' when At(_pos + 1) == '<' && TryScanHeredocStart():
                return;
            case (byte)'{':
                _pos++;
                Emit(TokenKind.OBrace, start, _pos);
                _contexts.Push(new LexerContext(LexerContextKind.Brace));
                return;
            case (byte)'}':
                _pos++;
                CloseBrace(start);
                return;
            case (byte)'~' when At(_pos + 1) == '}' && _contexts.Count > 0 && _contexts.Peek().Kind == LexerContextKind.Interpolation:
                _pos += 2;
                CloseBrace(start);
                return;
        }
        if (c >= '0' && c <= '9')
        {
            ScanNumber();
            return;
        }
        if (TryScanIdent())
        {
            return;
        }
        ScanOperator();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CloseBrace(int start)
    {
        var context = _contexts.Count > 0 ? _contexts.Pop() : null;
        Emit(context?.Kind == LexerContextKind.Interpolation ? TokenKind.TemplateSeqEnd : TokenKind.CBrace, start, _pos);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanLineComment()
    {
        var start = _pos;
        while (_pos < _src.Length && _src[_pos] != '\n')
        {
            _pos++;
        }
        if (_pos < _src.Length)
        {
            _pos++;
        }
        Emit(TokenKind.Comment, start, _pos);
    }

    private void ScanBlockComment()
    {
        var start = _pos;
        _pos += 2;
        while (_pos < _src.Length && !(_src[_pos] == '*' && At(_pos + 1) == '/'))
        {
            _pos++;
        }
        if (_pos >= _src.Length)
        {
            Emit(TokenKind.UnclosedComment, start, _pos);
            return;
        }
        _pos += 2;
        Emit(TokenKind.Comment, start, _pos);
    }

    private void ScanNumber()
    {
        var start = _pos;
        SkipDigits();
        if (At(_pos) == '.' && IsDigit(At(_pos + 1)))
        {
            _pos++;
            SkipDigits();
        }
        if (At(_pos) is (byte)'e' or (byte)'E')
        {
            var p = _pos + 1;
            if (At(p) is (byte)'+' or (byte)'-')
            {
                p++;
            }
            if (IsDigit(At(p)))
            {
                _pos = p;
                SkipDigits();
            }
        }
        Emit(TokenKind.NumberLit, start, _pos);
    }

    private void SkipDigits()
    {
        while (IsDigit(At(_pos)))
        {
            _pos++;
        }
    }

    private static bool IsDigit(byte b) => b >= '0' && b <= '9';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryScanIdent()
    {
        var start = _pos;
        if (!TryDecode(_pos, out var first, out var len) || !(IsIdStart(first) || first.Value == '_'))
        {
            return false;
        }
        _pos += len;
        while (_pos < _src.Length && TryDecode(_pos, out var r, out len) && (IsIdContinue(r) || r.Value == '-'))
        {
            _pos += len;
        }
        Emit(TokenKind.Ident, start, _pos);
        return true;
    }

    private bool TryDecode(int offset, out Rune rune, out int length)
    {
        var status = Rune.DecodeFromUtf8(_src.AsSpan(offset), out rune, out length);
        return status == System.Buffers.OperationStatus.Done;
    }

    private static bool IsIdStart(Rune r) => Rune.GetUnicodeCategory(r) is
        System.Globalization.UnicodeCategory.UppercaseLetter or
        System.Globalization.UnicodeCategory.LowercaseLetter or
        System.Globalization.UnicodeCategory.TitlecaseLetter or
        System.Globalization.UnicodeCategory.ModifierLetter or
        System.Globalization.UnicodeCategory.OtherLetter or
        System.Globalization.UnicodeCategory.LetterNumber;

    private static bool IsIdContinue(Rune r) => IsIdStart(r) || Rune.GetUnicodeCategory(r) is
        System.Globalization.UnicodeCategory.NonSpacingMark or
        System.Globalization.UnicodeCategory.SpacingCombiningMark or
        System.Globalization.UnicodeCategory.DecimalDigitNumber or
        System.Globalization.UnicodeCategory.ConnectorPunctuation;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanOperator()
    {
        var start = _pos;
        var c = _src[_pos];
        var next = At(_pos + 1);
        (TokenKind Kind, int Length) op = c switch
        {
            (byte)'[' => (TokenKind.OBrack, 1),
            (byte)']' => (TokenKind.CBrack, 1),
            (byte)'(' => (TokenKind.OParen, 1),
            (byte)')' => (TokenKind.CParen, 1),
            (byte)'*' => (TokenKind.Star, 1),
            (byte)'/' => (TokenKind.Slash, 1),
            (byte)'+' => (TokenKind.Plus, 1),
            (byte)'-' => (TokenKind.Minus, 1),
            (byte)'%' => (TokenKind.Percent, 1),
            (byte)'=' when next == '=' => (TokenKind.EqualOp, 2),
            (byte)'=' when next == '>' => (TokenKind.FatArrow, 2),
            (byte)'=' => (TokenKind.Equal, 1),
            (byte)'!' when next == '=' => (TokenKind.NotEqual, 2),
            (byte)'!' => (TokenKind.Bang, 1),
            (byte)'<' when next == '=' => (TokenKind.LessThanEq, 2),
            (byte)'<' => (TokenKind.LessThan, 1),
            (byte)'>' when next == '=' => (TokenKind.GreaterThanEq, 2),
            (byte)'>' => (TokenKind.GreaterThan, 1),
            (byte)'&' when next == '&' => (TokenKind.And, 2),
            (byte)'&' => (TokenKind.BitwiseAnd, 1),
            (byte)'|' when next == '|' => (TokenKind.Or, 2),
            (byte)'|' => (TokenKind.BitwiseOr, 1),
            (byte)'^' => (TokenKind.BitwiseXor, 1),
            (byte)'~' => (TokenKind.BitwiseNot, 1),
            (byte)'.' when next == '.' && At(_pos + 2) == '.' => (TokenKind.Ellipsis, 3),
            (byte)'.' => (TokenKind.Dot, 1),
            (byte)',' => (TokenKind.Comma, 1),
            (byte)'?' => (TokenKind.Question, 1),
            (byte)':' when next == ':' => (TokenKind.DoubleColon, 2),
            (byte)':' => (TokenKind.Colon, 1),
            (byte)'\'' => (TokenKind.Apostrophe, 1),
            (byte)'`' => (TokenKind.Backtick, 1),
            (byte)';' => (TokenKind.Semicolon, 1),
            _ => (TokenKind.Invalid, 0),
        };
        if (op.Kind != TokenKind.Invalid)
        {
            _pos += op.Length;
            Emit(op.Kind, start, _pos);
            return;
        }
        if (c < 0x80)
        {
            _pos++;
            Emit(TokenKind.Invalid, start, _pos);
            return;
        }
        if (TryDecode(_pos, out _, out var len))
        {
            _pos += len;
            Emit(TokenKind.Invalid, start, _pos);
            return;
        }
        _pos++;
        Emit(TokenKind.BadUtf8, start, _pos);
    }
}
