using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SecureDynamo.Lint.Core.Values;

/// <summary>
/// The attribute names of a map, in order, shared by every map with the same names: resources of
/// one type carry the same attributes, so a plan's thousands of tables share one shape and each
/// table keeps only its values.
/// </summary>
public sealed class MapShape
{
    private readonly Dictionary<string, int> _index;

    private MapShape(string[] names)
    {
        Names = names;
        _index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++) _index.TryAdd(names[i], i);
    }

    /// <summary>The names in the map's order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>A shape for <paramref name="names"/>, or null when a name repeats (a map keeps one value per name).</summary>
    public static MapShape? Of(string[] names)
    {
        var shape = new MapShape(names);
        return shape._index.Count == names.Length ? shape : null;
    }

    public bool TryGetIndex(string name, out int index) => _index.TryGetValue(name, out index);

    /// <summary>Whether this shape's names are <paramref name="names"/>, in that order.</summary>
    public bool Matches(ReadOnlySpan<string> names)
    {
        if (names.Length != Names.Count) return false;
        for (var i = 0; i < names.Length; i++)
        {
            if (!string.Equals(names[i], Names[i], StringComparison.Ordinal)) return false;
        }
        return true;
    }
}

/// <summary>An immutable map of a shared <see cref="MapShape"/> and its own values.</summary>
public sealed class ShapedMap : IReadOnlyDictionary<string, Value>
{
    private readonly MapShape _shape;
    private readonly Value[] _values;

    /// <param name="values">One value per name of <paramref name="shape"/>; the map keeps the array.</param>
    public ShapedMap(MapShape shape, Value[] values)
    {
        if (values.Length != shape.Names.Count) throw new ArgumentException("one value per name of the shape", nameof(values));
        _shape = shape;
        _values = values;
    }

    public int Count => _values.Length;

    public Value this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => _shape.Names;

    public IEnumerable<Value> Values => _values;

    public bool ContainsKey(string key) => _shape.TryGetIndex(key, out _);

    /// <summary>
    /// The value of <paramref name="key"/>, or <see cref="Value.Null"/> when absent, found through the place the same name
    /// was found last in a map of the same shape (<paramref name="hits"/>[<paramref name="at"/>], an attribute path's memory
    /// of its segment): a plan's thousands of tables share one shape, so the name is looked up once, not hashed per table.
    /// </summary>
    internal Value Get(string key, ShapeHit?[] hits, int at)
    {
        var hit = hits[at];
        if (hit is null || !ReferenceEquals(hit.Shape, _shape))
        {
            // Made whole before it is stored: another thread sees the old hit or this one.
            hits[at] = hit = new ShapeHit(_shape, _shape.TryGetIndex(key, out var i) ? i : -1);
        }
        return hit.Index < 0 ? Value.Null : _values[hit.Index];
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Value value)
    {
        if (_shape.TryGetIndex(key, out var i))
        {
            value = _values[i];
            return true;
        }
        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, Value>> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++) yield return new KeyValuePair<string, Value>(_shape.Names[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Where a name is in maps of one shape (-1: not there).</summary>
internal sealed class ShapeHit(MapShape shape, int index)
{
    public MapShape Shape { get; } = shape;

    public int Index { get; } = index;
}
