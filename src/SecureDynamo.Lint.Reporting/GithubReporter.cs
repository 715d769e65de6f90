using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Reporting;

/// <summary>
/// Annotations for GitHub Actions: one workflow command per failing or unknown finding, placed on
/// the file and line. A failure that fails the run is an <c>error</c>, one below the
/// <c>--fail-on</c> threshold a <c>warning</c>; an unknown is a <c>warning</c> (an <c>error</c>
/// under <c>--fail-on-unknown</c>). Suppressed findings get no annotation (they would clutter the
/// pull request's diff); the step summary lists them. Warnings of the run become <c>warning</c>s.
/// The last line is the plain summary.
/// </summary>
public static partial class GithubReporter
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<file>[^:<>]+):(?<line>[0-9]+):(?<col>[0-9]+): ")]
    private static partial System.Text.RegularExpressions.Regex PlaceOf();

    public static void Write(ScanReport report, TextWriter output)
    {
        foreach (var warning in report.Warnings)
        {
            // A warning about a place in a file (main.tf:12:3: ...) is put on that place.
            if (PlaceOf().Match(warning) is { Success: true } at)
            {
                output.WriteLine(WorkflowCommand.Format("warning",
                    [("file", at.Groups["file"].Value), ("line", at.Groups["line"].Value), ("col", at.Groups["col"].Value), ("title", "securedynamo")], warning));
            }
            else output.WriteLine(WorkflowCommand.Format("warning", [("title", "securedynamo")], warning));
        }
        foreach (var r in report.Results.Where(r => r.Status is Status.Fail or Status.Unknown))
        {
            var command = report.Fails(r) ? "error" : "warning";
            var properties = new List<(string, string)>();
            var file = r.Location?.File ?? r.Input;
            if (!file.StartsWith('<')) properties.Add(("file", report.Display(file)));
            if (r.Location is { } loc)
            {
                properties.Add(("line", loc.Start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                if (loc.Start.Column >= 1) properties.Add(("col", loc.Start.Column.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            var status = r.Status == Status.Unknown ? " (unknown)" : "";
            properties.Add(("title", $"{r.PolicyId} [{r.Severity.ToText()}]{status}: {r.PolicyTitle}"));
            output.WriteLine(WorkflowCommand.Format(command, properties, r.Message));
        }
        output.WriteLine("securedynamo: " + TextReporter.Summary(report));
    }
}
