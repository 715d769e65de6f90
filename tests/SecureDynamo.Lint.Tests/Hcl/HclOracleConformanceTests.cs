using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Hcl;
using SecureDynamo.Lint.Hcl.Debug;
using SecureDynamo.Lint.Tests.Corpus;

namespace SecureDynamo.Lint.Tests.Hcl;

/// <summary>
/// Compares our parse of every corpus case with HashiCorp's hcl2ast output: error verdict, first
/// error position, attribute/block structure, constant values and references.
/// </summary>
public sealed class HclOracleConformanceTests
{
    private static string HclCorpus => CorpusLocator.In("hcl");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(HclCorpus))
        {
            foreach (var oracle in Directory.GetFiles(HclCorpus, "*.oracle.json").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(oracle)[..^".oracle.json".Length];
                // e25: the oracle (HCL 2.14.1) predates provider functions; see ProviderFunctionIsAccepted.
                if (name != "e25-provider-function.tf" && !name.EndsWith(".json", StringComparison.Ordinal))
                {
                    data.Add(name);
                }
            }
        }
        else
        {
            data.Add("(corpus missing)");
        }
        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(Cases))]
    public void MatchesOracle(string caseName) => Compare(HclCorpus, caseName);

    /// <summary>Our own tricky inputs in <c>fixtures/hcl/</c>, with the output HashiCorp's hcl2ast gave for them.</summary>
    public static TheoryData<string> OwnCases()
    {
        var data = new TheoryData<string>();
        foreach (var oracle in Directory.GetFiles(OwnCasesFolder, "*.oracle.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(oracle)[..^".oracle.json".Length]);
        }
        return data;
    }

    private static string OwnCasesFolder => SecureDynamo.Lint.Tests.Support.RepositoryPaths.InFixtures("hcl");

    [Theory]
    [MemberData(nameof(OwnCases))]
    public void OwnCaseMatchesOracle(string caseName) => Compare(OwnCasesFolder, caseName);

    private static void Compare(string dir, string caseName)
    {
        var expected = ParseJson(File.ReadAllText(Path.Combine(dir, caseName + ".oracle.json")));
        var actual = ParseJson(HclAstWriter.Write(caseName, File.ReadAllBytes(Path.Combine(dir, caseName)), "config"));

        var expectedErrors = ((JArray)expected["diagnostics"]!).Where(d => (string?)d["severity"] == "error").ToList();
        var actualErrors = ((JArray)actual["diagnostics"]!).Where(d => (string?)d["severity"] == "error").ToList();
        Assert.True(expectedErrors.Count > 0 == actualErrors.Count > 0, $"error verdict: expected {expectedErrors.Count} errors, got: {string.Join("; ", actualErrors.Select(e => e["summary"]))}");
        if (expectedErrors.Count > 0)
        {
            Assert.Equal(Position(expectedErrors[0]), Position(actualErrors[0]));
            return;
        }
        CompareBody((JObject)expected["body"]!, (JObject)actual["body"]!, "body");
    }

    [CorpusFact]
    public void ProviderFunctionIsAccepted()
    {
        // The oracle is HCL 2.14.1, older than provider functions (HCL 2.20 / Terraform 1.8), so it
        // reports an error here; Terraform today accepts the call, and so do we.
        var path = Path.Combine(HclCorpus, "e25-provider-function.tf");
        var file = HclParser.ParseConfig("e25.tf", File.ReadAllBytes(path));
        Assert.False(file.HasErrors, string.Join("; ", file.Diagnostics));
        var call = Assert.IsType<SecureDynamo.Lint.Hcl.Syntax.FunctionCall>(file.Body.Attributes[0].Expression);
        Assert.Equal("provider::aws::arn_parse", call.Name);
    }

    [CorpusTheory]
    [InlineData("s01-deep-nesting-tuple.tf", 0, 0, 10000)]
    [InlineData("s02-deep-nesting-blocks.tf", 10000, 10000, 0)]
    [InlineData("s03-deep-nesting-parens.tf", 0, 0, 10001)]
    [InlineData("s04-deep-nesting-objects.tf", 0, 0, 5002)]
    [InlineData("s05-deep-nesting-templates.tf", 0, 0, 2001)]
    public void StressFilesParseWithTheOraclesShape(string caseName, int blocks, int blockDepth, int exprHeight)
    {
        var bytes = File.ReadAllBytes(Path.Combine(HclCorpus, caseName));
        var actual = ParseJson(HclAstWriter.Write(caseName, bytes, "config"));
        Assert.Empty((JArray)actual["diagnostics"]!);
        Assert.Equal(blocks, (int)actual["stats"]!["blocks"]!);
        Assert.Equal(blockDepth, (int)actual["stats"]!["max_block_depth"]!);
        Assert.Equal(exprHeight, (int)actual["stats"]!["max_expr_height"]!);
    }

    /// <summary>Parses JSON, quoting integers too large for Json.NET (1e400 has 401 digits) on both sides alike.</summary>
    private static JObject ParseJson(string text) =>
        JObject.Load(new Newtonsoft.Json.JsonTextReader(new StringReader(
            System.Text.RegularExpressions.Regex.Replace(text, @"(?<=[:\[,]\s*)(-?\d{200,}(\.\d+)?)", "\"$1\"")))
        { MaxDepth = null });

    private static string Position(JToken diagnostic) =>
        $"{diagnostic["range"]?["start"]?["line"]}:{diagnostic["range"]?["start"]?["column"]}";

    private static void CompareBody(JObject expected, JObject actual, string path)
    {
        var ea = (JArray)expected["attributes"]!;
        var aa = (JArray)actual["attributes"]!;
        Assert.Equal(ea.Select(a => (string?)a["name"]), aa.Select(a => (string?)a["name"]));
        for (var i = 0; i < ea.Count; i++)
        {
            var where = $"{path}.{ea[i]["name"]}";
            var e = (JObject)ea[i]["expr"]!;
            var a = (JObject)aa[i]["expr"]!;
            Assert.True(JToken.DeepEquals(ea[i]["name_range"]!["start"], aa[i]["name_range"]!["start"]), $"{where}: name position {aa[i]["name_range"]!["start"]}");
            Assert.True(e.ContainsKey("value") == a.ContainsKey("value"), $"{where}: constant-ness; oracle {e["value"] ?? e["value_error"]}, ours {a["value"] ?? a["value_error"]}");
            if (e.ContainsKey("value"))
            {
                Assert.True(JToken.DeepEquals(e["value"], a["value"]), $"{where}: value {e["value"]} vs {a["value"]}");
                Assert.True(JToken.DeepEquals(e["type"], a["type"]), $"{where}: type {e["type"]} vs {a["type"]}");
            }
            Assert.Equal(Traversals(e), Traversals(a));
        }
        var eb = (JArray)expected["blocks"]!;
        var ab = (JArray)actual["blocks"]!;
        Assert.Equal(eb.Select(b => $"{b["type"]} {string.Join(",", b["labels"]!)}"), ab.Select(b => $"{b["type"]} {string.Join(",", b["labels"]!)}"));
        for (var i = 0; i < eb.Count; i++)
        {
            CompareBody((JObject)eb[i]["body"]!, (JObject)ab[i]["body"]!, $"{path}.{eb[i]["type"]}");
        }
    }

    private static string Traversals(JObject expr) =>
        string.Join(" ", (expr["traversals"] as JArray)?.Select(t => (string?)t) ?? []);
}
