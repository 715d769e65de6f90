using System.Text;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Plan.Json;
using Xunit;

namespace SecureDynamo.Lint.Tests.Plan;

/// <summary>Identical parts of a plan share one value; marked (unknown, sensitive) parts never do.</summary>
public class ValueSharingTests
{
    private static string Table(string name, string tags, string afterUnknown = "{}", string afterSensitive = "{}") =>
        "{\"address\":\"aws_dynamodb_table." + name + "\",\"mode\":\"managed\",\"type\":\"aws_dynamodb_table\",\"name\":\"" + name + "\"," +
        "\"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":{\"name\":\"" + name + "\",\"tags\":" + tags + ",\"attribute\":[{\"name\":\"pk\",\"type\":\"S\"}]}," +
        "\"after_unknown\":" + afterUnknown + ",\"after_sensitive\":" + afterSensitive + "}}";

    [Fact]
    public void Identical_subtrees_of_different_resources_are_one_value()
    {
        var graph = PlanText.Read(PlanText.Plan(Table("a", "{\"team\":\"x\",\"env\":\"prod\"}") + "," + Table("b", "{\"team\":\"x\",\"env\":\"prod\"}")));
        var a = graph.Resources.Single(r => r.Address.Name == "a").After;
        var b = graph.Resources.Single(r => r.Address.Name == "b").After;
        Assert.Same(a.Get("tags"), b.Get("tags"));
        Assert.Same(a.Get("attribute"), b.Get("attribute"));
        Assert.Equal("a", a.Get("name").AsString());
        Assert.Equal("b", b.Get("name").AsString());
        Assert.Equal(["name", "tags", "attribute"], a.Fields.Keys);
    }

    [Fact]
    public void A_sensitive_or_unknown_part_is_not_shared_with_a_plain_one()
    {
        var plain = Table("a", "{\"team\":\"x\"}");
        var sensitive = Table("b", "{\"team\":\"x\"}", afterSensitive: "{\"tags\":{\"team\":true}}");
        var unknown = Table("c", "{\"team\":\"x\"}", afterUnknown: "{\"tags\":{\"owner\":true}}");
        var graph = PlanText.Read(PlanText.Plan(plain + "," + sensitive + "," + unknown));
        Value Tags(string n) => graph.Resources.Single(r => r.Address.Name == n).After.Get("tags");
        Assert.False(Tags("a").Get("team").Sensitive);
        Assert.True(Tags("b").Get("team").Sensitive);
        Assert.True(Tags("c").Get("owner").IsUnknown);
        Assert.Equal(ValueKind.Null, Tags("a").Get("owner").Kind);
    }

    [Fact]
    public void A_repeated_attribute_name_is_refused_not_guessed()
    {
        // Go's encoding/json keeps the last value, other readers the first: judging either would be a guess.
        var entry = "{\"address\":\"aws_dynamodb_table.t\",\"mode\":\"managed\",\"type\":\"aws_dynamodb_table\",\"name\":\"t\"," +
                    "\"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":{\"name\":\"first\",\"billing_mode\":\"PROVISIONED\",\"name\":\"second\"}}}";
        var error = Assert.Throws<InputException>(() => PlanText.Read(PlanText.Plan(entry)));
        Assert.Contains("resource change aws_dynamodb_table.t: \"change\" writes \"name\" twice in one object", error.Message);
    }

    [Fact]
    public void The_interner_returns_the_value_built_from_the_same_text()
    {
        var interner = new ValueInterner();
        var text = Encoding.UTF8.GetBytes("{\"a\":1}");
        Assert.Null(interner.Find(text, out var hash));
        var value = Value.Map(new Dictionary<string, Value> { ["a"] = Value.Number("1") });
        interner.Add(text, hash, value);
        Assert.Same(value, interner.Find(Encoding.UTF8.GetBytes("{\"a\":1}"), out _));
        Assert.Null(interner.Find(Encoding.UTF8.GetBytes("{\"a\":2}"), out _));
        for (var i = 0; i < 20_000; i++)
        {
            var t = Encoding.UTF8.GetBytes($"[{i}]");
            interner.Add(t, Hash(interner, t), Value.List([Value.Number(i.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        }
        Assert.Equal("19999", interner.Find(Encoding.UTF8.GetBytes("[19999]"), out _)!.At(0).AsString());
        Assert.Same(value, interner.Find(text, out _));
    }

    private static int Hash(ValueInterner interner, byte[] text)
    {
        Assert.Null(interner.Find(text, out var hash));
        return hash;
    }

    [Fact]
    public void Maps_with_the_same_names_share_a_shape_and_a_repeated_name_gets_none()
    {
        var interner = new ValueInterner();
        var first = interner.Shape(["a", "b"]);
        Assert.NotNull(first);
        Assert.Same(first, interner.Shape(["a", "b"]));
        Assert.NotSame(first, interner.Shape(["b", "a"]));
        Assert.Null(interner.Shape(["a", "a"]));
    }
}
