using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Policies.Engine;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Corpus;

/// <summary>
/// Every case of <c>peers/*/*/expected.securedynamo.json</c>: scanning its inputs together in its
/// mode gives exactly the expected (policy, address, status) rows. Rows are compared for every
/// policy in the built-in catalog; <see cref="Every_policy_the_peer_cases_expect_is_in_the_catalog"/>
/// fails while a policy the corpus expects is missing, so no row can be dropped silently.
/// </summary>
public sealed class PeerCorpusTests
{
    internal sealed record PeerCase(string Folder, string Name, IReadOnlyList<string> Inputs, string Mode, IReadOnlyList<ExpectedRow> Results);

    internal static IReadOnlyList<PeerCase> All()
    {
        var peers = CorpusLocator.In("peers");
        if (!Directory.Exists(peers)) return Array.Empty<PeerCase>();
        var cases = new List<PeerCase>();
        foreach (var file in Directory.GetFiles(peers, "expected.securedynamo.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var folder = Path.GetDirectoryName(file)!;
            var doc = JObject.Parse(File.ReadAllText(file));
            var entries = doc["cases"] is JArray list ? list.Cast<JObject>() : new[] { doc };
            foreach (var c in entries)
            {
                cases.Add(new PeerCase(
                    Path.GetRelativePath(peers, folder).Replace('\\', '/'),
                    (string?)c["name"] ?? "(single)",
                    ((JArray)c["inputs"]!).Select(i => (string)i!).ToList(),
                    (string)c["mode"]!,
                    ((JArray)c["results"]!).Select(r => new ExpectedRow((string)r["policy"]!, (string)r["address"]!, (string)r["status"]!)).ToList()));
            }
        }
        return cases;
    }

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var all = All();
        if (all.Count == 0) data.Add("(corpus missing)");
        foreach (var c in all) data.Add($"{c.Folder}#{c.Name}");
        return data;
    }

    internal static IReadOnlyList<ExpectedRow> Scan(PeerCase c)
    {
        var folder = CorpusLocator.In(["peers", .. c.Folder.Split('/')]);
        var run = CliRun.InProcess(["scan", .. c.Inputs.Select(i => Path.Combine(folder, i)), "--format", "json"]);
        Assert.True(run.ExitCode is 0 or 1, $"{c.Folder} {c.Name}: exit {run.ExitCode}: {run.Stderr}");
        var kind = (string)JObject.Parse(run.Stdout)["inputs"]![0]!["kind"]!;
        Assert.Equal(c.Mode, kind);
        return ReportRows.From(run.Stdout);
    }

    [CorpusTheory]
    [MemberData(nameof(Cases))]
    public void Peer_case_gives_exactly_the_expected_rows(string id)
    {
        var c = All().SingleOrDefault(x => $"{x.Folder}#{x.Name}" == id);
        Assert.True(c is not null, $"corpus is required but missing at {CorpusLocator.Root}");
        var catalog = PolicyCatalog.BuiltIn().Policies.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var expected = c.Results.Where(r => catalog.Contains(r.Policy)).Select(r => r.ToString()).OrderBy(r => r, StringComparer.Ordinal);
        var actual = Scan(c).Select(r => r.ToString());
        Assert.Equal(expected, actual);
    }

    [CorpusFact]
    public void Every_policy_the_peer_cases_expect_is_in_the_catalog()
    {
        var catalog = PolicyCatalog.BuiltIn().Policies.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var missing = All().SelectMany(c => c.Results).Select(r => r.Policy).Where(p => !catalog.Contains(p)).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "policies the peer corpus expects but the catalog lacks: " + string.Join(", ", missing));
    }
}
