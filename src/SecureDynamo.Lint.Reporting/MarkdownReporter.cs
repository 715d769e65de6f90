using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Reporting;

/// <summary>
/// A Markdown report for a pull-request comment or the GitHub step summary: a table of findings by
/// severity, then the failures, the unknowns and the suppressed findings (with their reasons), and
/// the run's warnings. Every value from a scanned input goes through <see cref="MarkdownText"/>.
/// </summary>
public static class MarkdownReporter
{
    private static readonly Severity[] Severities = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low];

    public static void Write(ScanReport report, TextWriter o)
    {
        var verdict = report.Failed ? "❌ failed" : "✅ passed";
        o.WriteLine($"## SecureDynamo.Lint: {verdict}");
        o.WriteLine();
        o.WriteLine($"{MarkdownText.Cell(TextReporter.Summary(report))}; fails on `{report.FailOn.ToText()}` and above{(report.FailOnUnknown ? ", unknown verdicts included" : "")}.");
        o.WriteLine();
        o.WriteLine("| Severity | Failed | Unknown | Suppressed |");
        o.WriteLine("|---|---:|---:|---:|");
        foreach (var s in Severities)
        {
            int Count(Status status) => report.Results.Count(r => r.Severity == s && r.Status == status);
            o.WriteLine($"| {s.ToText()} | {Count(Status.Fail)} | {Count(Status.Unknown)} | {Count(Status.Suppressed)} |");
        }
        Section(o, report, "Failures", report.Results.Where(r => r.Status == Status.Fail), r => r.Message);
        Section(o, report, "Unknown", report.Results.Where(r => r.Status == Status.Unknown), r => r.Message);
        Section(o, report, "Suppressed", report.Results.Where(r => r.Status == Status.Suppressed), r => $"{r.SuppressedStatus?.ToText()}: {r.SuppressionReason}");
        if (report.Warnings.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("### Warnings");
            o.WriteLine();
            foreach (var w in report.Warnings) o.WriteLine($"- {MarkdownText.Cell(w)}");
        }
    }

    private static void Section(TextWriter o, ScanReport report, string title, IEnumerable<EvaluationResult> results, Func<EvaluationResult, string> detail)
    {
        var rows = results.OrderByDescending(r => r.Severity).ThenBy(r => r.PolicyId, StringComparer.Ordinal).ThenBy(r => r.ResourceAddress, StringComparer.Ordinal).ToList();
        if (rows.Count == 0) return;
        o.WriteLine();
        o.WriteLine($"### {title} ({rows.Count})");
        o.WriteLine();
        o.WriteLine(title == "Suppressed" ? "| Severity | Policy | Resource | Reason | Location |" : "| Severity | Policy | Resource | Message | Location |");
        o.WriteLine("|---|---|---|---|---|");
        foreach (var r in rows)
        {
            var policy = report.Policy(r.PolicyId) is { HelpUri: { } help } ? $"[{MarkdownText.Cell(r.PolicyId)}]({help})" : MarkdownText.Cell(r.PolicyId);
            var where = r.Location is { } loc ? $"{report.Display(loc.File)}:{loc.Start.Line}" : report.Display(r.Input);
            o.WriteLine($"| {r.Severity.ToText()} | {policy} | {MarkdownText.Cell(r.ResourceAddress)} | {MarkdownText.Cell(detail(r))} | {MarkdownText.Cell(where)} |");
        }
    }
}
