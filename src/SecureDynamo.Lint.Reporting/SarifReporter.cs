using Newtonsoft.Json;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Reporting;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: a rule per policy run (with help
/// from the policy's documentation and a <c>security-severity</c>), a result per failing, unknown
/// or suppressed finding (passes and not-applicable are left out: code scanning shows results as
/// alerts), located at a repository-relative URI under <c>%SRCROOT%</c>, with a stable partial
/// fingerprint. Text from scanned inputs is made one-line and free of control characters.
/// </summary>
public static class SarifReporter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SourceRootId = "%SRCROOT%";
    public const string InformationUri = "https://github.com/securedynamo/securedynamo-lint";

    public static void Write(ScanReport report, TextWriter output)
    {
        using var w = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartObject();
        w.WritePropertyName("$schema"); w.WriteValue(SchemaUri);
        w.WritePropertyName("version"); w.WriteValue("2.1.0");
        w.WritePropertyName("runs");
        w.WriteStartArray();
        w.WriteStartObject();
        WriteTool(w, report);
        WriteInvocation(w, report);
        w.WritePropertyName("columnKind"); w.WriteValue("utf16CodeUnits");
        w.WritePropertyName("results");
        w.WriteStartArray();
        var findings = report.Findings.ToList();
        var prints = report.Fingerprints(findings);
        for (var i = 0; i < findings.Count; i++) WriteResult(w, report, findings[i], prints[i]);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
    }

    /// <summary>The SARIF level of a finding: failures by severity, unknowns as notes; suppressed ones keep their original level.</summary>
    public static string Level(EvaluationResult r) => (r.Status == Status.Suppressed ? r.SuppressedStatus : r.Status) switch
    {
        Status.Fail => r.Severity >= Severity.High ? "error" : "warning",
        _ => "note",
    };

    private static void WriteTool(JsonTextWriter w, ScanReport report)
    {
        w.WritePropertyName("tool");
        w.WriteStartObject();
        w.WritePropertyName("driver");
        w.WriteStartObject();
        w.WritePropertyName("name"); w.WriteValue("SecureDynamo.Lint");
        w.WritePropertyName("semanticVersion"); w.WriteValue(report.ToolVersion);
        w.WritePropertyName("informationUri"); w.WriteValue(InformationUri);
        w.WritePropertyName("rules");
        w.WriteStartArray();
        foreach (var m in report.Policies) WriteRule(w, m);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteRule(JsonTextWriter w, PolicyMetadata m)
    {
        w.WriteStartObject();
        w.WritePropertyName("id"); w.WriteValue(m.Id);
        w.WritePropertyName("name"); w.WriteValue(RuleName(m.Slug));
        Message(w, "shortDescription", m.Title);
        Message(w, "fullDescription", m.Description);
        w.WritePropertyName("help");
        w.WriteStartObject();
        w.WritePropertyName("text"); w.WriteValue(HelpText(m));
        w.WritePropertyName("markdown"); w.WriteValue(HelpMarkdown(m));
        w.WriteEndObject();
        if (m.HelpUri is not null) { w.WritePropertyName("helpUri"); w.WriteValue(m.HelpUri); }
        w.WritePropertyName("defaultConfiguration");
        w.WriteStartObject();
        w.WritePropertyName("level"); w.WriteValue(m.Severity >= Severity.High ? "error" : "warning");
        w.WriteEndObject();
        w.WritePropertyName("properties");
        w.WriteStartObject();
        w.WritePropertyName("security-severity"); w.WriteValue(SeverityScore.Of(m.Severity));
        w.WritePropertyName("precision"); w.WriteValue("very-high");
        w.WritePropertyName("problem.severity"); w.WriteValue(m.Severity >= Severity.High ? "error" : "warning");
        w.WritePropertyName("tags");
        w.WriteStartArray();
        foreach (var tag in Tags(m)) w.WriteValue(tag);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static IEnumerable<string> Tags(PolicyMetadata m)
    {
        var tags = new SortedSet<string>(StringComparer.Ordinal) { "security", "terraform", "dynamodb", m.Severity.ToText() };
        foreach (var t in m.ResourceTypes) tags.Add(t);
        return tags;
    }

    private static void WriteInvocation(JsonTextWriter w, ScanReport report)
    {
        w.WritePropertyName("invocations");
        w.WriteStartArray();
        w.WriteStartObject();
        // The scan ran (findings do not make it unsuccessful); the exit code says whether it failed the build.
        w.WritePropertyName("executionSuccessful"); w.WriteValue(true);
        w.WritePropertyName("exitCode"); w.WriteValue(report.Failed ? 1 : 0);
        if (report.Warnings.Count > 0)
        {
            w.WritePropertyName("toolExecutionNotifications");
            w.WriteStartArray();
            foreach (var warning in report.Warnings)
            {
                w.WriteStartObject();
                w.WritePropertyName("level"); w.WriteValue("warning");
                Message(w, "message", SafeText.OneLine(warning));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void WriteResult(JsonTextWriter w, ScanReport report, EvaluationResult r, string fingerprint)
    {
        var ruleIndex = -1;
        for (var i = 0; i < report.Policies.Count; i++) if (report.Policies[i].Id == r.PolicyId) ruleIndex = i;
        w.WriteStartObject();
        w.WritePropertyName("ruleId"); w.WriteValue(r.PolicyId);
        if (ruleIndex >= 0) { w.WritePropertyName("ruleIndex"); w.WriteValue(ruleIndex); }
        w.WritePropertyName("level"); w.WriteValue(Level(r));
        Message(w, "message", SafeText.OneLine(r.Message));
        w.WritePropertyName("locations");
        w.WriteStartArray();
        w.WriteStartObject();
        WritePhysicalLocation(w, report, r);
        w.WritePropertyName("logicalLocations");
        w.WriteStartArray();
        w.WriteStartObject();
        w.WritePropertyName("fullyQualifiedName"); w.WriteValue(SafeText.OneLine(r.ResourceAddress));
        w.WritePropertyName("kind"); w.WriteValue("resource");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WritePropertyName("partialFingerprints");
        w.WriteStartObject();
        w.WritePropertyName(FindingFingerprint.SarifKey); w.WriteValue(fingerprint);
        w.WriteEndObject();
        if (r.Status == Status.Suppressed)
        {
            w.WritePropertyName("suppressions");
            w.WriteStartArray();
            w.WriteStartObject();
            w.WritePropertyName("kind"); w.WriteValue(r.SuppressionKind == SuppressionKind.InSource ? "inSource" : "external");
            w.WritePropertyName("status"); w.WriteValue("accepted");
            w.WritePropertyName("justification"); w.WriteValue(SafeText.OneLine(r.SuppressionReason ?? ""));
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WritePropertyName("properties");
        w.WriteStartObject();
        w.WritePropertyName("status"); w.WriteValue((r.Status == Status.Suppressed ? r.SuppressedStatus ?? r.Status : r.Status).ToText());
        w.WritePropertyName("severity"); w.WriteValue(r.Severity.ToText());
        w.WritePropertyName("resourceType"); w.WriteValue(SafeText.OneLine(r.ResourceType));
        if (r.Attribute is not null) { w.WritePropertyName("attribute"); w.WriteValue(SafeText.OneLine(r.Attribute)); }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WritePhysicalLocation(JsonTextWriter w, ScanReport report, EvaluationResult r)
    {
        var file = r.Location?.File ?? r.Input;
        var relative = report.Relative(file);
        w.WritePropertyName("physicalLocation");
        w.WriteStartObject();
        w.WritePropertyName("artifactLocation");
        w.WriteStartObject();
        if (relative is not null)
        {
            w.WritePropertyName("uri"); w.WriteValue(EscapeUri(relative));
            w.WritePropertyName("uriBaseId"); w.WriteValue(SourceRootId);
        }
        else
        {
            w.WritePropertyName("uri"); w.WriteValue(file.StartsWith('<') ? EscapeUri(file) : new Uri(Path.GetFullPath(file, report.Root.WorkingDirectory)).AbsoluteUri);
        }
        w.WriteEndObject();
        w.WritePropertyName("region");
        w.WriteStartObject();
        w.WritePropertyName("startLine"); w.WriteValue(Math.Max(1, r.Location?.Start.Line ?? 1));
        if (r.Location is { Start.Column: >= 1 } loc) { w.WritePropertyName("startColumn"); w.WriteValue(loc.Start.Column); }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A relative path as a URI reference: each segment percent-encoded, slashes kept.</summary>
    private static string EscapeUri(string relative) => string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));

    private static void Message(JsonTextWriter w, string property, string text)
    {
        w.WritePropertyName(property);
        w.WriteStartObject();
        w.WritePropertyName("text"); w.WriteValue(text);
        w.WriteEndObject();
    }

    /// <summary>"dynamodb-001-table-encrypted-with-customer-key" → "TableEncryptedWithCustomerKey".</summary>
    private static string RuleName(string slug)
    {
        var parts = slug.Split('-');
        var number = Array.FindIndex(parts, p => p.Length > 0 && p.All(char.IsAsciiDigit));
        var words = number >= 0 && number < parts.Length - 1 ? parts[(number + 1)..] : parts;
        return string.Concat(words.Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static string HelpText(PolicyMetadata m) =>
        $"{m.Description}\n\n{m.Rationale}\n\nRemediation:\n{m.Remediation}{(m.HelpUri is null ? "" : $"\n\nDocumentation: {m.HelpUri}")}";

    private static string HelpMarkdown(PolicyMetadata m)
    {
        var page = m.Documentation.Length > 0 ? PolicyDocumentation.HandWritten(m.Documentation).TrimEnd('\n') : $"## How to fix\n```hcl\n{m.Remediation}\n```";
        return $"**{m.Id}: {m.Title}** (severity: {m.Severity.ToText()})\n\n{m.Description}\n\n{page}{(m.HelpUri is null ? "" : $"\n\n[Full documentation]({m.HelpUri})")}";
    }
}
