using System.Xml;
using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Reporting;

/// <summary>
/// JUnit XML for CI test reporters: a <c>testsuite</c> per policy run, a <c>testcase</c> per
/// (policy, resource) it judged (not-applicable pairs are left out). A failure is a
/// <c>failure</c> with the message; an unknown is <c>skipped</c> with its message, or a failure
/// under <c>--fail-on-unknown</c>; a suppressed finding is <c>skipped</c> with its reason.
/// Text from scanned inputs is made one-line with control and bidi characters shown as escapes
/// (as in text output), XML-escaped, and stripped of anything else XML 1.0 cannot hold.
/// </summary>
public static class JunitReporter
{
    public static void Write(ScanReport report, TextWriter output)
    {
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
            // The declaration is written by hand: over a StringWriter XmlWriter would claim utf-16.
            OmitXmlDeclaration = true,
            CloseOutput = false,
        };
        var byPolicy = report.Results.Where(r => r.Status != Status.NotApplicable).ToLookup(r => r.PolicyId, StringComparer.Ordinal);
        output.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        using (var w = XmlWriter.Create(output, settings))
        {
            w.WriteStartElement("testsuites");
            w.WriteAttributeString("name", "securedynamo");
            var all = report.Policies.SelectMany(p => byPolicy[p.Id]).ToList();
            WriteCounts(w, report, all);
            foreach (var policy in report.Policies)
            {
                var cases = byPolicy[policy.Id].ToList();
                w.WriteStartElement("testsuite");
                w.WriteAttributeString("name", Clean($"{policy.Id} {policy.Title}"));
                WriteCounts(w, report, cases);
                foreach (var r in cases) WriteCase(w, report, r);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        output.WriteLine();
    }

    private static void WriteCounts(XmlWriter w, ScanReport report, IReadOnlyCollection<EvaluationResult> cases)
    {
        w.WriteAttributeString("tests", cases.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteAttributeString("failures", cases.Count(r => Outcome(report, r) == "failure").ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteAttributeString("errors", "0");
        w.WriteAttributeString("skipped", cases.Count(r => Outcome(report, r) == "skipped").ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string? Outcome(ScanReport report, EvaluationResult r) => r.Status switch
    {
        Status.Fail => "failure",
        // An unknown is a failed test where it fails the run (--fail-on-unknown, at or above --fail-on), as the exit code says.
        Status.Unknown => report.Fails(r) ? "failure" : "skipped",
        Status.Suppressed => "skipped",
        _ => null,
    };

    private static void WriteCase(XmlWriter w, ScanReport report, EvaluationResult r)
    {
        w.WriteStartElement("testcase");
        w.WriteAttributeString("classname", Clean(r.PolicyId));
        w.WriteAttributeString("name", Clean(r.ResourceAddress));
        if (r.Location is { } loc)
        {
            w.WriteAttributeString("file", Clean(report.Display(loc.File)));
            w.WriteAttributeString("line", loc.Start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        switch (Outcome(report, r))
        {
            case "failure":
                w.WriteStartElement("failure");
                w.WriteAttributeString("message", Clean(r.Message));
                w.WriteAttributeString("type", r.Status == Status.Unknown ? "unknown" : r.Severity.ToText());
                w.WriteString($"{r.Status.ToText()} [{r.Severity.ToText()}] {Clean(r.Message)}\nat {Clean(Where(report, r))}");
                w.WriteEndElement();
                break;
            case "skipped":
                w.WriteStartElement("skipped");
                w.WriteAttributeString("message", Clean(r.Status == Status.Suppressed
                    ? $"suppressed ({r.SuppressedStatus?.ToText()}): {r.SuppressionReason}"
                    : $"unknown: {r.Message}"));
                w.WriteEndElement();
                break;
        }
        w.WriteEndElement();
    }

    private static string Where(ScanReport report, EvaluationResult r) =>
        r.Location is { } loc ? $"{report.Display(loc.File)}:{loc.Start.Line}" : report.Display(r.Input);

    /// <summary>One line without control or bidi characters (made visible), then only characters XML 1.0 allows.</summary>
    private static string Clean(string s) => XmlText.Valid(SafeText.OneLine(s));
}
