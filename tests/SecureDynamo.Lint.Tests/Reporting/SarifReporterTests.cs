using Newtonsoft.Json.Linq;
using NJsonSchema;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Reporting;
using SecureDynamo.Lint.Tests.Corpus;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Reporting;

public sealed class SarifReporterTests
{
    // The SARIF 2.1.0 schema is in the shared folder beside the corpus: these tests run where the corpus does.
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(CorpusLocator.Shared("schemas", "sarif-schema-2.1.0.json")).GetAwaiter().GetResult());

    private static void AssertValid(string sarif)
    {
        var errors = Schema.Value.Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [CorpusFact]
    public void Sample_report_validates_against_the_sarif_schema() => AssertValid(ReportGoldenTests.Render("sarif", SampleReport.Create()));

    [CorpusFact]
    public void Hostile_scan_validates_against_the_sarif_schema() => AssertValid(ReportGoldenTests.ScanHostile("sarif"));

    [CorpusFact]
    public void Schema_validation_catches_a_broken_report()
    {
        var sarif = JObject.Parse(ReportGoldenTests.Render("sarif", SampleReport.Create()));
        sarif["runs"]![0]!["results"]![0]!["level"] = "fatal";
        Assert.NotEmpty(Schema.Value.Validate(sarif.ToString()));
    }

    [Fact]
    public void Results_are_findings_only_with_levels_from_status_and_severity()
    {
        var run = JObject.Parse(ReportGoldenTests.Render("sarif", SampleReport.Create()))["runs"]![0]!;
        var results = run["results"]!.Select(r => ((string)r["ruleId"]!, (string)r["level"]!, r["suppressions"] is not null)).ToList();
        Assert.Equal(
            [
                ("dynamodb:001", "error", false),   // high failure
                ("dynamodb:003", "warning", false), // medium failure
                ("dynamodb:001", "note", false),    // unknown
                ("dynamodb:014", "warning", true),  // suppressed low failure
                ("dynamodb:003", "warning", true),  // suppressed in source
                ("dynamodb:017", "error", false),   // critical failure without a location
            ], results);
        var rules = run["tool"]!["driver"]!["rules"]!;
        foreach (var r in run["results"]!)
        {
            Assert.Equal((string)r["ruleId"]!, (string)rules[(int)r["ruleIndex"]!]!["id"]!);
        }
        Assert.Equal(["8.0", "5.5", "3.0", "9.5"], rules.Select(r => (string)r["properties"]!["security-severity"]!));
        var suppressions = run["results"]!.Where(r => r["suppressions"] is not null).Select(r => ((string)r["suppressions"]![0]!["kind"]!, (string)r["suppressions"]![0]!["justification"]!));
        Assert.Equal([("external", "sessions table keeps items forever by design"), ("inSource", "scratch table, recreated nightly")], suppressions);
    }

    [Fact]
    public void Locations_are_relative_to_the_source_root_with_a_region()
    {
        var results = JObject.Parse(ReportGoldenTests.Render("sarif", SampleReport.Create()))["runs"]![0]!["results"]!;
        foreach (var r in results)
        {
            var physical = r["locations"]![0]!["physicalLocation"]!;
            Assert.Equal("envs/prod/plan.json", (string)physical["artifactLocation"]!["uri"]!);
            Assert.Equal("%SRCROOT%", (string)physical["artifactLocation"]!["uriBaseId"]!);
            Assert.True((int)physical["region"]!["startLine"]! >= 1);
        }
        Assert.Equal(12, (int)results[0]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!);
    }

    [Fact]
    public void Fingerprints_ignore_lines_and_messages_but_not_policy_resource_or_input()
    {
        var report = SampleReport.Create();
        var r = report.Results[0];
        var moved = r with
        {
            Message = "another wording",
            Location = new SourceRange(r.Location!.File, new SourcePosition(99, 1, 0), new SourcePosition(99, 1, 0)),
        };
        Assert.Equal(report.Fingerprint(r), report.Fingerprint(moved));
        Assert.NotEqual(report.Fingerprint(r), report.Fingerprint(r with { PolicyId = "dynamodb:002" }));
        Assert.NotEqual(report.Fingerprint(r), report.Fingerprint(r with { ResourceAddress = "aws_dynamodb_table.other" }));
        Assert.NotEqual(report.Fingerprint(r), report.Fingerprint(r with { Input = "/repo/envs/dev/plan.json" }));
        // the same file named relatively from the repository root gives the same fingerprint
        Assert.Equal(report.Fingerprint(r), report.Fingerprint(r with { Input = "envs/prod/plan.json" }));
        Assert.Equal(FindingFingerprint.Of("dynamodb:001", "aws_dynamodb_table.orders", "envs/prod/plan.json"), report.Fingerprint(r));
    }
}
