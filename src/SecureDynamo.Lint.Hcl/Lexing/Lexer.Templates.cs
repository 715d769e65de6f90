using System.Runtime.CompilerServices;
namespace SecureDynamo.Lint.Hcl.Lexing;

/// <summary>Template scanning: quoted strings, heredocs and bare templates.</summary>
internal sealed partial class Lexer
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanQuoted()
    {
        var start = _pos;
        var c = _src[_pos];
        if (c == '"')
        {
            _pos++;
            _contexts.Pop();
            Emit(TokenKind.CQuote, start, _pos);
            return;
        }
        if (c == '\n' || (c == '\r' && At(_pos + 1) == '\n'))
        {
            _pos += c == '\n' ? 1 : 2;
            Emit(TokenKind.QuotedNewline, start, _pos);
            return;
        }
        if (!TryScanTemplateSequence(TokenKind.QuotedLit))
        {
            ScanLiteral(TokenKind.QuotedLit, quoted: true);
        }
    }

    /// <summary>Scans <c>${</c>, <c>%{</c>, their escapes <c>$${</c> / <c>%%{</c>, or a lone <c>$</c> / <c>%</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryScanTemplateSequence(TokenKind literalKind)
    {
        var start = _pos;
        var c = _src[_pos];
        if (c != '$' && c != '%')
        {
            return false;
        }
        if (At(_pos + 1) == '{')
        {
            _pos += At(_pos + 2) == '~' ? 3 : 2;
            Emit(c == '$' ? TokenKind.TemplateInterp : TokenKind.TemplateControl, start, _pos);
            _contexts.Push(new LexerContext(LexerContextKind.Interpolation));
            return true;
        }
        _pos += At(_pos + 1) == c && At(_pos + 2) == '{' ? 3 : 1;
        Emit(literalKind, start, _pos);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanLiteral(TokenKind kind, bool quoted)
    {
        var start = _pos;
        while (_pos < _src.Length)
        {
            var c = _src[_pos];
            if (c == '$' || c == '%')
            {
                break;
            }
            if (quoted && (c == '"' || c == '\n' || (c == '\r' && At(_pos + 1) == '\n')))
            {
                break;
            }
            if (!quoted && c == '\n')
            {
                _pos++;
                break;
            }
            if (c >= 0x80)
            {
                if (!TryDecode(_pos, out _, out var runeLength))
                {
                    break;
                }
                _pos += runeLength;
                continue;
            }
            if (quoted && c == '\\' && _pos + 1 < _src.Length && _src[_pos + 1] != '\n' && _src[_pos + 1] < 0x80)
            {
                _pos += 2;
                continue;
            }
            _pos++;
        }
        if (_pos > start)
        {
            Emit(kind, start, _pos);
            return;
        }
        // Only an invalid UTF-8 byte stops a literal before it starts.
        _pos++;
        Emit(TokenKind.BadUtf8, start, _pos);
    }

    /// <summary>Recognises <c>&lt;&lt;EOT</c> / <c>&lt;&lt;-EOT</c> immediately followed by a newline.</summary>
    private bool TryScanHeredocStart()
    {
        var start = _pos;
        var p = _pos + 2;
        if (At(p) == '-')
        {
            p++;
        }
        var markerStart = p;
        var saved = _pos;
        _pos = p;
        var count = _tokens.Count;
        if (!TryScanIdent())
        {
            _pos = saved;
            return false;
        }
        _tokens.RemoveAt(count);
        var markerEnd = _pos;
        var newline = At(_pos) == '\n' ? 1 : At(_pos) == '\r' && At(_pos + 1) == '\n' ? 2 : 0;
        if (newline == 0)
        {
            _pos = saved;
            return false;
        }
        _pos += newline;
        Emit(TokenKind.OHeredoc, start, _pos);
        var marker = System.Text.Encoding.UTF8.GetString(_src, markerStart, markerEnd - markerStart);
        _contexts.Push(new LexerContext(LexerContextKind.Heredoc, marker));
        return true;
    }

    private void ScanHeredoc(LexerContext context)
    {
        if (context.Kind == LexerContextKind.Heredoc && context.AtLineStart && TryScanHeredocEnd(context))
        {
            return;
        }
        if (!TryScanTemplateSequence(TokenKind.StringLit))
        {
            ScanLiteral(TokenKind.StringLit, quoted: false);
        }
        context.AtLineStart = _src[_pos - 1] == '\n';
    }

    private bool TryScanHeredocEnd(LexerContext context)
    {
        var p = _pos;
        while (At(p) is (byte)' ' or (byte)'\t')
        {
            p++;
        }
        if (!Matches(p, context.Marker))
        {
            return false;
        }
        var end = p + context.Marker.Length;
        if (!(At(end) == '\n' || (At(end) == '\r' && At(end + 1) == '\n')))
        {
            return false;
        }
        var start = _pos;
        _pos = end;
        _contexts.Pop();
        Emit(TokenKind.CHeredoc, start, _pos);
        return true;
    }
}
