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

    [Fact]
    public void One_path_reads_maps_of_different_shapes_and_plain_maps_alike()
    {
        // A path remembers where its names were in the last shape it met: maps of another shape, a name absent from a
        // shape, and maps without a shape must still read as themselves, in any order.
        var path = AttributePath.Of("point_in_time_recovery", 0, "enabled");
        var blockShape = MapShape.Of(["enabled", "recovery_period_in_days"])!;
        var otherBlockShape = MapShape.Of(["recovery_period_in_days", "enabled"])!;
        var tableShape = MapShape.Of(["name", "point_in_time_recovery"])!;
        var noPitrShape = MapShape.Of(["name"])!;
        Value Table(MapShape block, bool enabled) => Value.Map(new ShapedMap(tableShape,
            [Value.String("t"), Value.List([Value.Map(new ShapedMap(block, block.Names[0] == "enabled" ? [Value.Bool(enabled), Value.Null] : [Value.Null, Value.Bool(enabled)]))])]));
        var plain = Value.Map(new Dictionary<string, Value>
        {
            ["point_in_time_recovery"] = Value.List([Value.Map(new Dictionary<string, Value> { ["enabled"] = Value.True })]),
        });
        var withoutPitr = Value.Map(new ShapedMap(noPitrShape, [Value.String("t")]));

        for (var round = 0; round < 3; round++)
        {
            Assert.True(Table(blockShape, true).Navigate(path).AsBool());
            Assert.False(Table(otherBlockShape, false).Navigate(path).AsBool());
            Assert.True(Table(otherBlockShape, true).Navigate(path).AsBool());
            Assert.True(withoutPitr.Navigate(path).IsNull);
            Assert.False(Table(blockShape, false).Navigate(path).AsBool());
            Assert.True(plain.Navigate(path).AsBool());
            Assert.True(Table(blockShape, true).Navigate(AttributePath.Of("point_in_time_recovery", 0, "missing")).IsNull);
        }
    }
}
