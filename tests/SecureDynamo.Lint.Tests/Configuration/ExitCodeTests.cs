using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Configuration;

/// <summary>The severity threshold and unknown handling decide the exit code (0 clean, 1 findings, 2 errors).</summary>
public sealed class ExitCodeTests
{
    private static string Case(string caseFile) =>
        Path.Combine(Directory.GetDirectories(RepositoryPaths.Policies).Single(d => Path.GetFileName(d).StartsWith("dynamodb-013", StringComparison.Ordinal)), "cases", caseFile);

    [Theory]
    [InlineData("low", 1)]
    [InlineData("high", 1)]      // dynamodb:001 and :002 fail at high
    [InlineData("critical", 0)]  // nothing critical
    public void Fail_on_threshold(string threshold, int expected) =>
        Assert.Equal(expected, CliRun.InProcess("scan", Case("fail_keys_only.json"), "--fail-on", threshold).ExitCode);

    [Fact]
    public void Failures_below_the_threshold_are_still_reported()
    {
        var run = CliRun.InProcess("scan", Case("fail_keys_only.json"), "--fail-on", "critical", "--policy", "dynamodb:013");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("FAIL    dynamodb:013 [low]", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fails_only_with_fail_on_unknown()
    {
        Assert.Equal(0, CliRun.InProcess("scan", Case("unknown_view_type.json"), "--policy", "dynamodb:013").ExitCode);
        Assert.Equal(1, CliRun.InProcess("scan", Case("unknown_view_type.json"), "--policy", "dynamodb:013", "--fail-on-unknown").ExitCode);
    }

    [Fact]
    public void Unknowns_below_the_threshold_do_not_fail_and_the_summary_says_which_count()
    {
        // dynamodb:013 is low: with --fail-on high, its unknown counts no more than a low failure would.
        var junit = Path.Combine(Path.GetTempPath(), "securedynamo-junit-" + Guid.NewGuid().ToString("N") + ".xml");
        try
        {
            var run = CliRun.InProcess("scan", Case("unknown_view_type.json"), "--policy", "dynamodb:013", "--fail-on", "high", "--fail-on-unknown", "--format", "markdown", "--format", "junit=" + junit);
            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith("## SecureDynamo.Lint: ✅ passed", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("fails on `high` and above, unknown verdicts included.", run.Stdout, StringComparison.Ordinal);
            // JUnit agrees: the unknown is skipped, not a failed test.
            Assert.Contains("failures=\"0\"", File.ReadAllText(junit), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(junit);
        }
    }

    [Fact]
    public void Bad_threshold_and_second_stdout_format_are_usage_errors()
    {
        var bad = CliRun.InProcess("scan", Case("fail_keys_only.json"), "--fail-on", "severe");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--fail-on severe: choose low, medium, high or critical", bad.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, CliRun.InProcess("scan", Case("fail_keys_only.json"), "--format", "text", "--format", "sarif").ExitCode);
    }

    [Fact]
    public void Github_format_appends_the_markdown_summary_to_the_step_summary_file()
    {
        var summary = Path.Combine(Path.GetTempPath(), "securedynamo-summary-" + Guid.NewGuid().ToString("N") + ".md");
        File.WriteAllText(summary, "previous step\n");
        try
        {
            var run = CliRun.InProcess(new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary }, "scan", Case("fail_keys_only.json"), "--format", "github");
            Assert.Equal(1, run.ExitCode);
            var text = File.ReadAllText(summary);
            Assert.StartsWith("previous step\n## SecureDynamo.Lint: ❌ failed", text, StringComparison.Ordinal);
            Assert.Contains("### Failures (5)", text, StringComparison.Ordinal);
            Assert.StartsWith("::error file=", run.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(summary);
        }
    }
}
