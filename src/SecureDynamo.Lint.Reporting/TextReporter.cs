using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Reporting;

/// <summary>
/// Human output: failing and unknown results grouped by resource (worst first), suppressed ones
/// with their reason, then a one-line summary. Colour only when asked (a terminal without NO_COLOR).
/// </summary>
public sealed class TextReporter(bool color)
{
    private const string Reset = "\u001b[0m";

    public void Write(ScanReport report, TextWriter output)
    {
        foreach (var w in report.Warnings) output.WriteLine(Paint("warning: ", "\u001b[33m") + SafeText.OneLine(w));
        var shown = report.Results.Where(r => r.Status is Status.Fail or Status.Unknown or Status.Suppressed).ToList();
        var group = new List<EvaluationResult>();
        // Results come in report order (input, then address): a resource's results are one run, read off in one pass
        // (no hashing of every long address as grouping them would).
        for (var start = 0; start < shown.Count;)
        {
            var first = shown[start];
            var end = start + 1;
            while (end < shown.Count && SameResource(shown[end], first)) end++;
            group.Clear();
            for (var i = start; i < end; i++) group.Add(shown[i]);
            start = end;
            // Plan findings share the resource's entry in the plan; source findings each point at their own attribute.
            var source = first.Location is { } l0 && IsSource(l0);
            var where = first.Location is { } loc ? $" ({SafeText.OneLine(report.Display(loc.File))}{(source ? "" : $":{loc.Start.Line}")})" : "";
            output.WriteLine(Paint(SafeText.OneLine(first.ResourceAddress), "\u001b[1m") + where);
            InShownOrder(group);
            foreach (var r in group)
            {
                var status = r.Status switch
                {
                    Status.Fail => Paint("FAIL   ", "\u001b[31m"),
                    Status.Unknown => Paint("UNKNOWN", "\u001b[33m"),
                    _ => Paint("SUPPR. ", "\u001b[2m"),
                };
                // Written piece by piece: a 16x plan's report is 100,000 lines, and a string per line is garbage.
                output.Write("  ");
                output.Write(status);
                output.Write(' ');
                output.Write(r.PolicyId);
                output.Write(" [");
                output.Write(r.Severity.ToText());
                output.Write("] ");
                SafeText.WriteOneLine(output, r.MessageText);
                if (r.Location is { } l && (source || l != first.Location))
                {
                    output.Write(" (");
                    SafeText.WriteOneLine(output, report.Display(l.File));
                    output.Write(':');
                    WriteNumber(output, l.Start.Line);
                    output.Write(':');
                    WriteNumber(output, l.Start.Column);
                    output.Write(')');
                }
                output.WriteLine();
                if (r.Status == Status.Suppressed) output.WriteLine($"          suppressed: {SafeText.OneLine(r.SuppressionReason ?? "")}");
            }
            output.WriteLine();
        }
        output.WriteLine(Summary(report));
    }

    /// <summary>Terraform source (HCL findings) is shown with its column; plan files by line only.</summary>
    private static bool IsSource(Core.Diagnostics.SourceRange loc) => Core.Diagnostics.TerraformFiles.IsConfiguration(loc.File);

    /// <summary>"3 failed, 1 unknown, 12 passed" (and suppressed / not applicable when there are any).</summary>
    public static string Summary(ScanReport report)
    {
        var parts = new List<string>
        {
            $"{report.Count(Status.Fail)} failed",
            $"{report.Count(Status.Unknown)} unknown",
            $"{report.Count(Status.Pass)} passed",
        };
        var suppressed = report.Count(Status.Suppressed);
        if (suppressed > 0) parts.Add($"{suppressed} suppressed");
        var na = report.Count(Status.NotApplicable);
        if (na > 0) parts.Add($"{na} not applicable");
        // Module calls not installed hold resources nobody judged (under --fail-on-unknown they fail the run): said here too.
        var unanalysed = report.Inputs.Sum(i => i.Unanalysed);
        if (unanalysed > 0) parts.Add($"{unanalysed} module call{(unanalysed == 1 ? "" : "s")} not analysed");
        var resources = report.Inputs.Sum(i => i.Resources);
        return $"{string.Join(", ", parts)} ({resources} resource{(resources == 1 ? "" : "s")} in {report.Inputs.Count} input{(report.Inputs.Count == 1 ? "" : "s")})";
    }

    private static int StatusRank(EvaluationResult r) => r.Status switch { Status.Fail => 0, Status.Unknown => 1, _ => 2 };

    private static bool SameResource(EvaluationResult a, EvaluationResult b) =>
        string.Equals(a.ResourceAddress, b.ResourceAddress, StringComparison.Ordinal) && string.Equals(a.Input, b.Input, StringComparison.Ordinal);

    /// <summary>Puts a group's results worst first: failures, then unknowns, then suppressed; higher severity first; then by policy id (stable).</summary>
    private static void InShownOrder(List<EvaluationResult> list)
    {
        // Insertion sort: groups are a resource's few results, and equal ones keep their order.
        for (var i = 1; i < list.Count; i++)
        {
            var item = list[i];
            var j = i - 1;
            for (; j >= 0 && ShownBefore(item, list[j]); j--) list[j + 1] = list[j];
            list[j + 1] = item;
        }
    }

    private static bool ShownBefore(EvaluationResult a, EvaluationResult b)
    {
        var c = StatusRank(a).CompareTo(StatusRank(b));
        if (c == 0) c = b.Severity.CompareTo(a.Severity);
        if (c == 0) c = string.CompareOrdinal(a.PolicyId, b.PolicyId);
        return c < 0;
    }

    private static void WriteNumber(TextWriter output, int n)
    {
        Span<char> digits = stackalloc char[11];
        n.TryFormat(digits, out var length, default, System.Globalization.CultureInfo.InvariantCulture);
        output.Write(digits[..length]);
    }

    private string Paint(string text, string code) => color ? code + text + Reset : text;
}
