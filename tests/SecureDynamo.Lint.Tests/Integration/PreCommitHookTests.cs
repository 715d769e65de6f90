using System.Text.RegularExpressions;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Integration;

/// <summary>
/// The hooks of <c>.pre-commit-hooks.yaml</c>: their file patterns, and their entry commands run
/// as pre-commit runs them (from the repository root, with the matching file names appended when
/// <c>pass_filenames</c> is true), with the built CLI standing in for the packed tool.
/// </summary>
public sealed class PreCommitHookTests
{
    private sealed record Hook(string Id, string Entry, string Files, bool PassFilenames, string Language, bool RequireSerial);

    private static IReadOnlyList<Hook> Hooks()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".pre-commit-hooks.yaml"));
        return text.Split("\n- ").Skip(1).Select(block =>
        {
            string Field(string name) => Regex.Match(block, $@"(?m)^\s*{name}: (.*)$").Groups[1].Value.Trim();
            return new Hook(Field("id"), Field("entry"), Field("files"), Field("pass_filenames") == "true", Field("language"), Field("require_serial") == "true");
        }).ToList();
    }

    [Fact]
    public void Hooks_are_declared_for_terraform_and_for_plan_json()
    {
        var hooks = Hooks().ToDictionary(h => h.Id);
        Assert.Equal(["securedynamo", "securedynamo-plan"], hooks.Keys.Order(StringComparer.Ordinal));
        Assert.All(hooks.Values, h => Assert.Equal("dotnet", h.Language));
        Assert.All(hooks.Values, h => Assert.True(h.RequireSerial));
        var hcl = hooks["securedynamo"];
        Assert.Equal("securedynamo scan .", hcl.Entry);
        Assert.False(hcl.PassFilenames);
        Assert.Matches(hcl.Files, "modules/table/main.tf");
        Assert.Matches(hcl.Files, "envs/prod.tfvars");
        Assert.DoesNotMatch(hcl.Files, "main.tf.json.bak");
        foreach (var name in new[] { "main.tf.json", "prod.tfvars.json", ".securedynamo.json", "envs/.securedynamo.json" }) Assert.Matches(hcl.Files, name);
        var plan = hooks["securedynamo-plan"];
        Assert.True(plan.PassFilenames);
        // The names the tool reads as plans (its default globs), and not JSON that only starts with "plan".
        foreach (var name in new[] { "plan.json", "tfplan.json", "envs/prod/plan-prod.json", "tfplan.prod.json", "envs/prod.plan.json", "prod.tfplan.json", "plan2.json", "tfplanprod.json" }) Assert.Matches(plan.Files, name);
        foreach (var name in new[] { "package.json", "envs/planets/data.json", "explain.json", "docs/planning.json", "planner-notes.json" }) Assert.DoesNotMatch(plan.Files, name);
    }

    [Fact]
    public void Hook_entries_run_and_fail_on_findings()
    {
        using var repo = new TempRepository();
        var hooks = Hooks().ToDictionary(h => h.Id);
        var fixture = Path.Combine(RepositoryPaths.Policies, "dynamodb-013-table-streams-capture-changes", "cases", "fail_keys_only.json");
        File.Copy(fixture, Path.Combine(repo.Root, "plan.json"));
        repo.Write("main.tf", "resource \"aws_dynamodb_table\" \"t\" {}\n");

        (int, string, string) RunHook(Hook hook, params string[] files)
        {
            var words = hook.Entry.Split(' ');
            Assert.Equal("securedynamo", words[0]);
            string[] args = [BinaryRunner.Assembly, .. words[1..], .. hook.PassFilenames ? files : []];
            return ShellRun.Run(repo.Root, new Dictionary<string, string>(), "dotnet", args);
        }

        var (planCode, planOut, _) = RunHook(hooks["securedynamo-plan"], "plan.json");
        Assert.Equal(1, planCode);
        Assert.Contains("FAIL    dynamodb:013", planOut, StringComparison.Ordinal);

        var (hclCode, hclOut, hclErr) = RunHook(hooks["securedynamo"], "main.tf");
        Assert.True(hclCode == 1, hclOut + hclErr); // `scan .` reads the folder's Terraform module
        Assert.Contains("aws_dynamodb_table.t (main.tf)", hclOut, StringComparison.Ordinal);

        repo.Write(".securedynamo.json", """{ "policies": { "dynamodb:001": { "enabled": false }, "dynamodb:002": { "enabled": false }, "dynamodb:003": { "enabled": false }, "dynamodb:014": { "enabled": false } }, "exceptions": [ { "policy": "dynamodb:013", "resource": "**", "reason": "no CDC for this table" } ] }""");
        var (cleanCode, cleanOut, _) = RunHook(hooks["securedynamo-plan"], "plan.json");
        Assert.True(cleanCode == 0, cleanOut);
    }
}
