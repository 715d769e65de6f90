using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Tests.Core;

public sealed class ValueTests
{
    private static readonly Value Sample = Value.Map(new Dictionary<string, Value>
    {
        ["sse"] = Value.List([Value.Map(new Dictionary<string, Value> { ["enabled"] = Value.True, ["key"] = Value.Unknown() })]),
        ["secret"] = Value.String("hunter2").WithSensitive(),
        ["n"] = Value.Number("35"),
    });

    [Fact]
    public void Navigates_paths_and_stops_at_unknowns()
    {
        Assert.True(Sample.Navigate(AttributePath.Of("sse", 0, "enabled")).AsBool());
        Assert.True(Sample.Navigate(AttributePath.Of("sse", 0, "key", "deeper")).IsUnknown);
        Assert.True(Sample.Navigate(AttributePath.Of("sse", 3, "enabled")).IsNull);
        Assert.True(Sample.Navigate(AttributePath.Of("missing")).IsNull);
        Assert.Equal(35, Sample.Get("n").AsNumber());
    }

    [Fact]
    public void Never_displays_sensitive_values()
    {
        Assert.Equal("(sensitive value)", Sample.Get("secret").ToDisplayString());
        Assert.DoesNotContain("hunter2", Sample.ToDisplayString());
    }

    [Fact]
    public void Attribute_paths_print_like_terraform() =>
        Assert.Equal("server_side_encryption[0].kms_key_arn", AttributePath.Of("server_side_encryption", 0, "kms_key_arn").ToString());

    [Fact]
    public void Strings_true_and_false_read_as_booleans_but_capitalised_ones_do_not()
    {
        Assert.True(Value.String("true").AsBool());
        Assert.Null(Value.String("True").AsBool());
    }
}

public sealed class SensitiveValueTests
{
    [Fact]
    public void Parts_of_a_sensitive_value_are_sensitive()
    {
        var v = Value.Map(new Dictionary<string, Value>
        {
            ["inner"] = Value.List([Value.String("secret-key-id")]),
        }).WithSensitive();
        var part = v.Navigate(AttributePath.Of("inner", 0));
        Assert.True(part.Sensitive);
        Assert.Equal("(sensitive value)", part.ToDisplayString());
        Assert.True(v.Get("inner").Items[0].Sensitive);
    }
}
