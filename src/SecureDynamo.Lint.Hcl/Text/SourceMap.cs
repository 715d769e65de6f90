using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;
using SecureDynamo.Lint.Core.Diagnostics;

namespace SecureDynamo.Lint.Hcl.Text;

/// <summary>
/// Maps byte offsets to line/column positions. Lines end at <c>\n</c>; columns count grapheme
/// clusters (as HCL does), so an emoji ZWJ sequence is one column. A leading BOM is not a column.
/// </summary>
internal sealed class SourceMap
{
    private readonly byte[] _src;
    private readonly List<int> _lineStarts;
    // Per line: the byte → column table, or null for a plain ASCII line (cached too: a 10,000-deep
    // expression is one long line, and rescanning it for each token would be quadratic).
    private readonly Dictionary<int, int[]?> _columnsByLine = [];
    // Most files are plain ASCII: then a column is the byte offset in the line, no lookup needed.
    private readonly bool _allAscii;

    public SourceMap(string fileName, byte[] src, int contentStart)
    {
        FileName = fileName;
        _src = src;
        var rest = src.AsSpan(contentStart);
        _lineStarts = new List<int>(rest.Count((byte)'\n') + 1) { contentStart };
        _allAscii = System.Text.Ascii.IsValid(rest);
        for (var i = rest.IndexOf((byte)'\n'); i >= 0;)
        {
            var next = i + 1;
            _lineStarts.Add(contentStart + next);
            var more = rest[next..].IndexOf((byte)'\n');
            i = more < 0 ? -1 : next + more;
        }
    }

    public string FileName { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SourcePosition Position(int offset)
    {
        var line = LineOf(offset);
        var start = _lineStarts[line];
        var end = line + 1 < _lineStarts.Count ? _lineStarts[line + 1] : _src.Length;
        var column = !_allAscii && ColumnsOf(line, start, end) is { } columns
            ? columns[Math.Min(offset - start, columns.Length - 1)]
            : offset - start + 1;
        return new SourcePosition(line + 1, column, offset);
    }

    // The line of the last lookup: the parser asks about nearby offsets, mostly going forward.
    private int _lastLine;

    /// <summary>The (0-based) line holding <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int LineOf(int offset)
    {
        var last = _lastLine;
        var starts = _lineStarts;
        if (offset >= starts[last])
        {
            if (last + 1 == starts.Count || offset < starts[last + 1]) return last;
            if (last + 2 == starts.Count || offset < starts[last + 2]) return _lastLine = last + 1;
        }
        var line = starts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }
        return _lastLine = Math.Max(line, 0);
    }

    public SourceRange Range(int start, int end) => new(FileName, Position(start), Position(end));

    public byte ByteAt(int offset) => _src[offset];

    /// <summary>
    /// The text of bytes <paramref name="start"/> to <paramref name="end"/>. Short ASCII texts (names,
    /// keywords, small literals: the same few hundred again and again) come from a per-thread table
    /// of recent texts instead of a new string each time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Text(int start, int end)
    {
        var length = end - start;
        if (length <= 0) return string.Empty;
        var bytes = _src.AsSpan(start, length);
        if (length > InternMaxLength) return Encoding.UTF8.GetString(bytes);
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            if (b >= 0x80) return Encoding.UTF8.GetString(bytes);
            hash = (hash ^ b) * 16777619u;
        }
        var table = _interned ??= new string?[InternSlots];
        var slot = (int)(hash & (InternSlots - 1));
        var known = table[slot];
        if (known is not null && known.Length == length && Ascii.Equals(bytes, known)) return known;
        var text = Encoding.ASCII.GetString(bytes);
        table[slot] = text;
        return text;
    }

    private const int InternSlots = 4096;
    private const int InternMaxLength = 48;

    [ThreadStatic]
    private static string?[]? _interned;

    public ReadOnlySpan<byte> Bytes(int start, int end) => _src.AsSpan(start, end - start);

    /// <summary>Per-byte columns for a line with non-ASCII bytes; null for plain ASCII lines.</summary>
    private int[]? ColumnsOf(int line, int start, int end)
    {
        if (_columnsByLine.TryGetValue(line, out var cached))
        {
            return cached;
        }
        var ascii = true;
        for (var i = start; i < end; i++)
        {
            if (_src[i] >= 0x80)
            {
                ascii = false;
                break;
            }
        }
        if (ascii)
        {
            _columnsByLine[line] = null;
            return null;
        }
        // Decode the line, remembering which byte each UTF-16 unit came from; invalid bytes
        // become U+FFFD one byte each, so they count as one column.
        var text = new StringBuilder();
        var byteOfChar = new List<int>();
        for (var i = start; i < end;)
        {
            var status = Rune.DecodeFromUtf8(_src.AsSpan(i, end - i), out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
                consumed = Math.Max(consumed, 1);
            }
            var units = rune.Utf16SequenceLength;
            for (var u = 0; u < units; u++)
            {
                byteOfChar.Add(i);
            }
            text.Append(rune.ToString());
            i += consumed;
        }
        var columns = new int[end - start + 1];
        var s = text.ToString();
        var column = 1;
        var charIndex = 0;
        while (charIndex < s.Length)
        {
            var len = StringInfo.GetNextTextElementLength(s, charIndex);
            var firstByte = byteOfChar[charIndex];
            var nextByte = charIndex + len < s.Length ? byteOfChar[charIndex + len] : end;
            for (var b = firstByte; b < nextByte; b++)
            {
                columns[b - start] = column;
            }
            column++;
            charIndex += len;
        }
        columns[end - start] = column;
        _columnsByLine[line] = columns;
        return columns;
    }
}
