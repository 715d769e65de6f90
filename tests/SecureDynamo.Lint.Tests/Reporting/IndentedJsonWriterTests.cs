using Newtonsoft.Json;
using SecureDynamo.Lint.Reporting;

namespace SecureDynamo.Lint.Tests.Reporting;

/// <summary>
/// The JSON report's writer must keep the bytes the report had when Newtonsoft.Json wrote it
/// (indented, non-ASCII escaped): compared here with Newtonsoft itself, character by character.
/// </summary>
public sealed class IndentedJsonWriterTests
{
    [Fact]
    public void Every_utf16_unit_is_escaped_as_newtonsoft_escapes_it()
    {
        var all = new char[0x10000];
        for (var i = 0; i < all.Length; i++) all[i] = (char)i;
        // In one string and one unit at a time (runs of plain text are copied in one piece).
        var texts = new List<string> { new(all) };
        for (var i = 0; i < all.Length; i += 97) texts.Add($"ab{all[i]}c\"d\\{(char)(i / 3)}");
        foreach (var text in texts) Assert.Equal(Newtonsoft(w => w.WriteValue(text)), Ours(w => w.String(text)));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Structure_matches_newtonsoft_indented_output(string newLine)
    {
        var expected = Newtonsoft(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("n"); w.WriteValue(-12);
            w.WritePropertyName("e\u00e9"); w.WriteStartArray(); w.WriteEndArray();
            w.WritePropertyName("o"); w.WriteStartObject(); w.WriteEndObject();
            w.WritePropertyName("a");
            w.WriteStartArray();
            w.WriteStartObject();
            w.WritePropertyName("s"); w.WriteValue((string?)null);
            w.WritePropertyName("b"); w.WriteValue(true);
            w.WritePropertyName("deep"); w.WriteStartArray(); w.WriteValue("x"); w.WriteNull(); w.WriteValue(false); w.WriteEndArray();
            w.WriteEndObject();
            w.WriteValue("y");
            w.WriteEndArray();
            w.WriteEndObject();
        }, newLine);
        var actual = Ours(w =>
        {
            w.StartObject();
            w.Property("n", -12);
            w.Name("e\u00e9"); w.StartArray(); w.EndArray();
            w.Name("o"); w.StartObject(); w.EndObject();
            w.Name("a");
            w.StartArray();
            w.StartObject();
            w.Property("s", (string?)null);
            w.Property("b", true);
            w.Name("deep"); w.StartArray(); w.String("x"); w.Null(); w.Bool(false); w.EndArray();
            w.EndObject();
            w.String("y");
            w.EndArray();
            w.EndObject();
        }, newLine);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Deep_nesting_indents_past_the_prepared_indentation()
    {
        var expected = Newtonsoft(w =>
        {
            for (var i = 0; i < 50; i++) w.WriteStartArray();
            w.WriteValue(1);
            for (var i = 0; i < 50; i++) w.WriteEndArray();
        });
        var actual = Ours(w =>
        {
            for (var i = 0; i < 50; i++) w.StartArray();
            w.Number(1);
            for (var i = 0; i < 50; i++) w.EndArray();
        });
        Assert.Equal(expected, actual);
    }

    private static string Newtonsoft(Action<JsonTextWriter> write, string newLine = "\n")
    {
        var text = new StringWriter { NewLine = newLine };
        using (var w = new JsonTextWriter(text) { Formatting = Formatting.Indented, StringEscapeHandling = StringEscapeHandling.EscapeNonAscii, CloseOutput = false })
        {
            write(w);
        }
        return text.ToString();
    }

    private static string Ours(Action<IndentedJsonWriter> write, string newLine = "\n")
    {
        var text = new StringWriter { NewLine = newLine };
        write(new IndentedJsonWriter(text));
        return text.ToString();
    }
}
