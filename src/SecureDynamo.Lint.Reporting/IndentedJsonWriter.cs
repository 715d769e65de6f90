using System.Globalization;

namespace SecureDynamo.Lint.Reporting;

/// <summary>
/// A forward-only writer of indented JSON to a <see cref="TextWriter"/>, for reports of tens of
/// thousands of results. Its output is the JSON report's established form: two-space indentation,
/// the writer's own newline, <c>"name": value</c>, <c>[]</c> and <c>{}</c> when empty, and strings with
/// control characters, <c>"</c>, <c>\</c> and every non-ASCII UTF-16 unit escaped (<c>\n</c>, <c>\u00e9</c>:
/// lower-case hex). Text without anything to escape is copied in one piece, found by vectorised scans.
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

    public IndentedJsonWriter(TextWriter output)
    {
        _out = output;
        var newLine = output.NewLine;
        _newLineLength = newLine.Length;
        _indent = new char[_newLineLength + 64];
        newLine.CopyTo(0, _indent, 0, _newLineLength);
        Array.Fill(_indent, ' ', _newLineLength, _indent.Length - _newLineLength);
    }

    public void StartObject() => Start('{');

    public void EndObject() => End('}');

    public void StartArray() => Start('[');

    public void EndArray() => End(']');

    public void Name(string name)
    {
        BeforeValue();
        WriteString(name);
        _out.Write(": ");
        _afterName = true;
    }

    public void String(string? value)
    {
        BeforeValue();
        if (value is null) _out.Write("null");
        else WriteString(value);
    }

    public void Number(int value)
    {
        BeforeValue();
        Span<char> digits = stackalloc char[11];
        value.TryFormat(digits, out var n, default, CultureInfo.InvariantCulture);
        _out.Write(digits[..n]);
    }

    public void Bool(bool value)
    {
        BeforeValue();
        _out.Write(value ? "true" : "false");
    }

    public void Null()
    {
        BeforeValue();
        _out.Write("null");
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
        _out.Write(bracket);
        _open.Push(false);
    }

    private void End(char bracket)
    {
        var hadMembers = _open.Pop();
        if (hadMembers) NewLine();
        _out.Write(bracket);
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
        if (_open.Peek()) _out.Write(',');
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
        _out.Write(_indent, 0, _newLineLength + width);
    }

    private void WriteString(string value)
    {
        _out.Write('"');
        var text = value.AsSpan();
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
            if (stop > pos) _out.Write(text[pos..stop]);
            if (stop == text.Length) break;
            Escape(text[stop]);
            pos = stop + 1;
        }
        _out.Write('"');
    }

    private void Escape(char c)
    {
        switch (c)
        {
            case '"': _out.Write("\\\""); return;
            case '\\': _out.Write("\\\\"); return;
            case '\n': _out.Write("\\n"); return;
            case '\r': _out.Write("\\r"); return;
            case '\t': _out.Write("\\t"); return;
            case '\f': _out.Write("\\f"); return;
            case '\b': _out.Write("\\b"); return;
        }
        Span<char> unit = ['\\', 'u', Hex(c >> 12), Hex(c >> 8), Hex(c >> 4), Hex(c)];
        _out.Write(unit);
    }

    private static char Hex(int n)
    {
        n &= 0xF;
        return (char)(n < 10 ? '0' + n : 'a' + n - 10);
    }
}
