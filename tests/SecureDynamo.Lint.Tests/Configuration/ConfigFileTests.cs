using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Configuration;

/// <summary><c>.securedynamo.json</c>: discovery, validation, policy options, exceptions with expiry, include/exclude, and CLI overrides.</summary>
public sealed class ConfigFileTests
{
    private const string Streams = "dynamodb-013";
    private static readonly DateOnly Today = new(2025, 2, 1);

    private static CliRun Scan(params string[] args) => CliRun.InProcess(new Dictionary<string, string>(), Today, ["scan", .. args]);

    [Fact]
    public void Config_is_found_by_walking_up_from_the_scanned_file()
    {
        using var repo = new TempRepository();
        var plan = repo.CopyCase(Streams, "fail_keys_only.json", "envs/prod/plan.json");
        Assert.Equal(1, Scan(plan, "--policy", "dynamodb:013").ExitCode);
        repo.Write(".securedynamo.json", """{ "policies": { "dynamodb:013": { "allowedViewTypes": ["KEYS_ONLY", "NEW_AND_OLD_IMAGES"] } } }""");
        var run = Scan(plan, "--policy", "dynamodb:013");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
    }

    [Fact]
    public void Discovery_stops_at_the_repository_root()
    {
        using var outer = new TempRepository(gitRoot: false);
        outer.Write(".securedynamo.json", """{ "failOn": "critical" }""");
        Directory.CreateDirectory(Path.Combine(outer.Root, "repo", ".git"));
        var plan = outer.CopyCase(Streams, "fail_keys_only.json", "repo/plan.json");
        Assert.Equal(1, Scan(plan, "--policy", "dynamodb:013").ExitCode);
        // the same layout without the .git marker: the outer config applies
        Directory.Delete(Path.Combine(outer.Root, "repo", ".git"));
        Assert.Equal(0, Scan(plan, "--policy", "dynamodb:013").ExitCode);
    }

    [Theory]
    [InlineData("""{ "failon": "high" }""", "unknown key \"failon\"")]
    [InlineData("""{ "failOn": "severe" }""", "\"failOn\" must be one of low, medium, high, critical")]
    [InlineData("""{ "failOnUnknown": "yes" }""", "\"failOnUnknown\" must be true or false")]
    [InlineData("""{ "policies": { "dynamodb:999": {} } }""", "unknown policy id \"dynamodb:999\"")]
    [InlineData("""{ "policies": { "dynamodb:013": { "allowed": ["KEYS_ONLY"] } } }""", "unknown key \"policies.dynamodb:013.allowed\"; dynamodb:013 accepts: enabled, allowedViewTypes")]
    [InlineData("""{ "policies": { "dynamodb:013": { "allowedViewTypes": "KEYS_ONLY" } } }""", "\"policies.dynamodb:013.allowedViewTypes\" must be an array of non-empty strings")]
    [InlineData("""{ "exceptions": [ { "policy": "dynamodb:013", "resource": "*", "reason": "x", "expires": "31/12/2025" } ] }""", "\"exceptions[0].expires\" must be a date written yyyy-mm-dd")]
    [InlineData("""{ "exceptions": [ { "policy": "dynamodb:013", "resource": "*" } ] }""", "\"exceptions[0]\" needs \"reason\"")]
    [InlineData("""{ "exceptions": [ { "policy": "dynamodb:013", "resource": "*", "reason": "x", "until": "2025-01-01" } ] }""", "unknown key \"exceptions[0].until\"")]
    [InlineData("""{ "include": "*.json" }""", "\"include\" must be an array of non-empty strings")]
    [InlineData("""{ "policies": { "dynamodb:013": { "allowedViewTypes": [] } } }""", "\"policies.dynamodb:013.allowedViewTypes\" must name at least one value")]
    [InlineData("""{ "policies": { "dynamodb:013": { "allowedViewTypes": ["NEW_IMAGE", "BOGUS"] } } }""", "\"policies.dynamodb:013.allowedViewTypes\": \"BOGUS\" is not a stream view type; DynamoDB has KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES")]
    [InlineData("""{ "policies": { "dynamodb:006": { "trustedAccounts": ["abc"] } } }""", "\"policies.dynamodb:006.trustedAccounts\": \"abc\" is not an AWS account id (12 digits)")]
    [InlineData("""{ "failOn": "high", }x""", "not valid JSON")]
    // Empty: no line was read, so no position is named (it was 0:0).
    [InlineData("", ".securedynamo.json: not valid JSON")]
    public void Bad_config_is_an_error_naming_the_file_and_the_key(string config, string expected)
    {
        using var repo = new TempRepository();
        var file = repo.Write(".securedynamo.json", config);
        var plan = repo.CopyCase(Streams, "fail_keys_only.json", "plan.json");
        var run = Scan(plan);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"securedynamo: {file}:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Explicit_config_file_wins_over_discovery_and_a_missing_one_is_an_error()
    {
        using var repo = new TempRepository();
        repo.Write(".securedynamo.json", """{ "failOn": "critical" }""");
        var strict = repo.Write("strict.json", """{ "failOn": "low" }""");
        var plan = repo.CopyCase(Streams, "fail_keys_only.json", "plan.json");
        Assert.Equal(0, Scan(plan, "--policy", "dynamodb:013").ExitCode);
        Assert.Equal(1, Scan(plan, "--policy", "dynamodb:013", "--config", strict).ExitCode);
        var missing = Scan(plan, "--config", Path.Combine(repo.Root, "nope.json"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.json: config file not found", missing.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aws_dynamodb_table.fail_*", true)]
    [InlineData("aws_dynamodb_table.fail_keys_only", true)]
    [InlineData("**.fail_keys_only", true)]
    [InlineData("module.**", false)]
    [InlineData("aws_dynamodb_table.pass_*", false)]
    public void Exceptions_suppress_matching_findings(string glob, bool suppressed)
    {
        using var repo = new TempRepository();
        repo.Write(".securedynamo.json", $$"""{ "exceptions": [ { "policy": "dynamodb:013", "resource": "{{glob}}", "reason": "CDC not needed here" } ] }""");
        var plan = repo.CopyCase(Streams, "fail_keys_only.json", "plan.json");
        var run = Scan(plan, "--policy", "dynamodb:013", "--format", "json");
        Assert.Equal(suppressed ? 0 : 1, run.ExitCode);
        var result = JObject.Parse(run.Stdout)["results"]!.Single();
        Assert.Equal(suppressed ? "suppressed" : "fail", (string)result["status"]!);
        if (suppressed)
        {
            Assert.Equal("CDC not needed here", (string)result["suppression"]!["reason"]!);
            Assert.Equal("fail", (string)result["suppression"]!["originalStatus"]!);
        }
    }

    [Fact]
    public void An_exception_for_another_policy_suppresses_nothing_and_passes_are_never_suppressed()
    {
        using var repo = new TempRepository();
        repo.Write(".securedynamo.json", """{ "exceptions": [ { "policy": "*", "resource": "**", "reason": "all" } ] }""");
        var plan = repo.CopyCase(Streams, "pass_new_and_old_images.json", "plan.json");
        var results = JObject.Parse(Scan(plan, "--format", "json").Stdout)["results"]!;
        Assert.Equal("pass", (string)results.Single(r => (string)r["policyId"]! == "dynamodb:013")["status"]!);
        // every other finding is suppressed; passes and not-applicable pairs are never findings
        var others = results.Where(r => (string)r["policyId"]! != "dynamodb:013").ToList();
        Assert.All(others, r => Assert.Contains((string)r["status"]!, new[] { "suppressed", "pass", "not_applicable" }));
        Assert.Contains(others, r => (string)r["status"]! == "suppressed");
        Assert.All(others.Where(r => (string)r["status"]! == "suppressed"), r => Assert.Contains((string)r["suppression"]!["originalStatus"]!, new[] { "fail", "unknown" }));
    }

    [Theory]
    [InlineData("2025-02-01", 0, false)] // expires at the end of its day
    [InlineData("2025-01-31", 1, true)]
    public void An_expired_exception_stops_applying_and_says_so(string expires, int exitCode, bool warned)
    {
        using var repo = new TempRepository();
        repo.Write(".securedynamo.json", $$"""{ "exceptions": [ { "policy": "dynamodb:013", "resource": "**", "reason": "until the migration", "expires": "{{expires}}" } ] }""");
        var plan = repo.CopyCase(Streams, "fail_keys_only.json", "plan.json");
        var run = Scan(plan, "--policy", "dynamodb:013");
        Assert.Equal(exitCode, run.ExitCode);
        var warning = $"the exception for dynamodb:013 on ** expired on {expires} and no longer applies (reason was: until the migration)";
        Assert.Equal(warned, run.Stdout.Contains(warning, StringComparison.Ordinal));
    }

    [Fact]
    public void Command_line_flags_override_the_config()
    {
        using var repo = new TempRepository();
        repo.Write(".securedynamo.json", """{ "failOn": "critical", "failOnUnknown": false, "policies": { "dynamodb:013": { "enabled": false } } }""");
        var fail = repo.CopyCase(Streams, "fail_keys_only.json", "fail.json");
        var unknown = repo.CopyCase(Streams, "unknown_view_type.json", "unknown.json");
        Assert.Equal(0, Scan(fail).ExitCode); // only critical fails, and none is critical
        Assert.Equal(1, Scan(fail, "--fail-on", "high").ExitCode);
        var skipped = JObject.Parse(Scan(fail, "--format", "json").Stdout)["results"]!;
        Assert.DoesNotContain(skipped, r => (string)r["policyId"]! == "dynamodb:013");
        Assert.Equal(1, Scan(fail, "--policy", "dynamodb:013", "--fail-on", "low").ExitCode); // --policy runs a disabled policy
        Assert.Equal(0, Scan(unknown, "--policy", "dynamodb:013").ExitCode);
        Assert.Equal(1, Scan(unknown, "--policy", "dynamodb:013", "--fail-on", "low", "--fail-on-unknown").ExitCode);
        Assert.Equal(0, Scan(fail, "--fail-on", "high", "--skip-policy", "dynamodb:001", "--skip-policy", "dynamodb:002").ExitCode);
    }

    [Fact]
    public void Config_fail_on_unknown_makes_unknowns_fail()
    {
        using var repo = new TempRepository();
        repo.Write(".securedynamo.json", """{ "failOnUnknown": true }""");
        var unknown = repo.CopyCase(Streams, "unknown_view_type.json", "unknown.json");
        Assert.Equal(1, Scan(unknown, "--policy", "dynamodb:013").ExitCode);
        // The command line has the last word, both ways.
        Assert.Equal(0, Scan(unknown, "--policy", "dynamodb:013", "--fail-on-unknown", "false").ExitCode);
        Assert.Equal(1, Scan(unknown, "--policy", "dynamodb:013", "--fail-on-unknown", "true").ExitCode);
        repo.Write(".securedynamo.json", """{ "failOnUnknown": false }""");
        Assert.Equal(0, Scan(unknown, "--policy", "dynamodb:013").ExitCode);
        Assert.Equal(1, Scan(unknown, "--policy", "dynamodb:013", "--fail-on-unknown").ExitCode);
    }

    [Fact]
    public void Folder_inputs_follow_include_and_exclude_globs()
    {
        using var repo = new TempRepository();
        repo.CopyCase(Streams, "fail_keys_only.json", "plans/plan-a.json");
        repo.CopyCase(Streams, "unknown_view_type.json", "plans/plan-b.json");
        repo.CopyCase(Streams, "fail_not_enabled.json", "plans/notes.json");
        repo.CopyCase(Streams, "fail_not_enabled.json", "plans/.terraform/plan-cached.json");
        string[] Inputs(CliRun run) => JObject.Parse(run.Stdout)["inputs"]!.Select(i => Path.GetFileName((string)i["path"]!)).ToArray();

        Assert.Equal(["plan-a.json", "plan-b.json"], Inputs(Scan(Path.Combine(repo.Root, "plans"), "--format", "json")));
        repo.Write(".securedynamo.json", """{ "exclude": ["plans/plan-b.json"] }""");
        Assert.Equal(["plan-a.json"], Inputs(Scan(Path.Combine(repo.Root, "plans"), "--format", "json")));
        repo.Write(".securedynamo.json", """{ "include": ["**/notes.json"] }""");
        Assert.Equal(["notes.json"], Inputs(Scan(Path.Combine(repo.Root, "plans"), "--format", "json")));
        // a file named directly is also subject to the globs
        var skipped = Scan(Path.Combine(repo.Root, "plans", "plan-a.json"), "--format", "json");
        Assert.Empty(Inputs(skipped));
        Assert.Equal(0, skipped.ExitCode);
        Assert.Contains("skipped by the include/exclude globs", skipped.Stdout, StringComparison.Ordinal);
        // ... but a Terraform file named directly is read: the globs choose plan files.
        repo.Write("envs/prod/main.tf", "resource \"aws_dynamodb_table\" \"t\" {\n  name     = \"t\"\n  hash_key = \"id\"\n}\n");
        Assert.Equal(["main.tf"], Inputs(Scan(Path.Combine(repo.Root, "envs", "prod", "main.tf"), "--format", "json")));
    }
}
