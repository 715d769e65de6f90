using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Cli;

public sealed class ScanCommandTests
{
    private static string Case(string policy, string file) => Path.Combine(RepositoryPaths.Policies, policy, "cases", file);

    private static readonly string PassingPlan = Case("dynamodb-003-table-has-deletion-protection", "pass_enabled.json");
    private static readonly string Example = RepositoryPaths.InFixtures("example", "plan.json");

    [Fact]
    public void Exit_0_when_nothing_fails()
    {
        var run = CliRun.InProcess("scan", PassingPlan, "--policy", "dynamodb:003");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 failed, 0 unknown, 1 passed (1 resource in 1 input)", run.Stdout);
    }

    [Fact]
    public void Exit_1_when_a_policy_fails_at_or_above_the_threshold()
    {
        Assert.Equal(1, CliRun.InProcess("scan", Example).ExitCode);
        // the example's failures are high at most: a critical threshold lets it pass
        var critical = CliRun.InProcess("scan", Example, "--policy", "dynamodb:001", "--policy", "dynamodb:002", "--fail-on", "critical");
        Assert.Equal(0, critical.ExitCode);
    }

    [Fact]
    public void Unknown_fails_only_with_fail_on_unknown()
    {
        var plan = Case("dynamodb-001-table-encrypted-with-customer-key", "unknown_local_value.json");
        Assert.Equal(0, CliRun.InProcess("scan", plan, "--policy", "dynamodb:001").ExitCode);
        Assert.Equal(1, CliRun.InProcess("scan", plan, "--policy", "dynamodb:001", "--fail-on-unknown").ExitCode);
    }

    [Theory]
    [InlineData("scan")]
    [InlineData("scan", "--fail-on", "severe", "x.json")]
    [InlineData("scan", "--policy", "dynamodb:999", "x.json")]
    [InlineData("scan", "--format", "yaml", "x.json")]
    [InlineData("scan", "--format", "text", "--format", "json", "x.json")]
    [InlineData("scan", "--format", "json=same.out", "--format", "sarif=same.out", "x.json")]
    [InlineData("frobnicate")]
    [InlineData("explain", "dynamodb:999")]
    public void Usage_errors_exit_2_with_a_message(params string[] args)
    {
        var run = CliRun.InProcess(args);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("securedynamo: ", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public void A_scan_that_would_run_no_policy_or_read_standard_input_twice_is_a_usage_error()
    {
        var none = CliRun.InProcess("scan", PassingPlan, "--policy", "dynamodb:003", "--skip-policy", "dynamodb:003");
        Assert.Equal(2, none.ExitCode);
        Assert.Equal("securedynamo: no policy is left to run (--policy, --skip-policy and the config file's disabled policies leave none)\n", none.Stderr);
        var twice = CliRun.InProcess("scan", "-", "-");
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("standard input (-) is given more than once", twice.Stderr);
    }

    [Fact]
    public void Variables_given_for_a_plan_say_they_change_nothing()
    {
        var run = CliRun.InProcess("scan", PassingPlan, "--policy", "dynamodb:003", "--var", "x=1");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--var and --var-file apply to Terraform source; the plans scanned here carry the variable values they were made with", run.Stderr + run.Stdout);
    }

    [Fact]
    public void An_input_named_twice_is_judged_once()
    {
        var once = (JArray)JObject.Parse(CliRun.InProcess("scan", Example, "--format", "json").Stdout)["results"]!;
        var twice = CliRun.InProcess("scan", Example, Example, Path.GetDirectoryName(Example)!, "--format", "json");
        Assert.Equal(once.Count, ((JArray)JObject.Parse(twice.Stdout)["results"]!).Count);
        Assert.Single((JArray)JObject.Parse(twice.Stdout)["inputs"]!);
    }

    [Fact]
    public void A_file_that_fails_while_read_is_an_input_error_not_an_internal_one()
    {
        if (!File.Exists("/proc/self/mem")) return;
        var run = CliRun.InProcess("scan", "/proc/self/mem");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("securedynamo: /proc/self/mem: ", run.Stderr);
        Assert.DoesNotContain("internal error", run.Stderr);
    }

    [Fact]
    public void Missing_file_names_the_file()
    {
        var run = CliRun.InProcess("scan", "does-not-exist.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("securedynamo: does-not-exist.json: no such file\n", run.Stderr);
    }

    [Fact]
    public void An_option_the_command_does_not_have_is_a_usage_error_not_a_missing_file()
    {
        var run = CliRun.InProcess("scan", "-o", "out.sarif", Example);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("securedynamo: unknown option -o; `securedynamo scan --help` lists the options", run.Stderr);
    }

    [Fact]
    public void Json_report_lists_every_evaluation_including_not_applicable_and_passes()
    {
        var run = CliRun.InProcess("scan", Example, "--format", "json");
        var report = JObject.Parse(run.Stdout);
        Assert.Equal(1, (int)report["schemaVersion"]!);
        var results = (JArray)report["results"]!;
        Assert.Contains(results, r => (string)r["status"]! == "pass");
        Assert.Contains(results, r => (string)r["status"]! == "fail" && (string)r["policyId"]! == "dynamodb:002"
            && (string)r["resource"]!["address"]! == "module.tables[\"sessions\"].aws_dynamodb_table.this"
            && (string)r["attribute"]! == "point_in_time_recovery[0].enabled");
        Assert.Equal(results.Count, (int)report["summary"]!["total"]!);
    }

    [Fact]
    public void Format_to_a_file_and_text_to_stdout()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var json = Path.Combine(dir.FullName, "out", "report.json");
            var run = CliRun.InProcess("scan", Example, "--format", "text", "--format", $"json={json}");
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("failed", run.Stdout);
            Assert.Equal(1, (int)JObject.Parse(File.ReadAllText(json))["schemaVersion"]!);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Colour_only_on_a_terminal_without_no_color()
    {
        var stdout = new StringWriter();
        SecureDynamo.Lint.Cli.CliApp.Run(["scan", Example], new SecureDynamo.Lint.Cli.CliConsole(stdout, new StringWriter(), true, _ => null));
        Assert.Contains("\u001b[", stdout.ToString(), StringComparison.Ordinal);
        stdout = new StringWriter();
        SecureDynamo.Lint.Cli.CliApp.Run(["scan", Example], new SecureDynamo.Lint.Cli.CliConsole(stdout, new StringWriter(), true, n => n == "NO_COLOR" ? "1" : null));
        Assert.DoesNotContain("\u001b[", stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", CliRun.InProcess("scan", Example).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_standard_input_through_the_real_binary()
    {
        var run = BinaryRunner.RunWith(File.ReadAllText(Example), null, "scan", "-", "--format", "json");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("<stdin>", (string)JObject.Parse(run.Stdout)["inputs"]![0]!["path"]!);
    }

    [Fact]
    public void Bad_input_through_the_real_binary_is_one_line_and_exit_2()
    {
        var run = BinaryRunner.RunWith("{\"format_version\":", null, "scan", "-");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("securedynamo: <stdin>:", run.Stderr);
    }
}
