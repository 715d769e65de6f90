using SecureDynamo.Lint.Reporting;

namespace SecureDynamo.Lint.Tests.Reporting;

/// <summary>The escaping each format relies on, case by case.</summary>
public sealed class ReportEscapingTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\nb", "a\\nb")]
    [InlineData("a\r\nb", "a\\r\\nb")]
    [InlineData("\u001b[31mred\u001b[0m", "\\u001b[31mred\\u001b[0m")]
    [InlineData("x\u202Eevil", "x\\u202eevil")]
    [InlineData("bell\u0007", "bell\\u0007")]
    [InlineData("tab\there", "tab\\there")]
    public void SafeText_makes_control_characters_visible(string input, string expected) => Assert.Equal(expected, SafeText.OneLine(input));

    [Theory]
    [InlineData("100%", "100%25")]
    [InlineData("%0A::error::x", "%250A::error::x")]
    [InlineData("a\nb", "a\\nb")]
    public void Workflow_data_escapes_percent_and_newlines(string input, string expected) => Assert.Equal(expected, WorkflowCommand.EscapeData(input));

    [Theory]
    [InlineData("a:b,c", "a%3Ab%2Cc")]
    [InlineData("x%y", "x%25y")]
    public void Workflow_properties_also_escape_colon_and_comma(string input, string expected) => Assert.Equal(expected, WorkflowCommand.EscapeProperty(input));

    [Fact]
    public void Workflow_command_puts_escaped_properties_before_the_data()
    {
        Assert.Equal("::error file=a%2Cb.json,line=3,title=x%3Ay::5%25", WorkflowCommand.Format("error", [("file", "a,b.json"), ("line", "3"), ("title", "x:y")], "5%"));
        Assert.Equal("::error file=a%2Cb.json::m%250Dn", WorkflowCommand.Format("error", [("file", "a,b.json")], "m%0Dn"));
    }

    [Theory]
    [InlineData("a|b", "a\\|b")]
    [InlineData("`code`", "\\`code\\`")]
    [InlineData("<script>&", "&lt;script&gt;&amp;")]
    [InlineData("[x](http://e)", "\\[x\\](http://e)")]
    [InlineData("@team", "\\@team")]
    [InlineData("two\nlines", "two\\\\nlines")]
    public void Markdown_cell_is_inert(string input, string expected) => Assert.Equal(expected, MarkdownText.Cell(input));

    [Theory]
    [InlineData("ok\u001bx", "okx")]
    [InlineData("tab\tnl\ncr\r", "tab\tnl\ncr\r")]
    [InlineData("emoji \uD83D\uDE00", "emoji \uD83D\uDE00")]
    public void Xml_text_drops_characters_xml_cannot_hold(string input, string expected) => Assert.Equal(expected, XmlText.Valid(input));

    [Fact]
    public void Xml_text_drops_lone_surrogates_and_noncharacters()
    {
        // not a theory: test runners mangle lone surrogates in serialized theory data
        Assert.Equal("ab", XmlText.Valid(new string(['\uFFFE', 'a', '\uD800', 'b'])));
        Assert.Equal("a", XmlText.Valid(new string(['a', '\uDC00'])));
    }
}
