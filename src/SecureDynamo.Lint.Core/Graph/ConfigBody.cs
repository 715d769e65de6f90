using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Core.Graph;

/// <summary>
/// The configuration of a resource or nested block: which arguments have an expression, and its
/// nested blocks. An argument with no entry was never set, so it takes the provider default.
/// </summary>
public sealed class ConfigBody
{
    public static readonly ConfigBody Empty = new(new Dictionary<string, Expression>(), new Dictionary<string, IReadOnlyList<ConfigBody>>());

    public ConfigBody(IReadOnlyDictionary<string, Expression> attributes, IReadOnlyDictionary<string, IReadOnlyList<ConfigBody>> blocks)
    {
        Attributes = attributes;
        Blocks = blocks;
    }

    public IReadOnlyDictionary<string, Expression> Attributes { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<ConfigBody>> Blocks { get; }

    /// <summary>
    /// The expression at <paramref name="path"/> (block indexes select the block; a single
    /// configured block serves every index, as a <c>dynamic</c> block does). Null when never set.
    /// </summary>
    public Expression? ExpressionAt(AttributePath path)
    {
        var body = this;
        var segments = path.Segments;
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i] is not string name) return null;
            var last = i == segments.Count - 1;
            if (body.Attributes.TryGetValue(name, out var expr))
            {
                // An attribute holding an object or list: the expression covers everything below it.
                return expr;
            }
            if (last || body.Block(name, segments, ref i) is not { } block) return null;
            body = block;
        }
        return null;
    }

    /// <summary>
    /// The block <paramref name="name"/> written here that <paramref name="segments"/> select at <paramref name="i"/>
    /// (the index after the name, which <paramref name="i"/> then passes; a single block serves every index, as a
    /// <c>dynamic</c> block does), or null when none is.
    /// </summary>
    private ConfigBody? Block(string name, IReadOnlyList<object> segments, ref int i)
    {
        if (!Blocks.TryGetValue(name, out var blocks) || blocks.Count == 0) return null;
        var index = 0;
        if (i + 1 < segments.Count && segments[i + 1] is int idx)
        {
            index = idx < blocks.Count ? idx : blocks.Count == 1 ? 0 : -1;
            i++;
        }
        return index < 0 ? null : blocks[index];
    }

    /// <summary>
    /// Whether the blocks that hold the argument at <paramref name="path"/> are written (so an argument not written
    /// there was never set); true for a top-level argument. A <c>dynamic</c> block is not written in a plan's
    /// configuration (<c>terraform show -json</c> leaves it out): what is under it is not known to be unset.
    /// </summary>
    public bool WritesBlocksOf(AttributePath path)
    {
        var body = this;
        var segments = path.Segments;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            if (segments[i] is not string name) return false;
            if (body.Attributes.ContainsKey(name)) return true;
            if (body.Block(name, segments, ref i) is not { } block) return false;
            body = block;
        }
        return true;
    }

    /// <summary>Whether the argument or block <paramref name="name"/> is written in configuration.</summary>
    public bool Sets(string name) => Attributes.ContainsKey(name) || (Blocks.TryGetValue(name, out var b) && b.Count > 0);
}
