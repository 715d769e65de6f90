using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Corpus;

/// <summary>
/// Every file in the corpus's <c>plans/</c> is handled as <c>plans/EXPECTED.securedynamo.json</c>
/// says: scanned with exactly the expected rows, or refused with the stated one-line error.
/// </summary>
public sealed class PlanCorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var expected = Path.Combine(CorpusLocator.Root, "plans", "EXPECTED.securedynamo.json");
        if (!File.Exists(expected))
        {
            data.Add("(corpus missing)");
            return data;
        }
        foreach (var p in JObject.Parse(File.ReadAllText(expected)).Properties().OrderBy(p => p.Name, StringComparer.Ordinal)) data.Add(p.Name);
        return data;
    }

    [CorpusFact]
    public void Expected_file_covers_every_plan_file()
    {
        var plans = CorpusLocator.In("plans");
        var listed = JObject.Parse(File.ReadAllText(Path.Combine(plans, "EXPECTED.securedynamo.json"))).Properties().Select(p => p.Name).ToHashSet();
        var present = Directory.GetFiles(plans, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(plans, f).Replace('\\', '/'))
            .Where(f => f is not ("EXPECTED.securedynamo.json" or "MANIFEST.md"));
        foreach (var f in present) Assert.Contains(f, listed);
    }

    [CorpusTheory]
    [MemberData(nameof(Files))]
    public void Plan_file_is_handled_as_expected(string relative)
    {
        var plans = CorpusLocator.In("plans");
        Assert.True(File.Exists(Path.Combine(plans, "EXPECTED.securedynamo.json")), $"corpus is required but missing at {CorpusLocator.Root}");
        var entry = (JObject)JObject.Parse(File.ReadAllText(Path.Combine(plans, "EXPECTED.securedynamo.json")))[relative]!;
        var expect = (string)entry["expect"]!;
        var path = Path.Combine(plans, relative);
        var run = CliRun.InProcess("scan", path, "--format", "json");

        if (expect == "error" || (expect == "error-or-unwrap" && run.ExitCode == 2))
        {
            Assert.Equal(2, run.ExitCode);
            Assert.Equal("", run.Stdout);
            var lines = run.Stderr.TrimEnd('\n').Split('\n');
            Assert.Single(lines);
            Assert.Contains(path, lines[0]);
            Assert.DoesNotContain("   at ", lines[0]);
            if (relative.StartsWith("binary/", StringComparison.Ordinal)) Assert.Contains("terraform show -json", lines[0]);
            if (relative.EndsWith(".jsonl", StringComparison.Ordinal)) Assert.Contains("terraform plan -json", lines[0]);
            if (relative.EndsWith(".tfstate", StringComparison.Ordinal)) Assert.Contains("terraform show -json", lines[0]);
            if (expect == "error-or-unwrap") Assert.Contains("wrapper", lines[0]);
            return;
        }

        Assert.True(run.ExitCode is 0 or 1, $"{relative}: exit {run.ExitCode}: {run.Stderr}");
        Assert.Equal("", run.Stderr);
        var expected = (entry["results"] as JArray ?? new JArray())
            .Select(r => new ExpectedRow((string)r["policy"]!, (string)r["address"]!, (string)r["status"]!))
            .OrderBy(r => r.ToString(), StringComparer.Ordinal).ToList();
        var actual = ReportRows.From(run.Stdout);
        Assert.Equal(expected.Select(r => r.ToString()), actual.Select(r => r.ToString()));
    }
}
