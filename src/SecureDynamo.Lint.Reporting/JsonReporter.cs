using Newtonsoft.Json;
using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Reporting;

/// <summary>
/// The JSON report, schema version 1 (documented in the README): tool, inputs, every result
/// (not_applicable included) in report order, and a summary. Deterministic: same input, same bytes.
/// </summary>
public static class JsonReporter
{
    public const int SchemaVersion = 1;

    public static void Write(ScanReport report, TextWriter output)
    {
        using var w = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false, StringEscapeHandling = StringEscapeHandling.EscapeNonAscii };
        w.WriteStartObject();
        w.WritePropertyName("schemaVersion"); w.WriteValue(SchemaVersion);
        w.WritePropertyName("tool");
        w.WriteStartObject();
        w.WritePropertyName("name"); w.WriteValue("securedynamo");
        w.WritePropertyName("version"); w.WriteValue(report.ToolVersion);
        w.WriteEndObject();
        w.WritePropertyName("inputs");
        w.WriteStartArray();
        foreach (var i in report.Inputs)
        {
            w.WriteStartObject();
            w.WritePropertyName("path"); w.WriteValue(i.Path);
            w.WritePropertyName("kind"); w.WriteValue(i.Kind);
            w.WritePropertyName("resources"); w.WriteValue(i.Resources);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("results");
        w.WriteStartArray();
        foreach (var r in report.Results) WriteResult(w, r);
        w.WriteEndArray();
        w.WritePropertyName("summary");
        w.WriteStartObject();
        w.WritePropertyName("total"); w.WriteValue(report.Results.Count);
        foreach (var s in new[] { Status.Pass, Status.Fail, Status.Unknown, Status.NotApplicable, Status.Suppressed })
        {
            w.WritePropertyName(s.ToText()); w.WriteValue(report.Count(s));
        }
        w.WritePropertyName("failOn"); w.WriteValue(report.FailOn.ToText());
        w.WritePropertyName("failOnUnknown"); w.WriteValue(report.FailOnUnknown);
        w.WritePropertyName("failed"); w.WriteValue(report.Failed);
        w.WriteEndObject();
        w.WritePropertyName("warnings");
        w.WriteStartArray();
        foreach (var warning in report.Warnings) w.WriteValue(warning);
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
    }

    private static void WriteResult(JsonTextWriter w, EvaluationResult r)
    {
        w.WriteStartObject();
        w.WritePropertyName("policyId"); w.WriteValue(r.PolicyId);
        w.WritePropertyName("title"); w.WriteValue(r.PolicyTitle);
        w.WritePropertyName("status"); w.WriteValue(r.Status.ToText());
        w.WritePropertyName("severity"); w.WriteValue(r.Severity.ToText());
        w.WritePropertyName("resource");
        w.WriteStartObject();
        w.WritePropertyName("address"); w.WriteValue(r.ResourceAddress);
        w.WritePropertyName("type"); w.WriteValue(r.ResourceType);
        w.WriteEndObject();
        w.WritePropertyName("message"); w.WriteValue(r.Message);
        w.WritePropertyName("attribute"); w.WriteValue(r.Attribute);
        w.WritePropertyName("input"); w.WriteValue(r.Input);
        w.WritePropertyName("location");
        if (r.Location is { } loc)
        {
            w.WriteStartObject();
            w.WritePropertyName("file"); w.WriteValue(loc.File);
            w.WritePropertyName("line"); w.WriteValue(loc.Start.Line);
            w.WritePropertyName("column"); w.WriteValue(loc.Start.Column);
            w.WriteEndObject();
        }
        else w.WriteNull();
        if (r.Status == Status.Suppressed)
        {
            w.WritePropertyName("suppression");
            w.WriteStartObject();
            w.WritePropertyName("reason"); w.WriteValue(r.SuppressionReason);
            w.WritePropertyName("originalStatus"); w.WriteValue(r.SuppressedStatus?.ToText());
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
