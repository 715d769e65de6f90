using System.Text;
using SecureDynamo.Lint.Plan.Json;

namespace SecureDynamo.Lint.Tests.Plan;

/// <summary>
/// System.Text.Json refuses a lone surrogate escape only when a string is made of it, and does not say where: the reader
/// finds the escape itself to report its line and column.
/// </summary>
public sealed class UnpairedSurrogateTests
{
    [Theory]
    [InlineData("{\"a\":\"\\ud83d\\ude00\"}", -1)] // a pair
    [InlineData("{\"a\":\"\\\\ud800\"}", -1)] // an escaped backslash, then text
    [InlineData("{\"a\":\"x\\ud800\"}", 7)] // a high surrogate ending the string
    [InlineData("{\"a\":\"\\ud800\\u0041\"}", 6)] // a high surrogate followed by another escape
    [InlineData("{\"a\":\"\\ud800x\"}", 6)] // a high surrogate followed by text
    [InlineData("{\"k\\udc00\":1}", 3)] // a low surrogate first, in a name
    [InlineData("{\"a\":\"\\n\\\"\",\"b\":\"\\uDC00\"}", 17)] // other escapes before it; upper-case hex
    public void The_first_unpaired_escape_is_found(string json, int expected)
    {
        Assert.Equal(expected, JsonProblems.UnpairedSurrogateAt(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Its_position_counts_lines_and_characters_from_where_the_text_starts()
    {
        var text = Encoding.UTF8.GetBytes("{\"é\":\n  \"\\ud800\"}");
        // After {"é (4 bytes, 3 characters) on the first line, which starts at column 10.
        Assert.Equal((1, 13), TextPosition.Of(text, 4, 1, 10));
        Assert.Equal((2, 4), TextPosition.Of(text, JsonProblems.UnpairedSurrogateAt(text), 1, 10));
    }
}
