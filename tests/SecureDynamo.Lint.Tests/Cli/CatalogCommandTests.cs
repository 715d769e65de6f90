using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Cli;

public sealed class CatalogCommandTests
{
    [Fact]
    public void Policies_json_lists_the_catalogue_with_metadata()
    {
        var run = CliRun.InProcess("policies", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var list = JArray.Parse(run.Stdout);
        var first = (JObject)list.Single(p => (string)p["id"]! == "dynamodb:001");
        foreach (var key in new[] { "title", "severity", "description", "rationale", "remediation", "references", "resourceTypes", "helpUri" })
        {
            Assert.True(first.ContainsKey(key), key);
        }
        Assert.Equal("high", (string)first["severity"]!);
        Assert.Equal(list.Select(p => (string)p["id"]!).Order(StringComparer.Ordinal), list.Select(p => (string)p["id"]!));
    }

    [Fact]
    public void Policies_text_has_one_line_per_policy()
    {
        var run = CliRun.InProcess("policies");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("dynamodb:002", run.Stdout);
    }

    [Fact]
    public void Explain_prints_the_documentation_page()
    {
        var run = CliRun.InProcess("explain", "dynamodb:001");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("## Why", run.Stdout);
        Assert.Contains("## How to fix", run.Stdout);
    }
}
