using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Integration;

/// <summary>
/// Runs the scan step of <c>action.yml</c> with bash as the runner would: inputs resolved into its
/// environment, <c>GITHUB_*</c> and <c>RUNNER_TEMP</c> pointing at temporary files, and the built
/// CLI where the build step puts it.
/// </summary>
public sealed class GithubActionTests
{
    private static (int Code, string Stdout, string Stderr, string Output, string Summary, TempRepository Repo) RunScanStep(Dictionary<string, string> inputs)
    {
        var action = new ActionScript(Path.Combine(RepositoryPaths.Root, "action.yml"));
        var resolved = new Dictionary<string, string>(action.InputDefaults());
        foreach (var (k, v) in inputs) resolved[k] = v;
        var (env, script) = action.Step("scan", resolved);

        var repo = new TempRepository();
        var fixture = Path.Combine(RepositoryPaths.Policies, "dynamodb-013-table-streams-capture-changes", "cases", "fail_keys_only.json");
        File.Copy(fixture, Path.Combine(repo.Root, "plan.json"));
        var runnerTemp = Path.Combine(repo.Root, ".runner");
        Directory.CreateDirectory(runnerTemp);
        // the build step's output folder: the CLI this test run was built with
        Directory.CreateSymbolicLink(Path.Combine(runnerTemp, "securedynamo"), Path.GetDirectoryName(BinaryRunner.Assembly)!);
        var output = Path.Combine(runnerTemp, "github_output");
        var summary = Path.Combine(runnerTemp, "step_summary.md");
        File.WriteAllText(output, "");
        File.WriteAllText(summary, "");
        var scriptFile = Path.Combine(runnerTemp, "scan.sh");
        File.WriteAllText(scriptFile, script);
        var allEnv = new Dictionary<string, string>(env)
        {
            ["GITHUB_ACTION_PATH"] = RepositoryPaths.Root,
            ["GITHUB_WORKSPACE"] = repo.Root,
            ["GITHUB_OUTPUT"] = output,
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["RUNNER_TEMP"] = runnerTemp,
        };
        var (code, stdout, stderr) = ShellRun.Run(repo.Root, allEnv, "bash", "--noprofile", "--norc", "-eo", "pipefail", scriptFile); // as the runner invokes `shell: bash`
        return (code, stdout, stderr, File.ReadAllText(output), File.ReadAllText(summary), repo);
    }

    [Fact]
    public void Scan_step_leaves_sarif_annotations_summary_and_outputs()
    {
        var (code, stdout, stderr, output, summary, repo) = RunScanStep(new() { ["plan"] = "plan.json", ["formats"] = "junit=reports/junit.xml" });
        using (repo)
        {
            Assert.True(code == 1, stdout + stderr);
            Assert.Contains("exit-code=1\n", output, StringComparison.Ordinal);
            Assert.Contains("sarif-file=securedynamo.sarif\n", output, StringComparison.Ordinal);
            var sarif = JObject.Parse(File.ReadAllText(Path.Combine(repo.Root, "securedynamo.sarif")));
            Assert.Equal("2.1.0", (string)sarif["version"]!);
            Assert.Equal("plan.json", (string)sarif["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!);
            Assert.True(File.Exists(Path.Combine(repo.Root, "reports", "junit.xml")));
            Assert.True(stdout.Contains("::error file=plan.json,line=", StringComparison.Ordinal), stdout);
            Assert.StartsWith("## SecureDynamo.Lint: ❌ failed", summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Annotations_and_summary_can_be_turned_off_independently()
    {
        var (code, stdout, _, _, summary, repo) = RunScanStep(new() { ["plan"] = "plan.json", ["annotations"] = "false", ["fail-on"] = "critical" });
        using (repo)
        {
            Assert.Equal(0, code);
            Assert.DoesNotContain("::error", stdout, StringComparison.Ordinal);
            Assert.Contains("FAIL    dynamodb:001", stdout, StringComparison.Ordinal);
            Assert.StartsWith("## SecureDynamo.Lint: ✅ passed", summary, StringComparison.Ordinal);
        }
        var (_, stdout2, _, _, summary2, repo2) = RunScanStep(new() { ["plan"] = "plan.json", ["summary"] = "false" });
        using (repo2)
        {
            Assert.Contains("::error", stdout2, StringComparison.Ordinal);
            Assert.Equal("", summary2);
        }
    }
    [Fact]
    public void Fail_on_unknown_false_overrides_the_config_and_a_failed_read_names_no_sarif_output()
    {
        var (code, stdout, stderr, _, _, repo) = RunScanStep(new() { ["plan"] = "plan.json", ["fail-on"] = "critical", ["fail-on-unknown"] = "false" });
        using (repo)
        {
            Assert.True(code == 0, stdout + stderr);
        }
        // An input error (exit 2) writes no SARIF file: none is given as the step's output.
        var (badCode, _, _, badOutput, _, badRepo) = RunScanStep(new() { ["plan"] = "missing.json" });
        using (badRepo)
        {
            Assert.Equal(2, badCode);
            Assert.Contains("exit-code=2\n", badOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("sarif-file=", badOutput, StringComparison.Ordinal);
        }
        // A format without a path would be a second report on the log: refused with a message saying why.
        var (fmtCode, fmtOut, _, _, _, fmtRepo) = RunScanStep(new() { ["plan"] = "plan.json", ["formats"] = "junit=j.xml, github" });
        using (fmtRepo)
        {
            Assert.Equal(2, fmtCode);
            Assert.Contains("formats: \"github\" needs a path (FORMAT=PATH)", fmtOut, StringComparison.Ordinal);
        }
    }
}
