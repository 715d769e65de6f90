using System.Text;

namespace SecureDynamo.Lint.Core.Values;

/// <summary>A path to an attribute inside a resource, e.g. <c>server_side_encryption[0].kms_key_arn</c>.</summary>
public sealed class AttributePath : IEquatable<AttributePath>
{
    public static readonly AttributePath Root = new(Array.Empty<object>());

    private readonly object[] _segments;
    private string? _text;

    private AttributePath(object[] segments) => _segments = segments;

    /// <summary>Each segment is a <see cref="string"/> attribute name or an <see cref="int"/> list index.</summary>
    public IReadOnlyList<object> Segments => _segments;

    /// <summary>The segments without an interface in between (hot paths walk them per attribute read).</summary>
    internal ReadOnlySpan<object> SegmentArray => _segments;

    private ShapeHit?[]? _hits;

    /// <summary>For each segment, where its name was last found in a shaped map (see <see cref="ShapedMap.Get(string, ShapeHit[], int)"/>).</summary>
    internal ShapeHit?[] Hits => _hits ??= new ShapeHit?[_segments.Length];

    public static AttributePath Of(params object[] segments)
    {
        foreach (var s in segments)
        {
            if (s is not string && s is not int) throw new ArgumentException("segments are attribute names or list indexes", nameof(segments));
        }
        return new AttributePath((object[])segments.Clone());
    }

    public AttributePath Append(string name) => new([.. _segments, name]);

    /// <summary>The path without its last segment (the block that holds an argument); the root for a one-segment path.</summary>
    public AttributePath Parent() => _segments.Length <= 1 ? Root : new(_segments[..^1]);

    public AttributePath Append(int index) => new([.. _segments, index]);

    public override string ToString() => _text ??= Render();

    private string Render()
    {
        var sb = new StringBuilder();
        foreach (var s in _segments)
        {
            if (s is int i) sb.Append('[').Append(i).Append(']');
            else
            {
                if (sb.Length > 0) sb.Append('.');
                sb.Append((string)s);
            }
        }
        return sb.ToString();
    }

    public bool Equals(AttributePath? other) => other is not null && _segments.SequenceEqual(other._segments);

    public override bool Equals(object? obj) => Equals(obj as AttributePath);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var s in _segments) h.Add(s);
        return h.ToHashCode();
    }
}
