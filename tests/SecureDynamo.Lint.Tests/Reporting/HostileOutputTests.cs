using System.Text.RegularExpressions;
using System.Xml;
using Newtonsoft.Json.Linq;

namespace SecureDynamo.Lint.Tests.Reporting;

/// <summary>
/// A scan of a plan whose values try to inject terminal escapes, workflow commands, Markdown and
/// HTML produces harmless output in every format.
/// </summary>
public sealed class HostileOutputTests
{
    private static readonly char[] Bidi = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F'];

    private static void AssertNoControlCharacters(string output, string format)
    {
        foreach (var c in output)
        {
            Assert.False(char.IsControl(c) && c != '\n', $"{format}: control character U+{(int)c:X4} in the output");
            Assert.False(Bidi.Contains(c), $"{format}: bidi control U+{(int)c:X4} in the output");
        }
    }

    [Fact]
    public void Text_has_no_terminal_control_characters()
    {
        var text = ReportGoldenTests.ScanHostile("text");
        AssertNoControlCharacters(text, "text");
        Assert.Contains("\\u001b[31mred", text, StringComparison.Ordinal);
        Assert.Contains("line1\\n::error", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Github_commands_cannot_be_injected()
    {
        var output = ReportGoldenTests.ScanHostile("github");
        AssertNoControlCharacters(output, "github");
        var lines = output.TrimEnd('\n').Split('\n');
        // 3 failures + 1 unknown + the summary line: no value from the plan started a line of its own
        Assert.Equal(5, lines.Length);
        Assert.Equal(3, lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.Equal(1, lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)));
        Assert.StartsWith("securedynamo: ", lines[^1], StringComparison.Ordinal);
        var command = new Regex(@"^::(error|warning) ([^:]*)::(.*)$");
        foreach (var line in lines[..^1])
        {
            var m = command.Match(line);
            Assert.True(m.Success, line);
            foreach (var property in m.Groups[2].Value.Split(','))
            {
                Assert.Matches(@"^(file|line|col|title)=[^:,]*$", property);
            }
            // a literal %0A in the plan must arrive as the text "%0A", i.e. written %250A
            Assert.DoesNotMatch("%0[AD]", m.Groups[3].Value.Replace("%25", "", StringComparison.Ordinal));
        }
        Assert.Contains("pct%250A", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_strings_carry_no_control_characters()
    {
        var sarif = JObject.Parse(ReportGoldenTests.ScanHostile("sarif"));
        foreach (var value in sarif.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String))
        {
            var s = (string)value!;
            if (value.Path.Contains("help", StringComparison.Ordinal)) continue; // policy documentation, ours, multi-line by design
            AssertNoControlCharacters(s, "sarif " + value.Path);
        }
    }

    [Fact]
    public void Junit_is_well_formed_xml_without_invalid_characters()
    {
        var xml = ReportGoldenTests.ScanHostile("junit");
        var doc = new XmlDocument();
        doc.LoadXml(xml);
        Assert.DoesNotContain("<script>", xml, StringComparison.Ordinal);
        foreach (var text in doc.SelectNodes("//@*|//text()")!.Cast<XmlNode>().Select(n => n.Value ?? ""))
        {
            // the only line breaks are the ones the reporter puts between a failure's message and its location
            AssertNoControlCharacters(text, "junit");
        }
        var names = doc.SelectNodes("//testcase/@name")!.Cast<XmlAttribute>().Select(a => a.Value).ToList();
        Assert.Contains(names, n => n.Contains("line1\\n::error", StringComparison.Ordinal));
        Assert.Equal(3, doc.SelectNodes("//failure")!.Count);
        Assert.Equal(4, doc.SelectNodes("//skipped")!.Count);
    }

    [Fact]
    public void Markdown_cells_stay_cells_and_html_stays_text()
    {
        var md = ReportGoldenTests.ScanHostile("markdown");
        AssertNoControlCharacters(md, "markdown");
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", md, StringComparison.Ordinal);
        foreach (var row in md.Split('\n').Where(l => l.StartsWith('|')))
        {
            var unescapedPipes = Regex.Matches(row, @"(?<!\\)\|").Count;
            var columns = row.StartsWith("| Severity | Failed", StringComparison.Ordinal) || Regex.IsMatch(row, @"^\|---\|---:") || Regex.IsMatch(row, @"^\| (critical|high|medium|low) \| \d") ? 4 : 5;
            Assert.True(unescapedPipes == columns + 1, $"row has {unescapedPipes} cell separators: {row}");
            Assert.DoesNotMatch(@"(?<!\\)`", row);
        }
        Assert.Contains("\\@someone", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_escapes_every_control_character()
    {
        var json = ReportGoldenTests.ScanHostile("json");
        AssertNoControlCharacters(json, "json");
        var parsed = JObject.Parse(json);
        // The key's escape character is in the address as Terraform writes it (\u001b), not as a raw control character.
        Assert.Contains(parsed["results"]!, r => ((string)r["resource"]!["address"]!).Contains("\\u001b[31m", StringComparison.Ordinal));
    }
}
