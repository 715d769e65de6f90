using SecureDynamo.Lint.Core.Values;
using Xunit;

namespace SecureDynamo.Lint.Tests.Plan;

/// <summary>
/// The unknown and sensitive shadows of a value are matched to its attributes by name, whatever the
/// order either is written in (Terraform sorts both; the reader walks them together when it can).
/// </summary>
public class ShadowOrderTests
{
    private static Value After(string after, string afterUnknown, string afterSensitive = "{}")
    {
        var entry = "{\"address\":\"aws_dynamodb_table.t\",\"mode\":\"managed\",\"type\":\"aws_dynamodb_table\",\"name\":\"t\"," +
                    "\"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":" + after + ",\"after_unknown\":" + afterUnknown +
                    ",\"after_sensitive\":" + afterSensitive + "}}";
        return PlanText.Read(PlanText.Plan(entry)).Resources.Single().After;
    }

    private const string Sorted = "{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"4\"}";

    [Fact]
    public void Sorted_value_and_sorted_shadow()
    {
        var after = After(Sorted, "{\"b\":true,\"d\":true,\"e\":true}", "{\"a\":true,\"c\":false}");
        Assert.Equal(["a", "b", "c", "d", "e"], after.Fields.Keys);
        Assert.True(after.Get("b").IsUnknown);
        Assert.True(after.Get("d").IsUnknown);
        Assert.True(after.Get("e").IsUnknown);
        Assert.Equal("1", after.Get("a").AsString());
        Assert.True(after.Get("a").Sensitive);
        Assert.False(after.Get("c").Sensitive);
        Assert.Equal("3", after.Get("c").AsString());
    }

    [Fact]
    public void A_shadow_out_of_order_is_still_matched_by_name()
    {
        var after = After(Sorted, "{\"d\":true,\"e\":true,\"b\":true}", "{\"c\":true,\"a\":true}");
        Assert.True(after.Get("e").IsUnknown);
        Assert.Equal(5, after.Fields.Count);
        Assert.True(after.Get("b").IsUnknown);
        Assert.True(after.Get("d").IsUnknown);
        Assert.True(after.Get("a").Sensitive);
        Assert.True(after.Get("c").Sensitive);
        Assert.Equal("1", after.Get("a").AsString());
    }

    [Fact]
    public void A_value_out_of_order_is_still_matched_by_name()
    {
        var after = After("{\"d\":\"4\",\"a\":\"1\",\"c\":\"3\",\"b\":\"2\"}", "{\"a\":true,\"c\":true,\"z\":true}", "{\"b\":true,\"d\":true}");
        Assert.True(after.Get("z").IsUnknown);
        Assert.Equal(5, after.Fields.Count);
        Assert.True(after.Get("a").IsUnknown);
        Assert.True(after.Get("c").IsUnknown);
        Assert.True(after.Get("b").Sensitive);
        Assert.True(after.Get("d").Sensitive);
        Assert.Equal("2", after.Get("b").AsString());
    }

    [Fact]
    public void Escaped_names_are_compared_unescaped()
    {
        var after = After(Sorted, "{\"\\u0062\":true}", "{\"c\":true,\"\\u0064\":true}");
        Assert.True(after.Get("b").IsUnknown);
        Assert.True(after.Get("c").Sensitive);
        Assert.True(after.Get("d").Sensitive);
        Assert.False(after.Get("a").IsUnknown);
    }

    [Fact]
    public void Nested_objects_and_prefixes_are_matched_exactly()
    {
        var after = After("{\"ab\":{\"x\":\"1\",\"y\":\"2\"},\"abc\":\"3\",\"b\":\"4\"}", "{\"ab\":{\"y\":true},\"b\":true}", "{\"abc\":true}");
        Assert.True(after.Get("ab").Get("y").IsUnknown);
        Assert.Equal("1", after.Get("ab").Get("x").AsString());
        Assert.True(after.Get("abc").Sensitive);
        Assert.False(after.Get("ab").Sensitive);
        Assert.True(after.Get("b").IsUnknown);
    }
}
