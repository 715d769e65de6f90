using SecureDynamo.Lint.Core.Values;
using Xunit;

namespace SecureDynamo.Lint.Tests.Core;

public class ShapedMapTests
{
    [Fact]
    public void A_shape_with_a_repeated_name_is_refused()
    {
        Assert.Null(MapShape.Of(["a", "b", "a"]));
        Assert.NotNull(MapShape.Of(["a", "b"]));
    }

    [Fact]
    public void A_shaped_map_reads_like_a_dictionary_in_insertion_order()
    {
        var shape = MapShape.Of(["name", "billing_mode", "tags"])!;
        var map = new ShapedMap(shape, [Value.String("t"), Value.String("PROVISIONED"), Value.EmptyMap]);
        Assert.Equal(3, map.Count);
        Assert.Equal(["name", "billing_mode", "tags"], map.Keys);
        Assert.Equal("PROVISIONED", map["billing_mode"].AsString());
        Assert.True(map.ContainsKey("tags"));
        Assert.False(map.TryGetValue("missing", out _));
        Assert.Throws<KeyNotFoundException>(() => map["missing"]);
        Assert.Equal(["name", "billing_mode", "tags"], map.Select(kv => kv.Key));
        Assert.True(shape.Matches(["name", "billing_mode", "tags"]));
        Assert.False(shape.Matches(["name", "tags", "billing_mode"]));
    }

    [Fact]
    public void Values_must_match_the_shape()
    {
        var shape = MapShape.Of(["a"])!;
        Assert.Throws<ArgumentException>(() => new ShapedMap(shape, []));
    }
}
