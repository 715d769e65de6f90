using System.Text;

namespace SecureDynamo.Lint.Plan.Json;

/// <summary>
/// Counts lines and columns incrementally as the stream moves forward, so a position costs only
/// the bytes since the last one. Columns count UTF-16 code units, as editors and Newtonsoft do.
/// </summary>
internal sealed class TextPosition
{
    private int _counted;
    private int _line = 1;
    private long _column;

    /// <summary>Counts up to buffer index <paramref name="upTo"/>; positions never move backwards.</summary>
    public void Advance(byte[] buffer, int upTo)
    {
        if (upTo <= _counted) return;
        (_line, _column) = After(buffer.AsSpan(_counted, upTo - _counted), _line, _column);
        _counted = upTo;
    }

    /// <summary>
    /// The line and column (1-based, in characters) of <paramref name="offset"/> in <paramref name="text"/>, a piece of the
    /// input that starts at (<paramref name="line"/>, <paramref name="column"/>).
    /// </summary>
    public static (int Line, int Column) Of(ReadOnlySpan<byte> text, int offset, int line, int column)
    {
        var (atLine, before) = After(text[..offset], line, column - 1);
        return (atLine, (int)Math.Min(int.MaxValue, before + 1));
    }

    /// <summary>The line, and the characters before the position on it, after <paramref name="text"/> read from (<paramref name="line"/>, <paramref name="before"/>).</summary>
    private static (int Line, long Before) After(ReadOnlySpan<byte> text, int line, long before)
    {
        var lastNewline = text.LastIndexOf((byte)'\n');
        if (lastNewline < 0) return (line, before + Encoding.UTF8.GetCharCount(text));
        return (line + text.Count((byte)'\n'), Encoding.UTF8.GetCharCount(text[(lastNewline + 1)..]));
    }

    /// <summary>The buffer dropped its first <paramref name="bytes"/> bytes (already counted).</summary>
    public void Shift(int bytes) => _counted -= bytes;

    public (int Line, int Column) At(byte[] buffer, int index)
    {
        Advance(buffer, index);
        return (_line, (int)Math.Min(int.MaxValue, _column + 1));
    }
}
