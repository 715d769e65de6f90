using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>Reads a policy's <c>policy.json</c>; every problem names the file and the key.</summary>
public static partial class MetadataReader
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "id", "title", "severity", "description", "rationale", "remediation", "resourceTypes", "inputTypes", "references", "outcomes", "rule",
    };

    public static PolicyMetadata Read(string file, string slug, JObject json, string documentation)
    {
        foreach (var p in json.Properties())
        {
            if (!Known.Contains(p.Name)) throw new PolicyDefinitionException(file, $"unknown key \"{p.Name}\"");
        }
        var id = Required(file, json, "id");
        if (!IdShape().IsMatch(id))
        {
            throw new PolicyDefinitionException(file, $"\"id\" must look like \"prefix:name\" (e.g. dynamodb:001), found \"{id}\"");
        }
        if (!Severities.TryParse(Required(file, json, "severity"), out var severity))
        {
            throw new PolicyDefinitionException(file, "\"severity\" must be one of low, medium, high, critical");
        }
        var references = new List<PolicyReference>();
        if (json["references"] is JArray refs)
        {
            foreach (var r in refs)
            {
                if (r is not JObject o || (string?)o["kind"] is not { } kind || (string?)o["id"] is not { } rid)
                {
                    throw new PolicyDefinitionException(file, "each of \"references\" needs \"kind\" and \"id\"");
                }
                references.Add(new PolicyReference(kind, rid, (string?)o["url"]));
            }
        }
        var outcomes = Strings(file, json, "outcomes");
        foreach (var o in outcomes)
        {
            if (o is not ("pass" or "fail" or "unknown" or "not_applicable")) throw new PolicyDefinitionException(file, $"\"outcomes\" has \"{o}\", not a verdict");
        }
        return new PolicyMetadata(id, slug, Required(file, json, "title"), severity, Required(file, json, "description"),
            Required(file, json, "rationale"), Required(file, json, "remediation"), Strings(file, json, "resourceTypes"),
            references, outcomes, documentation)
        {
            InputTypes = Strings(file, json, "inputTypes"),
            HelpUri = json["helpUri"] is { Type: JTokenType.String } help && Uri.TryCreate((string)help!, UriKind.Absolute, out _) ? (string)help!
                : json["helpUri"] is null ? null : throw new PolicyDefinitionException(file, "\"helpUri\" must be an absolute URL"),
        };
    }

    private static string Required(string file, JObject json, string key) =>
        json[key] is JValue { Type: JTokenType.String } v && ((string)v!).Length > 0
            ? (string)v!
            : throw new PolicyDefinitionException(file, $"\"{key}\" is required and must be a non-empty string");

    private static IReadOnlyList<string> Strings(string file, JObject json, string key)
    {
        if (json[key] is null) return Array.Empty<string>();
        if (json[key] is not JArray a || a.Any(x => x.Type != JTokenType.String))
        {
            throw new PolicyDefinitionException(file, $"\"{key}\" must be a list of strings");
        }
        return a.Select(x => (string)x!).ToArray();
    }

    // Generated at build time: a catalogue loads at every start, and building a regex at run time costs milliseconds there.
    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9-]*:[A-Za-z0-9_.-]+\\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex IdShape();
}
