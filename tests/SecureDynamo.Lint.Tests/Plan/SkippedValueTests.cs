using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Plan;
using SecureDynamo.Lint.Plan.Json;
using SecureDynamo.Lint.Tests.Robustness;

namespace SecureDynamo.Lint.Tests.Plan;

/// <summary>
/// Large unread values (planned_values) are skipped by their structure and checked on another
/// thread: the scan must find exactly the value's end, and an input that is wrong anywhere must
/// give the same error as reading every token.
/// </summary>
public sealed class SkippedValueTests : IDisposable
{
    private readonly TempInput _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"a\":\"}\"}")]
    [InlineData("{\"a\":\"\\\"}\"}")]
    [InlineData("{\"a\":\"\\\\\"}")]
    [InlineData("{\"a\":\"\\\\\\\"]\"}")]
    [InlineData("[\"[\",\"{\",[[{}]],\"\\\\\\\\\"]")]
    [InlineData("{\"k\":[1,2,{\"x\":\"\\u005d\"}]}")]
    public void The_structure_scan_ends_where_the_value_ends(string value)
    {
        var text = value + " ,\"after\":\"}]\"}";
        Assert.Equal(value.Length - 1, EndOf(Encoding.UTF8.GetBytes(text), splitAt: null));
        // Resumed across every split point (one buffer ends, the next begins).
        for (var split = 1; split < text.Length; split++) Assert.Equal(value.Length - 1, EndOf(Encoding.UTF8.GetBytes(text), split));
    }

    [Fact]
    public void The_structure_scan_agrees_with_the_json_reader_on_random_documents()
    {
        var random = new Random(20261206);
        var writer = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        for (var run = 0; run < 300; run++)
        {
            var node = new JsonArray(RandomNode(random, 0), RandomNode(random, 0));
            var value = Encoding.UTF8.GetBytes(node.ToJsonString(writer));
            var text = value.Concat(Encoding.UTF8.GetBytes(",\"x\":[]}")).ToArray();
            var expected = value.Length - 1;
            Assert.Equal(expected, EndOf(text, splitAt: null));
            Assert.Equal(expected, EndOf(text, random.Next(1, text.Length)));
        }
    }

    [Fact]
    public void A_plan_read_from_a_file_is_the_plan_read_token_by_token()
    {
        // Strings holding brackets, an escaped backslash before an escaped quote, and a string ending in an escaped backslash.
        var planned = """{"root_module":{"resources":[{"address":"aws_dynamodb_table.t","values":{"name":"a \\\" } ] { [ b","tags":{"q":"\\"}}}]}}""";
        var json = Plans.Valid().Replace("\"resource_changes\"", "\"planned_values\":" + planned + ",\"resource_drift\":[{\"a\":\"]\"}],\"resource_changes\"");
        var fromFile = PlanReader.ReadFile(_temp.Write("plan.json", json));
        var tokenByToken = PlanReader.Read("plan.json", new MemoryStream(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(tokenByToken.Resources.Select(r => r.Address.ToString()), fromFile.Resources.Select(r => r.Address.ToString()));
        Assert.Equal("orders", fromFile.Resources[0].After.Get("name").AsString());
        Assert.Equal(tokenByToken.Resources[0].Location!.Start, fromFile.Resources[0].Location!.Start);
        Assert.Equal(2, fromFile.ManagedResourceCount);
    }

    public static TheoryData<string, string> BrokenSkippedValues() => new()
    {
        // Each keeps brackets and strings balanced, so only the checking reader can tell.
        { "bad literal", "{\"root_module\":{\"resources\":[tru]}}" },
        { "missing colon", "{\"root_module\" {}}" },
        { "trailing comma", "{\"root_module\":{},}" },
        { "bad escape", "{\"a\":\"\\q\"}" },
        { "control character in a string", "{\"a\":\"x\u0001y\"}" },
        { "mismatched brackets", "{\"a\":[}]" },
        { "too deep", new string('[', 1500) + new string(']', 1500) },
    };

    [Theory]
    [MemberData(nameof(BrokenSkippedValues))]
    public void A_broken_skipped_value_gives_the_error_of_reading_every_token(string what, string planned)
    {
        var json = Plans.Valid().Replace("\"resource_changes\"", "\"planned_values\":" + planned + ",\"resource_changes\"");
        var path = _temp.Write("plan.json", json);

        var fromFile = Assert.Throws<InputException>(() => PlanReader.ReadFile(path));
        var tokenByToken = Assert.Throws<InputException>(() => PlanReader.Read(path, new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.True(tokenByToken.Message == fromFile.Message, what);
    }

    public static TheoryData<string, string, bool, bool> BrokenEntries()
    {
        var data = new TheoryData<string, string, bool, bool>();
        foreach (var (what, value) in new[]
                 {
                     // Each keeps brackets and strings balanced, so only a validating reader can tell.
                     ("bad literal", "[tru]"),
                     ("missing colon", "{\"a\" 1}"),
                     ("trailing comma", "{\"a\":1,}"),
                     ("bad escape", "\"\\q\""),
                     ("control character in a string", "\"x\u0001y\""),
                     ("mismatched brackets", "[1}"),
                     ("too deep", new string('[', 1500) + new string(']', 1500)),
                 })
        {
            // In an entry that is built (a table), and in one no policy reads (a bucket), which is only checked; with
            // the members in Terraform's order, and with "change" first (keys sorted, as jq -S writes them).
            foreach (var changeFirst in new[] { false, true })
            {
                data.Add(what, value, true, changeFirst);
                data.Add(what, value, false, changeFirst);
            }
        }
        return data;
    }

    /// <summary>Entries of resource_changes are found by their structure too: one that is not JSON reads as if every token had been read.</summary>
    [Theory]
    [MemberData(nameof(BrokenEntries))]
    public void A_broken_resource_change_gives_the_error_of_reading_every_token(string what, string value, bool inTable, bool changeFirst)
    {
        var changes = changeFirst ? ChangeFirst(Plans.TableChange) + "," + ChangeFirst(Plans.BucketChange) : null;
        var json = Plans.Valid(changes).Replace(inTable ? "\"after\":{\"name\":\"orders\"" : "\"after\":{\"bucket\":\"logs\"", (inTable ? "\"after\":{\"name\":" : "\"after\":{\"bucket\":") + value);
        Assert.NotEqual(Plans.Valid(), json);
        var path = _temp.Write("plan.json", json);
        var tables = new PlanReadOptions(new HashSet<string>(StringComparer.Ordinal) { "aws_dynamodb_table" });

        var fromFile = Assert.Throws<InputException>(() => PlanReader.ReadFile(path, tables));
        var tokenByToken = Assert.Throws<InputException>(() => PlanReader.Read(path, new MemoryStream(Encoding.UTF8.GetBytes(json)), tables));
        Assert.True(tokenByToken.Message == fromFile.Message, $"{what}: {fromFile.Message} vs {tokenByToken.Message}");
        Assert.Contains(":1:", fromFile.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// <paramref name="changeFirst"/>: each entry's "change" comes before the members that say which resource it is (keys
    /// sorted, as jq -S writes them): the entry's header is read past it by its structure.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Resource_changes_found_by_their_structure_are_the_ones_read_token_by_token(bool changeFirst)
    {
        // Strings holding brackets and quotes, escaped names, a string ending in an escaped backslash, across many entries
        // (entries cross the stream's buffer boundaries).
        var tricky = Plans.TableChange.Replace("\"orders\"", "\"a \\\" } ] { [ b\\\\\",\"t\\u0061gs\":{\"q\":\"]\"}");
        var bucket = Plans.BucketChange.Replace("\"logs\"", "\"} ]\\\"\",\"grants\":[[\"{\"],{\"x\":\"\\\\\"}]");
        if (changeFirst)
        {
            tricky = ChangeFirst(tricky);
            bucket = ChangeFirst(bucket);
        }
        var changes = string.Join(",", Enumerable.Range(0, 3000).Select(i => (i % 2 == 0 ? tricky : bucket).Replace(".t\"", $".t{i}\"").Replace(".b\"", $".b{i}\"").Replace("\"name\":\"t\"", $"\"name\":\"t{i}\"")));
        var json = Plans.Valid(changes);
        var tables = new PlanReadOptions(new HashSet<string>(StringComparer.Ordinal) { "aws_dynamodb_table" });

        var fromFile = PlanReader.ReadFile(_temp.Write("plan.json", json), tables);
        var tokenByToken = PlanReader.Read("plan.json", new MemoryStream(Encoding.UTF8.GetBytes(json)), tables);

        Assert.Equal(1500, fromFile.Resources.Count);
        Assert.Equal(3000, fromFile.ManagedResourceCount);
        Assert.Equal(tokenByToken.Resources.Select(r => r.Address.ToString()), fromFile.Resources.Select(r => r.Address.ToString()));
        Assert.Equal(tokenByToken.Resources.Select(r => r.Location!.Start), fromFile.Resources.Select(r => r.Location!.Start));
        Assert.Equal("a \" } ] { [ b\\", fromFile.Resources[0].After.Get("name").AsString());
        Assert.Equal("]", fromFile.Resources[0].After.Get("tags").Get("q").AsString());
    }

    /// <summary>The entry <paramref name="entry"/> (Terraform's order: "change" last) with its "change" member first.</summary>
    private static string ChangeFirst(string entry)
    {
        var at = entry.IndexOf(",\"change\":", StringComparison.Ordinal);
        Assert.True(at > 0 && entry.EndsWith('}'));
        return "{" + entry[(at + 1)..^1] + "," + entry[1..at] + "}";
    }

    [Fact]
    public void A_broken_skipped_value_wins_over_a_later_error()
    {
        var json = Plans.Valid("42").Replace("\"resource_changes\"", "\"planned_values\":{\"a\":nul},\"resource_changes\"");
        var path = _temp.Write("plan.json", json);

        var error = Assert.Throws<InputException>(() => PlanReader.ReadFile(path));
        Assert.Contains(":1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid JSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("each entry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_skipped_value_cut_short_is_a_truncated_input()
    {
        var json = Plans.Valid().Replace("\"resource_changes\"", "\"planned_values\":{\"a\":[\"]\"");
        var cut = json[..(json.IndexOf("[\"]\"", StringComparison.Ordinal) + 4)];
        var error = Assert.Throws<InputException>(() => PlanReader.ReadFile(_temp.Write("plan.json", cut)));

        Assert.EndsWith("the JSON document ends before it is complete (truncated?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_memory_stream_that_shows_its_buffer_is_checked_aside_too()
    {
        var json = Plans.Valid().Replace("\"resource_changes\"", "\"planned_values\":{\"a\":[1,2,3]},\"resource_changes\"");
        var visible = new MemoryStream();
        visible.Write(Encoding.UTF8.GetBytes(json));
        visible.Position = 0;

        Assert.Equal(2, PlanReader.Read("plan.json", visible).ManagedResourceCount);
        var broken = new MemoryStream();
        broken.Write(Encoding.UTF8.GetBytes(json.Replace("[1,2,3]", "[1,2,,3]")));
        broken.Position = 0;
        Assert.Contains("invalid JSON", Assert.Throws<InputException>(() => PlanReader.Read("plan.json", broken)).Message, StringComparison.Ordinal);
    }

    /// <summary>The end the scanner finds in <paramref name="text"/> (whose first byte opens the value), fed whole or in two pieces.</summary>
    private static int EndOf(byte[] text, int? splitAt)
    {
        var state = new StructureScanner.State { Depth = 1 };
        var first = splitAt ?? text.Length;
        var end = StructureScanner.FindEnd(text.AsSpan(1, first - 1), ref state);
        if (end >= 0) return end + 1;
        end = StructureScanner.FindEnd(text.AsSpan(first), ref state);
        return end < 0 ? -1 : first + end;
    }

    private static JsonNode RandomNode(Random random, int depth)
    {
        var pick = depth > 5 ? random.Next(3) : random.Next(6);
        switch (pick)
        {
            case 0: return JsonValue.Create(RandomString(random));
            case 1: return JsonValue.Create(random.Next(-1000, 1000));
            case 2: return JsonValue.Create(random.Next(2) == 0);
            case 3:
            case 4:
                var o = new JsonObject();
                for (var i = random.Next(0, 8); i > 0; i--) o[RandomString(random) + i] = RandomNode(random, depth + 1);
                return o;
            default:
                var a = new JsonArray();
                for (var i = random.Next(0, 8); i > 0; i--) a.Add(RandomNode(random, depth + 1));
                return a;
        }
    }

    private static string RandomString(Random random)
    {
        const string alphabet = "ab\"\\{}[]:,é€ \t\n";
        var length = random.Next(0, 90);
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }
}
