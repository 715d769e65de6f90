using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Plan;
using SecureDynamo.Lint.Policies.Engine;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>
/// Runs every policy's fixture cases (<c>policies/&lt;slug&gt;/cases/*.json</c>, plan form). The
/// expected verdict of each judged resource is the prefix of its name (<c>pass_</c>, <c>fail_</c>,
/// <c>unknown_</c>, <c>na_</c>), or a <c>&lt;case&gt;.expected.json</c> beside the case maps
/// address to verdict. Adding a policy adds cases, not test code.
/// </summary>
public sealed class PolicyCaseTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var dir in Directory.GetDirectories(RepositoryPaths.Policies).Order(StringComparer.Ordinal))
        {
            var cases = Path.Combine(dir, "cases");
            if (!Directory.Exists(cases)) continue;
            foreach (var file in Directory.GetFiles(cases, "*.json").Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(dir), Path.GetFileName(file));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_gives_the_verdicts_its_names_promise(string policyFolder, string caseFile)
    {
        var policy = PolicyCatalog.BuiltIn().Policies.Single(p => p.Metadata.Slug == policyFolder);
        var path = Path.Combine(RepositoryPaths.Policies, policyFolder, "cases", caseFile);
        var results = Evaluate(policy.Id, path);
        Assert.NotEmpty(results);

        var expectedFile = Path.ChangeExtension(path, null) + ".expected.json";
        if (File.Exists(expectedFile))
        {
            var expected = JObject.Parse(File.ReadAllText(expectedFile)).Properties().ToDictionary(p => p.Name, p => (string)p.Value!);
            Assert.Equal(expected.OrderBy(p => p.Key), results.ToDictionary(r => r.ResourceAddress, r => r.Status.ToText()).OrderBy(p => p.Key));
            return;
        }
        foreach (var r in results)
        {
            var expected = ExpectedFromName(r.ResourceAddress);
            Assert.True(expected is not null, $"{caseFile}: {r.ResourceAddress} is judged by {policy.Id} ({r.Status.ToText()}) but its name has no pass_/fail_/unknown_/na_ prefix: {r.Message}");
            Assert.True(expected == r.Status, $"{caseFile}: {r.ResourceAddress} expected {expected?.ToText()} but got {r.Status.ToText()}: {r.Message}");
        }
        // the file name promises at least one verdict of its kind
        var promised = caseFile.Split('_')[0] switch { "pass" => Status.Pass, "fail" => Status.Fail, "unknown" => Status.Unknown, "na" => Status.NotApplicable, _ => (Status?)null };
        Assert.True(promised is not null, $"{caseFile}: case file names start with pass_, fail_, unknown_ or na_");
        Assert.Contains(results, r => r.Status == promised);
    }

    [Fact]
    public void Every_policy_has_a_case_for_each_outcome_it_declares()
    {
        foreach (var policy in PolicyCatalog.BuiltIn().Policies)
        {
            var cases = Path.Combine(RepositoryPaths.Policies, policy.Metadata.Slug, "cases");
            Assert.True(Directory.Exists(cases), $"{policy.Id} has no cases folder");
            var seen = Directory.GetFiles(cases, "*.json").Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal))
                .SelectMany(f => Evaluate(policy.Id, f)).Select(r => r.Status.ToText()).ToHashSet();
            foreach (var outcome in policy.Metadata.Outcomes)
            {
                Assert.True(seen.Contains(outcome), $"{policy.Id} declares outcome {outcome} but no case produces it");
            }
            Assert.Subset(policy.Metadata.Outcomes.ToHashSet(), seen);
        }
    }

    internal static IReadOnlyList<EvaluationResult> Evaluate(string policyId, string path)
    {
        var catalog = PolicyCatalog.BuiltIn();
        var graph = PlanReader.ReadFile(path, new PlanReadOptions(catalog.ResourceTypes()));
        var engine = new PolicyEngine(catalog, new PolicySelection(new HashSet<string> { policyId }, new HashSet<string>(), new Dictionary<string, PolicyOptions>()));
        return engine.Run(graph);
    }

    private static Status? ExpectedFromName(string address)
    {
        var name = SecureDynamo.Lint.Core.Graph.ResourceAddress.Parse(address).Name;
        if (name.StartsWith("pass", StringComparison.Ordinal)) return Status.Pass;
        if (name.StartsWith("fail", StringComparison.Ordinal)) return Status.Fail;
        if (name.StartsWith("unknown", StringComparison.Ordinal)) return Status.Unknown;
        if (name.StartsWith("na_", StringComparison.Ordinal) || name == "na") return Status.NotApplicable;
        return null;
    }
}
