using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Plan.Json;

/// <summary>
/// Shares built values between identical JSON texts of one input: a plan repeats the same small
/// subtrees thousands of times (tags, attribute definitions, index projections, encryption blocks,
/// scalar values), and values are immutable, so one object can stand for every copy. Keyed by the
/// raw UTF-8 text of the value (the same text builds the same value); the key bytes live in a few
/// large chunks, not one array per key. One instance per reading thread: not thread-safe.
/// </summary>
internal sealed class ValueInterner
{
    /// <summary>Values whose text is longer are built every time: large subtrees rarely repeat exactly.</summary>
    public const int MaxTextBytes = 1024;
    // Key chunks and table segments stay below the large object heap's threshold (85,000 bytes): a large plan's
    // interners grow to megabytes, and large-object allocations set off background gen2 collections mid-scan.
    private const int ChunkBytes = 1 << 16;
    private const int SegmentBits = 11;
    private const int SegmentEntries = 1 << SegmentBits;

    private readonly List<byte[]> _chunks = [];
    private int _chunkUsed = ChunkBytes;
    // An open-addressing table of Capacity entries, kept in segments of SegmentEntries.
    private Entry[][] _segments = [new Entry[SegmentEntries], new Entry[SegmentEntries]];
    private int _count;

    private int Capacity => _segments.Length * SegmentEntries;
    private readonly Dictionary<int, List<MapShape>> _shapes = new();

    /// <summary>The value built before from exactly <paramref name="text"/>, or null; <paramref name="hash"/> is for <see cref="Add"/>.</summary>
    public Value? Find(ReadOnlySpan<byte> text, out int hash)
    {
        hash = Hash(text);
        var mask = Capacity - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var e = ref Slot(_segments, i);
            if (e.Value is null) return null;
            if (e.Hash == hash && e.Length == text.Length && _chunks[e.Chunk].AsSpan(e.Offset, e.Length).SequenceEqual(text)) return e.Value;
        }
    }

    /// <summary>Remembers <paramref name="value"/> as built from <paramref name="text"/> (after a <see cref="Find"/> that missed).</summary>
    public void Add(ReadOnlySpan<byte> text, int hash, Value value)
    {
        if (text.Length > MaxTextBytes) return;
        if ((_count + 1) * 2 > Capacity) Grow();
        if (_chunkUsed + text.Length > ChunkBytes)
        {
            _chunks.Add(new byte[ChunkBytes]);
            _chunkUsed = 0;
        }
        var chunk = _chunks.Count - 1;
        text.CopyTo(_chunks[chunk].AsSpan(_chunkUsed));
        Insert(_segments, new Entry(hash, chunk, _chunkUsed, text.Length, value));
        _chunkUsed += text.Length;
        _count++;
    }

    /// <summary>
    /// The shared shape of a map with <paramref name="names"/> in this order, or null when a name
    /// repeats (such a map is built as a dictionary, the last value winning).
    /// </summary>
    public MapShape? Shape(ReadOnlySpan<string> names)
    {
        var h = new HashCode();
        foreach (var n in names) h.Add(n.GetHashCode());
        var hash = h.ToHashCode();
        if (!_shapes.TryGetValue(hash, out var candidates)) _shapes[hash] = candidates = new List<MapShape>(1);
        foreach (var c in candidates)
        {
            if (c.Matches(names)) return c;
        }
        var shape = MapShape.Of(names.ToArray());
        if (shape is not null) candidates.Add(shape);
        return shape;
    }

    private void Grow()
    {
        var larger = new Entry[_segments.Length * 2][];
        for (var i = 0; i < larger.Length; i++) larger[i] = new Entry[SegmentEntries];
        foreach (var segment in _segments)
        {
            foreach (var e in segment)
            {
                if (e.Value is not null) Insert(larger, e);
            }
        }
        _segments = larger;
    }

    private static void Insert(Entry[][] segments, Entry entry)
    {
        var mask = segments.Length * SegmentEntries - 1;
        var i = entry.Hash & mask;
        while (Slot(segments, i).Value is not null) i = (i + 1) & mask;
        Slot(segments, i) = entry;
    }

    /// <summary>Entry <paramref name="i"/> of the table kept in <paramref name="segments"/>.</summary>
    private static ref Entry Slot(Entry[][] segments, int i) => ref segments[i >> SegmentBits][i & (SegmentEntries - 1)];

    private static int Hash(ReadOnlySpan<byte> text)
    {
        var h = new HashCode();
        h.AddBytes(text);
        return h.ToHashCode() & int.MaxValue;
    }

    private readonly record struct Entry(int Hash, int Chunk, int Offset, int Length, Value? Value);
}
