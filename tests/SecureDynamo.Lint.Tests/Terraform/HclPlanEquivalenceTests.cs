using SecureDynamo.Lint.Tests.Corpus;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Terraform;

/// <summary><c>scan DIR</c> gives the same verdicts as scanning the plan of the same code.</summary>
public sealed class HclPlanEquivalenceTests
{
    [Fact]
    public void Own_fixture_module_and_its_plan_agree()
    {
        var hcl = ReportRows.From(CliRun.InProcess("scan", FixturePaths.Orders, "--format", "json").Stdout);
        var plan = ReportRows.From(CliRun.InProcess("scan", Path.Combine(FixturePaths.Orders, "plan.json"), "--source-dir", FixturePaths.Orders, "--format", "json").Stdout);
        Assert.True(hcl.Count >= 20, $"the fixture module should give many rows, got {hcl.Count}");
        // dynamodb:017 and dynamodb:018 judge plan changes: source has none of them
        var planOnly = new HashSet<string>(StringComparer.Ordinal) { "dynamodb:017", "dynamodb:018" };
        Assert.Equal(plan.Where(r => !planOnly.Contains(r.Policy)).Select(r => r.ToString()), hcl.Select(r => r.ToString()));
    }

    [CorpusFact]
    public void Checkov_enrichment_case_agrees_between_plan_and_source()
    {
        var cases = PeerCorpusTests.All().Where(c => c.Folder == "checkov/plan_with_hcl_for_enrichment").ToList();
        var planCase = cases.Single(c => c.Mode == "plan");
        var hclCase = cases.Single(c => c.Mode == "hcl");
        // Policies that judge source at all (plan-only policies, such as change checks, have no HCL rows).
        var judged = hclCase.Results.Select(r => r.Policy).ToHashSet(StringComparer.Ordinal);
        var plan = PeerCorpusTests.Scan(planCase).Where(r => judged.Contains(r.Policy)).Select(r => r.ToString());
        var hcl = PeerCorpusTests.Scan(hclCase).Select(r => r.ToString());
        Assert.NotEmpty(hcl);
        Assert.Equal(plan, hcl);
    }
}
