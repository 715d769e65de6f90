using System.Text;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Robustness;

/// <summary>
/// The robustness matrix: every malformed input ends with exit 2 and one line on stderr naming the
/// file, the problem and, where it applies, the line and column.
/// </summary>
public sealed class MalformedPlanTests : IDisposable
{
    private readonly TempInput _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly string LoneSurrogate = Plans.Valid(Plans.TableChange.Replace("\"orders\"", "\"\\udc00\""));

    public static TheoryData<string, byte[], string> Cases()
    {
        var valid = Plans.Valid();
        var entryColumn = valid.IndexOf("[{", StringComparison.Ordinal) + 2;
        var data = new TheoryData<string, byte[], string>
        {
            { "truncated", Encoding.UTF8.GetBytes(valid[..(valid.Length / 2)]), ":1:" + (valid.Length / 2 + 1) + ": the JSON document ends before it is complete (truncated?)" },
            { "truncated-in-string", Encoding.UTF8.GetBytes("{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"aws_dyn"), ": the JSON document ends before it is complete (truncated?)" },
            { "empty", Array.Empty<byte>(), ": the file is empty; expected the output of `terraform show -json`" },
            { "whitespace", Encoding.UTF8.GetBytes("  \n\n  "), ": the file is empty" },
            { "nul-bytes", Encoding.UTF8.GetBytes("{\"format_version\":\"1.2\",\0\0\"resource_changes\":[]}"), ":1:25: invalid JSON: " },
            { "invalid-utf8", Concat("{\"format_version\":\"1.2\",\n\"terraform_version\":\"", [0xC3, 0x28], "\"}"), ":2:22: is not valid UTF-8 text near byte 46" },
            { "overlong-utf8", Concat("{\"format_version\":\"1.2\",\"x\":\"", [0xC0, 0xAF], "\"}"), ": is not valid UTF-8 text" },
            { "resource-changes-object", Encoding.UTF8.GetBytes("{\"format_version\":\"1.2\",\"resource_changes\":{}}"), ":1:44: \"resource_changes\" must be an array, found an object" },
            { "resource-changes-null", Encoding.UTF8.GetBytes("{\"format_version\":\"1.2\",\"resource_changes\":null}"), ":1:44: \"resource_changes\" must be an array, found null" },
            { "entry-not-object", Encoding.UTF8.GetBytes("{\"format_version\":\"1.2\",\"resource_changes\":[42]}"), ":1:45: each entry of \"resource_changes\" must be an object, found a number" },
            { "change-string", Encoding.UTF8.GetBytes(Plans.Valid(Plans.TableChange.Replace("\"change\":{", "\"change\":\"create\",\"x\":{"))), $":1:{entryColumn}: resource change aws_dynamodb_table.t has no \"change\" object" },
            { "after-number", Encoding.UTF8.GetBytes(Plans.Valid(Plans.TableChange.Replace("\"after\":{\"name\":\"orders\",", "\"after\":42,\"x\":{"))), $":1:{entryColumn}: resource change aws_dynamodb_table.t: \"change.after\" must be an object or null, found a number" },
            { "before-list", Encoding.UTF8.GetBytes(Plans.Valid(Plans.TableChange.Replace("\"before\":null", "\"before\":[]"))), ": resource change aws_dynamodb_table.t: \"change.before\" must be an object or null, found an array" },
            { "root-module-list", Encoding.UTF8.GetBytes(Plans.Valid(configuration: "{\"root_module\":[]}")), ": \"configuration.root_module\" must be an object, found an array" },
            { "configuration-string", Encoding.UTF8.GetBytes(Plans.Valid(configuration: "\"main.tf\"")), ": \"configuration\" must be an object, found a string" },
            { "format-version-object", Encoding.UTF8.GetBytes("{\"format_version\":{},\"resource_changes\":[]}"), ":1:19: \"format_version\" must be a string, found an object" },
            { "future-format-version", Encoding.UTF8.GetBytes(Plans.Valid().Replace("\"1.2\"", "\"2.0\"")), ": has format_version 2.0, which this version of securedynamo does not support (it reads 0.x and 1.x); upgrade securedynamo" },
            { "deep-arrays-in-skipped-key", Encoding.UTF8.GetBytes("{\"format_version\":\"1.2\",\"checks\":" + new string('[', 200_000) + new string(']', 200_000) + "}"), ": JSON nesting is deeper than 1000 levels; not a Terraform document" },
            { "deep-arrays-as-entry", Encoding.UTF8.GetBytes("{\"format_version\":\"1.2\",\"resource_changes\":[" + new string('[', 200_000) + "]}"), ":1:45: each entry of \"resource_changes\" must be an object, found an array" },
            { "deep-objects-in-after", Encoding.UTF8.GetBytes(Plans.Valid(Plans.TableChange.Replace("\"name\":\"orders\"", "\"name\":" + string.Concat(Enumerable.Repeat("{\"a\":", 5000))))), ": JSON nesting is deeper than 1000 levels" },
            { "second-document", Encoding.UTF8.GetBytes(Plans.Valid() + "\n" + Plans.Valid()), ":2:1: has more content after the JSON document" },
            { "lone-surrogate-in-key-field", Encoding.UTF8.GetBytes("{\"format_version\":\"\\ud800\"}"), ":1:19: invalid JSON: a string holds an unpaired UTF-16 surrogate escape" },
            // Reported where the escape is, in a value of an entry and on a later line of a pretty-printed entry.
            { "lone-surrogate-in-after", Encoding.UTF8.GetBytes(LoneSurrogate), $":1:{LoneSurrogate.IndexOf("\\udc00", StringComparison.Ordinal) + 1}: invalid JSON: a string holds an unpaired UTF-16 surrogate escape" },
            { "lone-high-surrogate-on-a-later-line", Encoding.UTF8.GetBytes(Plans.Valid(Plans.TableChange.Replace("\"orders\"", "\n  \"ok \\ud83d\\ude00 é \\ud800x\""))), ":2:22: invalid JSON: a string holds an unpaired UTF-16 surrogate escape" },
            { "actions-string", Table("\"actions\":[\"create\"]", "\"actions\":\"delete\""), ": resource change aws_dynamodb_table.t: \"change.actions\" must be a list of actions, found a string" },
            { "actions-empty", Table("\"actions\":[\"create\"]", "\"actions\":[]"), ": resource change aws_dynamodb_table.t: \"change.actions\" is []; Terraform writes one action, or delete and create for a replacement" },
            { "actions-number", Table("\"actions\":[\"create\"]", "\"actions\":[1]"), ": resource change aws_dynamodb_table.t: \"change.actions\" has a number where an action belongs" },
            { "actions-unknown", Table("\"actions\":[\"create\"]", "\"actions\":[\"delete\",\"explode\"]"), ": resource change aws_dynamodb_table.t: \"change.actions\" has the unknown action \"explode\"" },
            { "actions-missing", Table("\"actions\":[\"create\"],", ""), ": resource change aws_dynamodb_table.t: \"change.actions\" is missing" },
            { "type-number", Table("\"type\":\"aws_dynamodb_table\"", "\"type\":5"), ":1:" + entryColumn + ": resource change aws_dynamodb_table.t: \"type\" must be a string, found a number" },
            { "address-number", Table("\"address\":\"aws_dynamodb_table.t\"", "\"address\":7"), ": a resource change: \"address\" must be a string, found a number" },
            { "index-object", Table("\"name\":\"t\",", "\"name\":\"t\",\"index\":{\"k\":1},"), ": resource change aws_dynamodb_table.t: \"index\" must be a whole number or a string, found an object" },
            { "after-unknown-string", Table("\"after_unknown\":{\"arn\":true}", "\"after_unknown\":\"arn\""), ": resource change aws_dynamodb_table.t: \"change.after_unknown\" must be an object or a boolean, found a string" },
            { "trailing-comma", Table("\"after_sensitive\":{}", "\"after_sensitive\":{},"), ": invalid JSON: a comma after the last member or item (JSON allows none)" },
            // A name written twice: which value counts is a guess (Go's encoding/json takes the last, others the first).
            { "repeated-attribute", Table("{'enabled':true}".Replace('\'', '"'), "{\"enabled\":true,\"enabled\":false}"), ": resource change aws_dynamodb_table.t: \"change\" writes \"enabled\" twice in one object" },
            { "repeated-unknown-attribute", Table("\"after_unknown\":{\"arn\":true}", "\"after_unknown\":{\"arn\":true,\"arn\":true}"), ": resource change aws_dynamodb_table.t: \"change\" writes \"arn\" twice in one object" },
            { "repeated-change-member", Table("\"actions\":[\"create\"]", "\"actions\":[\"create\"],\"actions\":[\"delete\"]"), $":1:{entryColumn}: resource change aws_dynamodb_table.t: \"change\" writes \"actions\" twice in one object" },
            { "repeated-entry-member", Table("\"provider_name\"", "\"type\":\"aws_dynamodb_table\",\"provider_name\""), ": resource change aws_dynamodb_table.t: writes \"type\" twice in one object" },
            // An entry of a type no policy reads is dropped on its first "type": a second one (a table, to a reader taking the last) is refused too.
            { "repeated-type-in-an-unread-entry", Encoding.UTF8.GetBytes(Plans.Valid(Plans.TableChange + "," + Plans.BucketChange.Replace("\"provider_name\"", "\"type\":\"aws_dynamodb_table\",\"provider_name\""))), ": resource change aws_s3_bucket.b: writes \"type\" twice in one object" },
            { "repeated-type-in-an-unread-state-resource", State("{\"resources\":[{\"address\":\"aws_s3_bucket.b\",\"mode\":\"managed\",\"type\":\"aws_s3_bucket\",\"name\":\"b\",\"values\":{},\"type\":\"aws_dynamodb_table\"}]}"), ": resource aws_s3_bucket.b: writes \"type\" twice in one object" },
            // An entry of no type cannot be told apart from one no policy reads: refused, not dropped.
            { "type-missing", Table("\"type\":\"aws_dynamodb_table\",", ""), $":1:{entryColumn}: resource change aws_dynamodb_table.t: \"type\" is missing or null" },
            { "type-null", Table("\"type\":\"aws_dynamodb_table\"", "\"type\":null"), $":1:{entryColumn}: resource change aws_dynamodb_table.t: \"type\" is missing or null" },
            { "empty-entry", Encoding.UTF8.GetBytes(Plans.Valid("{}")), ": a resource change: \"type\" is missing or null" },
            { "state-resource-without-type", State("{\"resources\":[{\"address\":\"aws_dynamodb_table.t\",\"mode\":\"managed\",\"name\":\"t\",\"values\":{}}]}"), ": resource aws_dynamodb_table.t: \"type\" is missing or null" },
            // The mode decides what is counted and judged, the address what the resource is.
            { "state-mode-disagrees-with-address", State("{\"resources\":[{\"address\":\"aws_dynamodb_table.t\",\"mode\":\"data\",\"type\":\"aws_dynamodb_table\",\"name\":\"t\",\"values\":{}}]}"), ": resource aws_dynamodb_table.t: \"mode\" is \"data\" but the address names a managed resource" },
            { "planned-value-mode-disagrees-with-address", Encoding.UTF8.GetBytes("{\"format_version\":\"0.1\",\"planned_values\":{\"root_module\":{\"resources\":[{\"address\":\"aws_dynamodb_table.t\",\"mode\":\"data\",\"type\":\"aws_dynamodb_table\",\"name\":\"t\",\"values\":{}}]}}}"), ": resource aws_dynamodb_table.t: \"mode\" is \"data\" but the address names a managed resource" },
            { "state-resource-without-address", State("{\"resources\":[{\"mode\":\"managed\",\"type\":\"aws_dynamodb_table\",\"name\":\"t\",\"values\":{}}]}"), ": a resource: \"address\" is missing or null" },
            { "repeated-top-level-member", Encoding.UTF8.GetBytes(Plans.Valid().Replace("\"terraform_version\"", "\"resource_changes\":[],\"terraform_version\"")), ": the document writes \"resource_changes\" twice in one object" },
            { "repeated-variable", Encoding.UTF8.GetBytes(Plans.Valid().Replace("\"terraform_version\"", "\"variables\":{\"kms\":{\"value\":\"a\"},\"kms\":{\"value\":null}},\"terraform_version\"")), ": \"variables\" writes \"kms\" twice in one object" },
            { "repeated-in-state", Encoding.UTF8.GetBytes("{\"format_version\":\"1.0\",\"values\":{\"root_module\":{\"resources\":[{\"address\":\"aws_dynamodb_table.t\",\"mode\":\"managed\",\"type\":\"aws_dynamodb_table\",\"name\":\"t\",\"values\":{\"name\":\"a\",\"name\":\"b\"}}]}}}"), ": resource aws_dynamodb_table.t: \"values\" writes \"name\" twice in one object" },
            // A shape Terraform never writes, read as absent, would drop what it holds (a state's tables, a key's references).
            { "state-resources-object", State("{\"resources\":{}}"), ": \"resources\" must be an array, found an object" },
            { "state-child-modules-object", State("{\"resources\":[],\"child_modules\":{\"address\":\"module.m\"}}"), ": \"child_modules\" must be an array, found an object" },
            { "state-child-module-string", State("{\"child_modules\":[\"module.m\"]}"), ": each entry of \"child_modules\" must be an object, found a string" },
            { "state-root-module-array", Encoding.UTF8.GetBytes("{\"format_version\":\"1.0\",\"values\":{\"root_module\":[]}}"), ": \"root_module\" must be an object, found an array" },
            { "config-resources-object", Encoding.UTF8.GetBytes(Plans.Valid(configuration: "{\"root_module\":{\"resources\":{}}}")), ": \"resources\" must be an array, found an object" },
            { "config-references-string", Encoding.UTF8.GetBytes(Plans.Valid(configuration: "{\"root_module\":{\"resources\":[{\"address\":\"aws_dynamodb_table.t\",\"mode\":\"managed\",\"type\":\"aws_dynamodb_table\",\"name\":\"t\",\"expressions\":{\"name\":{\"references\":\"var.name\"}}}]}}")), ": configuration: \"references\" must be an array, found a string" },
            { "config-argument-string", Encoding.UTF8.GetBytes(Plans.Valid(configuration: "{\"root_module\":{\"module_calls\":{\"t\":{\"source\":\"./t\",\"expressions\":{\"kms\":\"var.kms\"}}}}}")), ": configuration: \"expressions.kms\" must be an object, found a string" },
            { "config-module-call-string", Encoding.UTF8.GetBytes(Plans.Valid(configuration: "{\"root_module\":{\"module_calls\":{\"t\":\"./t\"}}}")), ": module call \"t\" must be an object, found a string" },
            { "variable-not-object", Encoding.UTF8.GetBytes(Plans.Valid().Replace("\"terraform_version\"", "\"variables\":{\"kms\":\"alias/x\"},\"terraform_version\"")), ": \"variables.kms\" must be an object with a \"value\", found a string" },
            { "state-address-unreadable", State("{\"resources\":[{\"address\":\"aws_dynamodb_table\",\"mode\":\"managed\",\"type\":\"aws_dynamodb_table\",\"name\":\"t\",\"values\":{}}]}"), ": resource has an unreadable address \"aws_dynamodb_table\"" },
            { "top-level-array", Encoding.UTF8.GetBytes("[]"), ":1:1: expected a JSON object (the output of `terraform show -json`), found an array" },
            { "trailing-garbage", Encoding.UTF8.GetBytes(Plans.Valid() + "}"), ": invalid JSON: " },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_input_exits_2_with_one_line_naming_the_file(string name, byte[] content, string expected)
    {
        var path = _temp.Write(name + ".json", content);

        var run = CliRun.InProcess("scan", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var line = Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("securedynamo: " + path + ":", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("internal error", line);
    }

    [Fact]
    public void Skipped_entries_of_irrelevant_types_are_not_checked_beyond_their_syntax()
    {
        // The reader never builds an S3 bucket, so a bucket with a broken "change" is counted, not refused (as before).
        var path = _temp.Write("bucket.json", Plans.Valid(Plans.TableChange + "," + Plans.BucketChange.Replace("\"change\":{", "\"change\":\"x\",\"y\":{")));

        var run = CliRun.InProcess("scan", path);

        Assert.NotEqual(2, run.ExitCode);
        Assert.Contains("(2 resources in 1 input)", run.Stdout);
    }

    [Fact]
    public void An_errored_plan_is_scanned_with_a_warning_saying_what_is_missing()
    {
        var path = _temp.Write("errored.json", Plans.Valid().Replace("\"terraform_version\"", "\"errored\":true,\"complete\":false,\"terraform_version\""));

        var run = CliRun.InProcess("scan", path);

        Assert.NotEqual(2, run.ExitCode);
        Assert.Contains($"warning: {path}: Terraform marked this plan errored", run.Stderr + run.Stdout);
    }

    /// <summary>The valid plan with <paramref name="part"/> of its table entry written as <paramref name="replacement"/>.</summary>
    private static byte[] Table(string part, string replacement)
    {
        Assert.Contains(part, Plans.TableChange);
        return Encoding.UTF8.GetBytes(Plans.Valid(Plans.TableChange.Replace(part, replacement) + "," + Plans.BucketChange));
    }

    /// <summary>A state whose root module is <paramref name="rootModule"/> (JSON).</summary>
    private static byte[] State(string rootModule) => Encoding.UTF8.GetBytes("{\"format_version\":\"1.0\",\"values\":{\"root_module\":" + rootModule + "}}");

    private static byte[] Concat(string before, byte[] middle, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. middle, .. Encoding.UTF8.GetBytes(after)];
}
