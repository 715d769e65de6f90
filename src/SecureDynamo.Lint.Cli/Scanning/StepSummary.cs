using System.Text;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Reporting;

namespace SecureDynamo.Lint.Cli.Scanning;

/// <summary>
/// The GitHub Actions job summary: with the <c>github</c> format, the Markdown report is appended
/// to the file <c>$GITHUB_STEP_SUMMARY</c> names (other steps' summaries stay).
/// </summary>
public static class StepSummary
{
    public const string Variable = "GITHUB_STEP_SUMMARY";

    public static void AppendIfRequested(ScanReport report, CliConsole console)
    {
        var file = console.Environment(Variable);
        if (string.IsNullOrEmpty(file)) return;
        try
        {
            using var writer = new StreamWriter(file, true, new UTF8Encoding(false)) { NewLine = "\n" };
            MarkdownReporter.Write(report, writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(file, $"cannot append the step summary ({e.Message})");
        }
    }
}
