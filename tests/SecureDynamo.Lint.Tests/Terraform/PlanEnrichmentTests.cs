using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Terraform;

/// <summary><c>scan plan.json --source-dir DIR</c>: plan findings get source locations and inline suppressions.</summary>
public sealed class PlanEnrichmentTests
{
    [Fact]
    public void Plan_findings_are_mapped_to_their_source_blocks_through_the_module_tree()
    {
        var plan = Path.Combine(FixturePaths.Orders, "plan.json");
        var bare = CliRun.InProcess("scan", plan, "--format", "json");
        var enriched = CliRun.InProcess("scan", plan, "--source-dir", FixturePaths.Orders, "--format", "json");
        var hcl = CliRun.InProcess("scan", FixturePaths.Orders, "--format", "json");
        Assert.Equal(1, enriched.ExitCode);
        Assert.Equal("", enriched.Stderr);

        var bareLocations = SourceLocationTests.Locations(bare.Stdout);
        Assert.StartsWith(plan.Replace('\\', '/').Split('/')[^1], bareLocations["dynamodb:002 module.t[\"sessions\"].aws_dynamodb_table.this"].Split('/')[^1]);
        var fromSource = SourceLocationTests.Locations(hcl.Stdout);
        var fromPlan = SourceLocationTests.Locations(enriched.Stdout);
        // every finding the source scan has is placed identically; plan-only policies (017/018) point at .tf blocks too
        Assert.Equal(fromSource, fromPlan.Where(p => fromSource.ContainsKey(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        Assert.All(fromPlan.Where(p => !fromSource.ContainsKey(p.Key)), p => Assert.Contains(".tf:", p.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Inline_suppressions_in_the_source_apply_to_plan_findings()
    {
        var plan = Path.Combine(FixturePaths.Orders, "plan.json");
        var bare = Statuses(CliRun.InProcess("scan", plan, "--format", "json").Stdout);
        var enriched = Statuses(CliRun.InProcess("scan", plan, "--source-dir", FixturePaths.Orders, "--format", "json").Stdout);
        Assert.Equal("fail", bare["dynamodb:013 aws_dynamodb_table.audit[1]"]);
        Assert.Equal("suppressed", enriched["dynamodb:013 aws_dynamodb_table.audit[1]"]);
        Assert.Equal("fail", enriched["dynamodb:014 aws_dynamodb_table.audit[1]"]);
    }

    private static Dictionary<string, string> Statuses(string json) =>
        ((JArray)JObject.Parse(json)["results"]!).ToDictionary(r => $"{r["policyId"]} {r["resource"]!["address"]}", r => (string)r["status"]!, StringComparer.Ordinal);
}
