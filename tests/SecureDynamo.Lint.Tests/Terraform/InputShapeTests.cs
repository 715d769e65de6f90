using System.Text.RegularExpressions;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Terraform;

/// <summary>
/// Input Terraform itself rejects (a .tf.json file that is not one JSON document or has the wrong
/// shape, a top-level block with the wrong number of labels, a tfvars JSON file that is not an
/// object) is an input error: exit 2 and one stderr line naming file:line:column, never a silent pass.
/// </summary>
public sealed class InputShapeTests
{
    private const string Table = "resource \"aws_dynamodb_table\" \"t\" {\n  name     = \"t\"\n  hash_key = \"id\"\n}\n";

    private static string ScanError(TempModule m, params string[] extra)
    {
        var run = CliRun.InProcess(new[] { "scan", m.Directory }.Concat(extra).ToArray());
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        return Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("{\"resource\": {\"aws_dynamodb_table\": {\"t\": {\"name\": \"t\", \"hash_key\": \"id\"}}}}x", 1)]
    [InlineData("{}{}", 1)]
    [InlineData("{\"a\":1}x", 1)]
    [InlineData("{\"variable\": {\"a\": {}}}\n\n{\"variable\": {\"b\": {}}}\n", 3)]
    public void A_tf_json_file_must_be_exactly_one_json_document(string text, int line)
    {
        using var m = new TempModule(("main.tf.json", text));
        var error = ScanError(m);
        Assert.Matches($@"^securedynamo: \S*main\.tf\.json:{line}:\d+: Invalid JSON: ", error);
    }

    [Theory]
    [InlineData("{\"resource\": {\"aws_dynamodb_table\": {\"t\": {\"name\": \"t\",\n  \"hash_key\": \"id\",\n}}}}", 3, "a comma after the last member or item (JSON allows none)")]
    [InlineData("{\"locals\": {\"zones\": [\"a\", \"b\",]}}", 1, "a comma after the last member or item (JSON allows none)")]
    [InlineData("{\"locals\": {'x': 1}}", 1, "")]
    public void A_tf_json_file_is_json_as_terraform_reads_it(string text, int line, string problem)
    {
        using var m = new TempModule(("main.tf.json", text));
        var error = ScanError(m);
        Assert.Matches($@"^securedynamo: \S*main\.tf\.json:{line}:\d+: Invalid JSON: ", error);
        Assert.EndsWith(problem, error);
    }

    [Fact]
    public void A_local_module_source_that_is_not_a_directory_is_an_input_error_as_in_terraform()
    {
        using var m = new TempModule(("main.tf", "\nmodule \"orders\" {\n  source = \"./modules/table\"\n}\n"), ("modules/other/main.tf", Table));
        Assert.Matches(@"^securedynamo: \S*main\.tf:2:1: module orders: source ""\./modules/table"" is not a directory; Terraform cannot load this configuration$", ScanError(m));
    }

    [Fact]
    public void A_tf_json_file_may_nest_deeply_but_not_without_bound()
    {
        static string Nested(int depth) => "{\"locals\": {\"x\": " + new string('[', depth) + new string(']', depth) + "}}";
        using (var deep = new TempModule(("main.tf.json", Nested(200)), ("main.tf", Table)))
        {
            var run = CliRun.InProcess("scan", deep.Directory);
            Assert.True(run.ExitCode is 0 or 1, run.Stderr);
        }
        using var tooDeep = new TempModule(("main.tf.json", Nested(5000)));
        Assert.Matches(@"^securedynamo: \S*main\.tf\.json:1:\d+: Invalid JSON: nesting is deeper than 1000 levels; not a configuration this tool reads$", ScanError(tooDeep));
    }

    [Fact]
    public void A_trailing_newline_after_the_json_document_is_fine()
    {
        using var m = new TempModule(("main.tf.json", "{\"variable\": {\"a\": {}}}\n\n"), ("main.tf", Table));
        var run = CliRun.InProcess("scan", m.Directory);
        Assert.True(run.ExitCode is 0 or 1, run.Stderr);
    }

    [Theory]
    [InlineData("resource \"aws_dynamodb_table\" {\n  name = \"t\"\n}\n", 1, 1, "resource block needs 2 labels (type and name), found 1")]
    [InlineData("resource \"aws_dynamodb_table\" \"t\" \"u\" {\n  name = \"t\"\n}\n", 1, 35, "resource block needs 2 labels (type and name), found 3")]
    [InlineData("\nmodule {\n  source = \"./m\"\n}\n", 2, 1, "module block needs 1 label (name), found 0")]
    [InlineData("data \"aws_caller_identity\" {}\n", 1, 1, "data block needs 2 labels (type and name), found 1")]
    [InlineData("variable {}\n", 1, 1, "variable block needs 1 label (name), found 0")]
    [InlineData("variable \"a\" \"b\" {}\n", 1, 14, "variable block needs 1 label (name), found 2")]
    [InlineData("output {\n  value = 1\n}\n", 1, 1, "output block needs 1 label (name), found 0")]
    [InlineData("output \"a\" \"b\" {\n  value = 1\n}\n", 1, 12, "output block needs 1 label (name), found 2")]
    [InlineData("locals \"x\" {}\n", 1, 8, "locals block takes no labels, found 1")]
    [InlineData("provider {\n  region = \"eu-west-1\"\n}\n", 1, 1, "provider block needs 1 label (name), found 0")]
    [InlineData("terraform \"x\" {}\n", 1, 11, "terraform block takes no labels, found 1")]
    [InlineData("check {}\n", 1, 1, "check block needs 1 label (name), found 0")]
    [InlineData("moved \"x\" {}\n", 1, 7, "moved block takes no labels, found 1")]
    public void A_top_level_block_with_the_wrong_number_of_labels_is_an_input_error(string text, int line, int column, string problem)
    {
        using var m = new TempModule(("main.tf", Table), ("other.tf", text));
        var error = ScanError(m);
        Assert.Equal($"securedynamo: {Regex.Match(error, @"^securedynamo: (\S*other\.tf):").Groups[1].Value}:{line}:{column}: {problem}", error);
        Assert.Matches(@"^securedynamo: \S*other\.tf:", error);
    }

    [Fact]
    public void Labels_are_checked_in_override_files_too()
    {
        using var m = new TempModule(("main.tf", Table), ("main_override.tf", "resource \"aws_dynamodb_table\" {\n  name = \"u\"\n}\n"));
        Assert.Matches(@"^securedynamo: \S*main_override\.tf:1:1: resource block needs 2 labels", ScanError(m));
    }

    [Theory]
    [InlineData("{\"resource\": 5}", "\"resource\": a JSON object is required here, to specify the resource block's type label, found a number")]
    [InlineData("{\"resource\": []}", "\"resource\": missing block label")]
    [InlineData("{\"resource\": {}}", "\"resource\": missing block label")]
    [InlineData("{\"resource\": {\"aws_dynamodb_table\": \"t\"}}", "\"resource\": a JSON object is required here, to specify the resource block's name label, found a string")]
    [InlineData("{\"resource\": {\"aws_dynamodb_table\": {\"t\": 5}}}", "\"resource\": either a JSON object or a JSON array is required here")]
    [InlineData("{\"resource\": {\"aws_dynamodb_table\": {\"t\": [5]}}}", "\"resource\": a JSON object is required here, for the contents of a resource block, found a number")]
    [InlineData("{\"resource\": [5]}", "\"resource\": a JSON object is required here, to specify the resource block's type label, found a number")]
    [InlineData("{\"variable\": []}", "\"variable\": missing block label")]
    [InlineData("{\"variable\": \"a\"}", "\"variable\": a JSON object is required here, to specify the variable block's name label, found a string")]
    [InlineData("{\"module\": {\"m\": \"./m\"}}", "\"module\": either a JSON object or a JSON array is required here")]
    [InlineData("{\"locals\": 5}", "\"locals\": either a JSON object or a JSON array is required here")]
    [InlineData("{\"terraform\": \"1.5\"}", "\"terraform\": either a JSON object or a JSON array is required here")]
    public void A_tf_json_file_with_the_wrong_shape_is_an_input_error(string text, string problem)
    {
        using var m = new TempModule(("main.tf", Table), ("other.tf.json", text));
        var error = ScanError(m);
        Assert.Matches(@"^securedynamo: \S*other\.tf\.json:1:\d+: Incorrect JSON value type: ", error);
        Assert.Contains(problem, error);
    }

    [Theory]
    [InlineData("{\"resource\": {\"aws_dynamodb_table\": {\"t\": [{\"name\": \"t\", \"hash_key\": \"id\"}]}}}")]
    [InlineData("{\"resource\": [{\"aws_dynamodb_table\": [{\"t\": {\"name\": \"t\", \"hash_key\": \"id\"}}]}]}")]
    [InlineData("{\"locals\": [{\"a\": 1}, {\"b\": 2}], \"terraform\": {}, \"//\": 5, \"variable\": {\"v\": {}}}")]
    public void Well_shaped_tf_json_is_still_read(string text)
    {
        using var m = new TempModule(("main.tf.json", text), ("other.tf", "output \"o\" {\n  value = 1\n}\n"));
        var run = CliRun.InProcess("scan", m.Directory);
        Assert.True(run.ExitCode is 0 or 1, run.Stderr);
    }

    [Theory]
    [InlineData("terraform.tfvars.json")]
    [InlineData("x.auto.tfvars.json")]
    public void A_tfvars_json_file_that_is_not_an_object_is_an_input_error(string name)
    {
        using var m = new TempModule(("main.tf", Table), (name, "[1]"));
        Assert.Equal($"securedynamo: {name}:1:1: must be a JSON object (of variable names and values)", ScanError(m).Replace(m.Directory + "/", ""));
    }

    [Fact]
    public void A_comment_key_in_a_tfvars_json_file_is_no_variable()
    {
        using var m = new TempModule(("main.tf", "variable \"pitr\" {}\n" + Table), ("terraform.tfvars.json", "{ \"//\": \"set per environment\", \"pitr\": true }"));
        var read = m.Read();
        Assert.DoesNotContain(read.Warnings, w => w.Contains("\"//\"", StringComparison.Ordinal));
        Assert.True(read.Graph.Variables.ContainsKey("pitr"));
        Assert.False(read.Graph.Variables.ContainsKey("//"));
    }

    [Fact]
    public void A_var_file_json_that_is_not_an_object_is_an_input_error()
    {
        using var m = new TempModule(("main.tf", Table), ("vars/x.json", "\"text\""));
        Assert.Matches(@"^securedynamo: \S*x\.json:1:1: must be a JSON object", ScanError(m, "--var-file", m.PathOf("vars/x.json")));
    }

    [Theory]
    [InlineData("other.tf", Table, @"other\.tf:1:1: resource aws_dynamodb_table\.t is declared twice \(first at \S*main\.tf:1:1\)")]
    [InlineData("z_locals.tf", "locals {\n  pitr = false\n}\n", @"z_locals\.tf:2:3: local value ""pitr"" is declared twice")]
    [InlineData("z_vars.tf", "variable \"v\" {}\n", @"z_vars\.tf:1:1: variable v is declared twice")]
    [InlineData("override.tf", "resource \"aws_dynamodb_table\" \"tt\" {\n  deletion_protection_enabled = true\n}\n", @"override\.tf:1:1: overrides resource aws_dynamodb_table\.tt, which no other file of the module declares")]
    [InlineData("x_override.tf", "locals {\n  other = true\n}\n", @"x_override\.tf:2:3: overrides local value ""other"", which no other file")]
    public void A_module_terraform_refuses_for_a_duplicate_or_an_override_without_base_is_an_input_error(string file, string text, string expected)
    {
        using var m = new TempModule(("main.tf", Table + "locals {\n  pitr = true\n}\nvariable \"v\" {}\n"), (file, text));
        Assert.Matches(expected, ScanError(m));
    }

    [Fact]
    public void An_override_of_a_declared_resource_still_merges()
    {
        using var m = new TempModule(("main.tf", Table), ("override.tf", "resource \"aws_dynamodb_table\" \"t\" {\n  deletion_protection_enabled = true\n}\n"));
        var run = CliRun.InProcess("scan", m.Directory, "--format", "json", "--policy", "dynamodb:003");
        Assert.Contains("\"status\": \"pass\"", run.Stdout);
    }
}
