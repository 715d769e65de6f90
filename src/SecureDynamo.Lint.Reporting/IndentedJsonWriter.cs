using System.Globalization;

namespace SecureDynamo.Lint.Reporting;

/// <summary>
/// A forward-only writer of indented JSON to a <see cref="TextWriter"/>, for reports of tens of
/// thousands of results. Its output is the JSON report's established form: two-space indentation,
/// the writer's own newline, <c>"name": value</c>, <c>[]</c> and <c>{}</c> when empty, and strings with
/// control characters, <c>"</c>, <c>\</c> and every non-ASCII UTF-16 unit escaped (<c>\n</c>, <c>\u00e9</c>:
/// lower-case hex). Text without anything to escape is copied in one piece, found by vectorised scans,
/// into the writer's own buffer, which goes to the output in large pieces (and whenever a top-level
/// value is complete).
/// </summary>
public sealed class IndentedJsonWriter
{
    private const int IndentWidth = 2;
    private readonly TextWriter _out;
    private readonly int _newLineLength;
    // Per open container: whether it has a member yet. Depth is the count.
    private readonly Stack<bool> _open = new();
    private bool _afterName;
    private char[] _indent;
    private readonly char[] _buffer = new char[1 << 14];
    private int _used;

    public IndentedJsonWriter(TextWriter output)
    {
        _out = output;
        var newLine = output.NewLine;
        _newLineLength = newLine.Length;
        _indent = new char[_newLineLength + 64];
        newLine.CopyTo(0, _indent, 0, _newLineLength);
        Array.Fill(_indent, ' ', _newLineLength, _indent.Length - _newLineLength);
    }

    /// <summary>Sends what is buffered to the output (done by itself when a top-level value is complete).</summary>
    public void Flush()
    {
        if (_used == 0) return;
        _out.Write(_buffer, 0, _used);
        _used = 0;
    }

    private void Append(char c)
    {
        if (_used == _buffer.Length) Flush();
        _buffer[_used++] = c;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (text.Length > _buffer.Length - _used)
        {
            Flush();
            if (text.Length > _buffer.Length)
            {
                _out.Write(text);
                return;
            }
        }
        text.CopyTo(_buffer.AsSpan(_used));
        _used += text.Length;
    }

    /// <summary>A value at the top level is complete: the output gets it now.</summary>
    private void Completed()
    {
        if (_open.Count == 0 && !_afterName) Flush();
    }

    public void StartObject() => Start('{');

    public void EndObject() => End('}');

    public void StartArray() => Start('[');

    public void EndArray() => End(']');

    public void Name(string name)
    {
        BeforeValue();
        WriteString(name);
        Append(": ");
        _afterName = true;
    }

    public void String(string? value)
    {
        BeforeValue();
        if (value is null) Append("null");
        else WriteString(value);
        Completed();
    }

    public void Number(int value)
    {
        BeforeValue();
        Span<char> digits = stackalloc char[11];
        value.TryFormat(digits, out var n, default, CultureInfo.InvariantCulture);
        Append(digits[..n]);
        Completed();
    }

    public void Bool(bool value)
    {
        BeforeValue();
        Append(value ? "true" : "false");
        Completed();
    }

    public void Null()
    {
        BeforeValue();
        Append("null");
        Completed();
    }

    public void Property(string name, string? value)
    {
        Name(name);
        String(value);
    }

    public void Property(string name, int value)
    {
        Name(name);
        Number(value);
    }

    public void Property(string name, bool value)
    {
        Name(name);
        Bool(value);
    }

    private void Start(char bracket)
    {
        BeforeValue();
        Append(bracket);
        _open.Push(false);
    }

    private void End(char bracket)
    {
        var hadMembers = _open.Pop();
        if (hadMembers) NewLine();
        Append(bracket);
        Completed();
    }

    /// <summary>A value after a name stays on its line; any other member goes on a new, indented line after a comma.</summary>
    private void BeforeValue()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }
        if (_open.Count == 0) return;
        if (_open.Peek()) Append(',');
        else
        {
            _open.Pop();
            _open.Push(true);
        }
        NewLine();
    }

    private void NewLine()
    {
        var width = _open.Count * IndentWidth;
        if (_newLineLength + width > _indent.Length)
        {
            var wider = new char[_newLineLength + width * 2];
            _indent.AsSpan(0, _newLineLength).CopyTo(wider);
            Array.Fill(wider, ' ', _newLineLength, wider.Length - _newLineLength);
            _indent = wider;
        }
        Append(_indent.AsSpan(0, _newLineLength + width));
    }

    /// <summary>One string value written from three parts (no string made of them first).</summary>
    public void String(ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<char> third)
    {
        BeforeValue();
        Append('"');
        WriteEscaped(first);
        WriteEscaped(second);
        WriteEscaped(third);
        Append('"');
        Completed();
    }

    private void WriteString(string value)
    {
        Append('"');
        WriteEscaped(value);
        Append('"');
    }

    private void WriteEscaped(ReadOnlySpan<char> text)
    {
        var pos = 0;
        // The next character outside printable ASCII (DEL included), found again only once passed:
        // searching to it from every quote would be quadratic in a long message full of quotes.
        var outside = -1;
        while (pos < text.Length)
        {
            if (outside < pos)
            {
                var o = text[pos..].IndexOfAnyExceptInRange(' ', '\u007f');
                outside = o < 0 ? text.Length : pos + o;
            }
            var special = text[pos..outside].IndexOfAny('"', '\\');
            var stop = special < 0 ? outside : pos + special;
            if (stop > pos) Append(text[pos..stop]);
            if (stop == text.Length) break;
            Escape(text[stop]);
            pos = stop + 1;
        }
    }

    private void Escape(char c)
    {
        switch (c)
        {
            case '"': Append("\\\""); return;
            case '\\': Append("\\\\"); return;
            case '\n': Append("\\n"); return;
            case '\r': Append("\\r"); return;
            case '\t': Append("\\t"); return;
            case '\f': Append("\\f"); return;
            case '\b': Append("\\b"); return;
        }
        Span<char> unit = ['\\', 'u', Hex(c >> 12), Hex(c >> 8), Hex(c >> 4), Hex(c)];
        Append(unit);
    }

    private static char Hex(int n)
    {
        n &= 0xF;
        return (char)(n < 10 ? '0' + n : 'a' + n - 10);
    }
}
