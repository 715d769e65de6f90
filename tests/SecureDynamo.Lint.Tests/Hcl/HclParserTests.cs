using System.Text;
using SecureDynamo.Lint.Hcl;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Tests.Hcl;

/// <summary>Table-driven parser tests: exact diagnostic text and positions, node shapes, comments.</summary>
public sealed class HclParserTests
{
    private static HclFile Parse(string text) => HclParser.ParseConfig("t.tf", Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("a = 1 b = 2\n", "Missing newline after argument", 1, 7)]
    [InlineData("a = \"x\\q\"\n", "Invalid escape sequence", 1, 7)]
    [InlineData("a = 1 +\n  2\n", "Invalid expression", 1, 8)]
    [InlineData("a = { x = 1 y = 2 }\n", "Missing attribute separator", 1, 13)]
    [InlineData("resource \"t\" \"${x}\" {\n}\n", "Invalid string literal", 1, 15)]
    [InlineData("a = 1\na = 2\n", "Attribute redefined", 2, 1)]
    [InlineData("b {\n", "Unclosed configuration block", 1, 3)]
    [InlineData("a = 'x'\n", "Invalid character", 1, 5)]
    public void ReportsFirstErrorWithExactSummaryAndPosition(string source, string summary, int line, int column)
    {
        var file = Parse(source);
        var first = Assert.IsType<HclDiagnostic>(file.Diagnostics.FirstOrDefault(), exactMatch: false);
        Assert.Equal(summary, first.Summary);
        Assert.Equal((line, column), (first.Range.Start.Line, first.Range.Start.Column));
    }

    [Theory]
    [InlineData("{ for i, v in [\"a\"] : v => i }")]
    [InlineData("{ \"a\" : 1, b = 2 }")]
    [InlineData("{ true = 1, null = 2, \"for\" = 3, if = 4, in = 5 }")]
    [InlineData("{ baz = 2, for = 1 }")]
    [InlineData("[for x in y : x if x != \"\"]")]
    [InlineData("var.things[*].a[0]")]
    [InlineData("aws_dynamodb_table.t.0.arn")]
    [InlineData("provider::aws::arn_parse(\"x\")")]
    [InlineData("\"%{ for x in [1] ~} ${x} %{~ endfor }\"")]
    [InlineData("<<-EOT\n  a\n    b\n  EOT\n")]
    public void ParsesValidExpressions(string expr)
    {
        var file = Parse("x = " + expr + "\n");
        Assert.False(file.HasErrors, string.Join("; ", file.Diagnostics));
    }

    [Fact]
    public void KeepsComments()
    {
        var file = Parse("# securedynamo:ignore dynamodb:014 reason=\"x\"\na = 1 // trailing\n/* block */\n");
        Assert.Equal(["# securedynamo:ignore dynamodb:014 reason=\"x\"\n", "// trailing\n", "/* block */"], file.Comments.Select(c => c.Text));
        Assert.Equal((2, 7), (file.Comments[1].Range.Start.Line, file.Comments[1].Range.Start.Column));
    }

    [Fact]
    public void KeepsBigNumbersExactly()
    {
        var file = Parse("a = 123456789012345678901234567890\nb = 2.5e-3\n");
        Assert.Equal("123456789012345678901234567890", ((HclNumberValue)((LiteralValue)file.Body.Attributes[0].Expression).Value).Value.ToString());
        Assert.Equal("0.0025", ((HclNumberValue)((LiteralValue)file.Body.Attributes[1].Expression).Value).Value.ToString());
    }

    [Fact]
    public void ColumnsCountGraphemeClusters()
    {
        var file = Parse("a = \"👩‍👩‍👧\" \nb = 1\n");
        // a = "<family emoji>": the ZWJ sequence is one column, so the closing quote ends at column 8.
        Assert.Equal(8, file.Body.Attributes[0].Range.End.Column);
    }

    [Fact]
    public void DeepNestingDoesNotCrash()
    {
        var depth = 200_000;
        var file = Parse("a = " + new string('[', depth) + new string(']', depth) + "\n");
        Assert.Contains(file.Diagnostics, d => d.Summary == "Nesting too deep");
    }
}
