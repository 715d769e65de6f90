using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Reporting;

/// <summary>
/// The JSON report, schema version 1 (documented in the README): tool, inputs, every result
/// (not_applicable included) in report order with its stable fingerprint, and a summary. Paths
/// are relative to the repository root. Deterministic: same input, same bytes.
/// </summary>
public static class JsonReporter
{
    public const int SchemaVersion = 1;

    public static void Write(ScanReport report, TextWriter output)
    {
        var w = new IndentedJsonWriter(output);
        w.StartObject();
        w.Property("schemaVersion", SchemaVersion);
        w.Name("tool");
        w.StartObject();
        w.Property("name", "securedynamo");
        w.Property("version", report.ToolVersion);
        w.EndObject();
        w.Name("inputs");
        w.StartArray();
        foreach (var i in report.Inputs)
        {
            w.StartObject();
            w.Property("path", report.Display(i.Path));
            w.Property("kind", i.Kind);
            w.Property("resources", i.Resources);
            w.EndObject();
        }
        w.EndArray();
        w.Name("results");
        w.StartArray();
        var prints = report.Fingerprints(report.Results);
        for (var i = 0; i < prints.Count; i++) WriteResult(w, report, report.Results[i], prints[i]);
        w.EndArray();
        w.Name("summary");
        w.StartObject();
        w.Property("total", report.Results.Count);
        foreach (var s in new[] { Status.Pass, Status.Fail, Status.Unknown, Status.NotApplicable, Status.Suppressed })
        {
            w.Property(s.ToText(), report.Count(s));
        }
        w.Property("failOn", report.FailOn.ToText());
        w.Property("failOnUnknown", report.FailOnUnknown);
        w.Property("failed", report.Failed);
        w.EndObject();
        w.Name("warnings");
        w.StartArray();
        foreach (var warning in report.Warnings) w.String(warning);
        w.EndArray();
        w.EndObject();
        output.WriteLine();
    }

    private static void WriteResult(IndentedJsonWriter w, ScanReport report, EvaluationResult r, string fingerprint)
    {
        w.StartObject();
        w.Property("policyId", r.PolicyId);
        w.Property("title", r.PolicyTitle);
        w.Property("status", r.Status.ToText());
        w.Property("severity", r.Severity.ToText());
        w.Name("resource");
        w.StartObject();
        w.Property("address", r.ResourceAddress);
        w.Property("type", r.ResourceType);
        w.EndObject();
        w.Name("message");
        // Most messages are "address: text", kept as their text: written in parts, not made into one string per result.
        if (r.MessageHasAddress) w.String(r.ResourceAddress, ": ", r.MessageText);
        else w.String(r.Message);
        w.Property("attribute", r.Attribute);
        w.Property("input", report.Display(r.Input));
        w.Property("fingerprint", fingerprint);
        w.Name("location");
        if (r.Location is { } loc)
        {
            w.StartObject();
            w.Property("file", report.Display(loc.File));
            w.Property("line", loc.Start.Line);
            w.Property("column", loc.Start.Column);
            w.EndObject();
        }
        else w.Null();
        if (r.Status == Status.Suppressed)
        {
            w.Name("suppression");
            w.StartObject();
            w.Property("reason", r.SuppressionReason);
            w.Property("originalStatus", r.SuppressedStatus?.ToText());
            w.Property("kind", r.SuppressionKind == SuppressionKind.InSource ? "inSource" : "external");
            w.EndObject();
        }
        w.EndObject();
    }
}
