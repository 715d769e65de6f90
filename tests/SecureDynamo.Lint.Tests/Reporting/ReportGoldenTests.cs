using SecureDynamo.Lint.Reporting;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Reporting;

/// <summary>
/// Every report format against its golden file: for the fixed <see cref="SampleReport"/>, and for
/// a real scan of <c>fixtures/hostile/plan.json</c>, whose addresses and values carry newlines,
/// workflow commands, <c>%0A</c>, ANSI escapes, bidi overrides, pipes, backticks and HTML.
/// </summary>
public sealed class ReportGoldenTests
{
    public static TheoryData<string> Formats() => new(ReportFormats.Names);

    public static string HostilePlan => RepositoryPaths.InFixtures("hostile", "plan.json");

    [Theory]
    [MemberData(nameof(Formats))]
    public void Sample_report_matches_its_golden_file(string format)
    {
        GoldenFile.Match($"sample.{Extension(format)}", Render(format, SampleReport.Create()));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Hostile_plan_report_matches_its_golden_file(string format)
    {
        GoldenFile.Match($"hostile.{Extension(format)}", ScanHostile(format));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Same_input_gives_identical_bytes_every_run(string format)
    {
        var first = ScanHostile(format);
        for (var i = 0; i < 3; i++) Assert.Equal(first, ScanHostile(format));
    }

    public static string Render(string format, ScanReport report)
    {
        var output = new StringWriter { NewLine = "\n" };
        ReportFormats.Find(format)!(report, output, false);
        return output.ToString();
    }

    public static string ScanHostile(string format)
    {
        var run = CliRun.InProcess(new Dictionary<string, string>(), new DateOnly(2025, 6, 1), "scan", HostilePlan, "--format", format,
            // the hostile fixture exercises escaping; a fixed set of policies keeps its golden files independent of the catalogue's growth
            "--policy", "dynamodb:001", "--policy", "dynamodb:002", "--policy", "dynamodb:003", "--policy", "dynamodb:013", "--policy", "dynamodb:014");
        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.Stderr}");
        return run.Stdout;
    }

    private static string Extension(string format) => format switch
    {
        "text" => "txt",
        "json" => "json",
        "sarif" => "sarif",
        "junit" => "junit.xml",
        "github" => "github.txt",
        "markdown" => "md",
        _ => format,
    };
}
