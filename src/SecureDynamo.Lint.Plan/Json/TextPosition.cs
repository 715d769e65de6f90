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
        var span = buffer.AsSpan(_counted, upTo - _counted);
        var lastNewline = span.LastIndexOf((byte)'\n');
        if (lastNewline >= 0)
        {
            _line += span.Count((byte)'\n');
            _column = Encoding.UTF8.GetCharCount(span[(lastNewline + 1)..]);
        }
        else
        {
            _column += Encoding.UTF8.GetCharCount(span);
        }
        _counted = upTo;
    }

    /// <summary>The buffer dropped its first <paramref name="bytes"/> bytes (already counted).</summary>
    public void Shift(int bytes) => _counted -= bytes;

    public (int Line, int Column) At(byte[] buffer, int index)
    {
        Advance(buffer, index);
        return (_line, (int)Math.Min(int.MaxValue, _column + 1));
    }
}
