using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Configuration;

/// <summary><c>--write-baseline</c> records findings by fingerprint; <c>--baseline</c> reports them as suppressed so only new ones fail.</summary>
public sealed class BaselineTests
{
    private const string Streams = "dynamodb-013";

    private static CliRun Scan(params string[] args) => CliRun.InProcess(new Dictionary<string, string>(), new DateOnly(2025, 1, 1), ["scan", .. args]);

    /// <summary>How many fail and unknown results a plain scan of <paramref name="plan"/> gives.</summary>
    private static int FindingCount(string plan) =>
        JObject.Parse(Scan(plan, "--format", "json").Stdout)["results"]!.Count(r => (string)r["status"]! is "fail" or "unknown");

    [Fact]
    public void Baseline_round_trip_lets_only_new_findings_fail()
    {
        using var repo = new TempRepository();
        var plan = repo.CopyCase(Streams, "unknown_view_type.json", "plan.json");
        var baseline = Path.Combine(repo.Root, "ci", "baseline.json");

        var expected = FindingCount(plan);
        Assert.True(expected > 1, "the case should have several findings");
        var write = Scan(plan, "--write-baseline", baseline);
        Assert.True(write.ExitCode == 0, write.Stderr);
        Assert.Contains($"wrote {expected} findings to the baseline {baseline}", write.Stderr, StringComparison.Ordinal);
        var recorded = JObject.Parse(File.ReadAllText(baseline));
        Assert.Equal(1, (int)recorded["version"]!);
        var findings = recorded["findings"]!.ToList();
        Assert.Equal(expected, findings.Count);
        Assert.Equal(findings.Select(f => (string)f["policyId"]!).Order(StringComparer.Ordinal), findings.Select(f => (string)f["policyId"]!));
        Assert.Contains(findings, f => (string)f["policyId"]! == "dynamodb:013" && (string)f["status"]! == "unknown" && (string)f["resource"]! == "aws_dynamodb_table.unknown_view_type");

        var again = Scan(plan, "--baseline", baseline, "--fail-on-unknown", "--format", "json");
        Assert.True(again.ExitCode == 0, again.Stdout);
        var results = JObject.Parse(again.Stdout)["results"]!;
        Assert.All(results.Where(r => (string)r["status"]! is not ("pass" or "not_applicable")), r =>
        {
            Assert.Equal("suppressed", (string)r["status"]!);
            Assert.Equal($"in baseline {baseline}", (string)r["suppression"]!["reason"]!);
        });

        // a new input brings new findings: they fail, the recorded ones stay suppressed
        var other = repo.CopyCase(Streams, "fail_keys_only.json", "other.json");
        var mixed = Scan(plan, other, "--baseline", baseline, "--format", "json");
        Assert.Equal(1, mixed.ExitCode);
        var statuses = JObject.Parse(mixed.Stdout)["results"]!.GroupBy(r => Path.GetFileName((string)r["input"]!)).ToDictionary(g => g.Key, g => g.Select(r => (string)r["status"]!).Distinct().Order().ToArray());
        Assert.Contains("fail", statuses["other.json"]);
        Assert.DoesNotContain("suppressed", statuses["other.json"]);
        Assert.Contains("suppressed", statuses["plan.json"]);
        Assert.DoesNotContain("fail", statuses["plan.json"]);
        Assert.DoesNotContain("unknown", statuses["plan.json"]);
    }

    [Fact]
    public void Baseline_still_matches_when_lines_move()
    {
        using var repo = new TempRepository();
        var plan = repo.CopyCase(Streams, "fail_keys_only.json", "plan.json");
        var baseline = Path.Combine(repo.Root, "baseline.json");
        var expected = FindingCount(plan);
        Assert.Equal(0, Scan(plan, "--write-baseline", baseline).ExitCode);
        // the same plan re-serialised on one line: every finding's line changes
        var compact = JObject.Parse(File.ReadAllText(plan)).ToString(Formatting.None);
        File.WriteAllText(plan, compact);
        var run = Scan(plan, "--baseline", baseline, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stdout);
        Assert.Equal(expected, JObject.Parse(run.Stdout)["summary"]!["suppressed"]!.Value<int>());
    }

    [Fact]
    public void A_baseline_matches_however_the_scanned_path_is_written()
    {
        // infra and infra/ (tab completion), or a module's files in another order, are the same input.
        using var repo = new TempRepository();
        repo.Write("infra/main.tf", "resource \"aws_dynamodb_table\" \"t\" {\n  name     = \"t\"\n  hash_key = \"id\"\n}\n");
        repo.Write("infra/extra.tf", "resource \"aws_dynamodb_table\" \"u\" {\n  name     = \"u\"\n  hash_key = \"id\"\n}\n");
        var infra = Path.Combine(repo.Root, "infra");
        var baseline = Path.Combine(repo.Root, "baseline.json");
        Assert.Equal(0, Scan(infra, "--write-baseline", baseline).ExitCode);
        Assert.Equal(0, Scan(infra + Path.DirectorySeparatorChar, "--baseline", baseline).ExitCode);

        var files = Path.Combine(repo.Root, "files.json");
        Assert.Equal(0, Scan(Path.Combine(infra, "main.tf"), Path.Combine(infra, "extra.tf"), "--write-baseline", files).ExitCode);
        Assert.Equal(0, Scan(Path.Combine(infra, "extra.tf"), Path.Combine(infra, "main.tf"), "--baseline", files).ExitCode);
    }

    [Theory]
    [InlineData(null, "baseline file not found")]
    [InlineData("{ not json", "the baseline is not valid JSON")]
    [InlineData("""{ "version": 2, "findings": [] }""", "not a securedynamo baseline")]
    [InlineData("""{ "version": 1, "findings": [ { "policyId": "x" } ] }""", "needs a \"fingerprint\" string")]
    public void Missing_or_malformed_baseline_is_an_error_naming_the_file(string? content, string expected)
    {
        using var repo = new TempRepository();
        var plan = repo.CopyCase(Streams, "fail_keys_only.json", "plan.json");
        var baseline = Path.Combine(repo.Root, "baseline.json");
        if (content is not null) File.WriteAllText(baseline, content);
        var run = Scan(plan, "--baseline", baseline);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"securedynamo: {baseline}", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
    }
}
