using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Cli;

/// <summary><c>securedynamo scan --policy-dir</c> end to end, in process.</summary>
public sealed class CustomPolicyScanTests
{
    private static string Plan => RepositoryPaths.InFixtures("custom-policies", "tables.plan.json");
    private static string Dir => RepositoryPaths.InFixtures("custom-policies", "acme");

    [Fact]
    public void Custom_policy_results_appear_in_the_json_report()
    {
        var run = CliRun.InProcess("scan", Plan, "--policy-dir", Dir, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stderr);
        var report = JObject.Parse(run.Stdout);
        var rows = report["results"]!.Select(r => ((string)r["policyId"]!, (string)r["resource"]!["address"]!, (string)r["status"]!)).ToList();
        Assert.Contains(("acme:table-class", "aws_dynamodb_table.orders", "pass"), rows);
        Assert.Contains(("acme:table-class", "aws_dynamodb_table.archive", "fail"), rows);
        Assert.Contains(("acme:table-class", "aws_dynamodb_table.legacy", "pass"), rows);
        Assert.Contains(("acme:table-class", "aws_dynamodb_table.computed", "unknown"), rows);
        Assert.Contains(("acme:table-naming", "aws_dynamodb_table.orders", "pass"), rows);
        Assert.Contains(("acme:table-naming", "aws_dynamodb_table.archive", "pass"), rows);
        Assert.Contains(("acme:table-naming", "aws_dynamodb_table.legacy", "fail"), rows);
        Assert.Contains(("acme:table-naming", "aws_dynamodb_table.computed", "pass"), rows);
        // built-in policies still run beside them
        Assert.Contains(rows, r => r.Item1 == "dynamodb:001");
        var archive = report["results"]!.Single(r => (string)r["policyId"]! == "acme:table-class" && (string)r["resource"]!["address"]! == "aws_dynamodb_table.archive");
        Assert.Equal("medium", (string)archive["severity"]!);
        Assert.Equal("table_class", (string)archive["attribute"]!);
    }

    [Fact]
    public void Only_custom_policies_can_be_selected_and_gate_the_exit_code()
    {
        var clean = CliRun.InProcess("scan", Plan, "--policy-dir", Dir, "--policy", "acme:table-naming", "--fail-on", "medium", "--format", "json");
        Assert.Equal(0, clean.ExitCode); // the naming failure is low severity
        var failing = CliRun.InProcess("scan", Plan, "--policy-dir", Dir, "--policy", "acme:table-class", "--fail-on", "medium", "--format", "json");
        Assert.Equal(1, failing.ExitCode);
    }

    [Fact]
    public void A_custom_policy_with_a_built_in_id_stops_the_scan_with_one_line()
    {
        using var dir = new TemporaryDirectory();
        var file = dir.Write("copy.json", File.ReadAllText(Path.Combine(Dir, "table-naming.json")).Replace("acme:table-naming", "dynamodb:001"));

        var run = CliRun.InProcess("scan", Plan, "--policy-dir", dir.Path, "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal($"securedynamo: {file}: policy id dynamodb:001 is already defined by policies/dynamodb-001-table-encrypted-with-customer-key/policy.json (built in); ids must be unique\n", run.Stderr);
    }

    [Fact]
    public void A_broken_policy_file_stops_the_scan_with_one_line()
    {
        using var dir = new TemporaryDirectory();
        var file = dir.Write("broken.json", "{\"id\": \"acme:x\", \"rule\": {\"attribute\": \"name\", \"operator\": \"sameAs\"}");

        var run = CliRun.InProcess("scan", Plan, "--policy-dir", dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"securedynamo: {file}: invalid JSON", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_missing_policy_folder_exits_2()
    {
        var run = CliRun.InProcess("scan", Plan, "--policy-dir", Path.Combine(Dir, "no-such-folder"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("policy directory does not exist", run.Stderr, StringComparison.Ordinal);
    }
}
