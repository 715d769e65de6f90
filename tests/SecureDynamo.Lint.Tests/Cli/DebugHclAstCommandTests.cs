using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Cli;

/// <summary><c>securedynamo debug hcl-ast</c>: our parse in hcl2ast's JSON shape, through the command line.</summary>
public sealed class DebugHclAstCommandTests
{
    [Fact]
    public void Prints_the_syntax_tree_of_a_valid_file()
    {
        using var dir = new TemporaryDirectory();
        var file = Path.Combine(dir.Path, "main.tf");
        File.WriteAllText(file, "resource \"aws_dynamodb_table\" \"t\" {\n  name = \"orders\"\n  server_side_encryption {\n    kms_key_arn = aws_kms_key.k.arn\n  }\n}\n");
        var run = CliRun.InProcess("debug", "hcl-ast", file);
        Assert.Equal(0, run.ExitCode);
        var ast = JObject.Parse(run.Stdout);
        Assert.Equal("main.tf", (string)ast["file"]!);
        var block = ast["body"]!["blocks"]![0]!;
        Assert.Equal("resource", (string)block["type"]!);
        Assert.Equal(["aws_dynamodb_table", "t"], block["labels"]!.Select(l => (string)l!));
        var name = block["body"]!["attributes"]!.Single(a => (string)a["name"]! == "name");
        Assert.Equal("orders", (string)name["expr"]!["value"]!);
        var key = block["body"]!["blocks"]![0]!["body"]!["attributes"]![0]!;
        Assert.Contains("aws_kms_key.k.arn", key["expr"]!["traversals"]!.Select(t => (string)t!));
    }

    [Fact]
    public void Syntax_errors_are_diagnostics_with_ranges_and_exit_1()
    {
        using var dir = new TemporaryDirectory();
        var file = Path.Combine(dir.Path, "bad.tf");
        File.WriteAllText(file, "a = \"unterminated\n");
        var run = CliRun.InProcess("debug", "hcl-ast", file);
        Assert.Equal(1, run.ExitCode);
        var diagnostic = JObject.Parse(run.Stdout)["diagnostics"]![0]!;
        Assert.Equal("error", (string)diagnostic["severity"]!);
        Assert.Equal(1, (int)diagnostic["range"]!["start"]!["line"]!);
    }

    [Fact]
    public void Expression_mode_parses_one_expression()
    {
        using var dir = new TemporaryDirectory();
        var file = Path.Combine(dir.Path, "e.hcl");
        File.WriteAllText(file, "var.enabled ? 1 : 2");
        var run = CliRun.InProcess("debug", "hcl-ast", "--mode", "expr", file);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("expr", (string)JObject.Parse(run.Stdout)["mode"]!);
    }

    [Fact]
    public void A_missing_file_or_bad_mode_is_exit_2()
    {
        Assert.Equal(2, CliRun.InProcess("debug", "hcl-ast", "nope.tf").ExitCode);
        Assert.Equal(2, CliRun.InProcess("debug", "hcl-ast", "--mode", "yaml", "nope.tf").ExitCode);
    }
}
