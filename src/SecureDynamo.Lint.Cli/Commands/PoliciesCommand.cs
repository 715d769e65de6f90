using System.CommandLine;
using Newtonsoft.Json;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Cli.Commands;

/// <summary><c>securedynamo policies [--format text|json]</c>: the catalogue with its metadata.</summary>
public static class PoliciesCommand
{
    public static Command Create(CliConsole console)
    {
        var format = new Option<string>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        var policyDir = new Option<string[]>("--policy-dir") { Description = "Also list the custom policies in this folder. Repeatable." };
        var command = new Command("policies", "List the policies with their metadata.") { format, policyDir };
        command.SetAction(parsed =>
        {
            var catalog = PolicyCatalog.BuiltInWith(parsed.GetValue(policyDir) ?? Array.Empty<string>());
            var metadata = catalog.Policies.Select(p => p.Metadata).ToList();
            switch (parsed.GetValue(format))
            {
                case "json": WriteJson(metadata, console.Out); break;
                case "text": WriteText(metadata, console.Out); break;
                default: throw new UsageException($"--format {parsed.GetValue(format)}: choose text or json");
            }
            return CliApp.Clean;
        });
        return command;
    }

    private static void WriteText(IReadOnlyList<PolicyMetadata> policies, TextWriter o)
    {
        foreach (var p in policies)
        {
            o.WriteLine($"{p.Id,-14} {p.Severity.ToText(),-9} {p.Title}");
        }
        o.WriteLine($"{policies.Count} policies; `securedynamo explain <id>` shows one in full.");
    }

    private static void WriteJson(IReadOnlyList<PolicyMetadata> policies, TextWriter o)
    {
        using var w = new JsonTextWriter(o) { Formatting = Formatting.Indented, CloseOutput = false };
        w.WriteStartArray();
        foreach (var p in policies)
        {
            w.WriteStartObject();
            w.WritePropertyName("id"); w.WriteValue(p.Id);
            w.WritePropertyName("title"); w.WriteValue(p.Title);
            w.WritePropertyName("severity"); w.WriteValue(p.Severity.ToText());
            w.WritePropertyName("description"); w.WriteValue(p.Description);
            w.WritePropertyName("rationale"); w.WriteValue(p.Rationale);
            w.WritePropertyName("remediation"); w.WriteValue(p.Remediation);
            w.WritePropertyName("resourceTypes");
            w.WriteStartArray();
            foreach (var t in p.ResourceTypes) w.WriteValue(t);
            w.WriteEndArray();
            w.WritePropertyName("references");
            w.WriteStartArray();
            foreach (var r in p.References)
            {
                w.WriteStartObject();
                w.WritePropertyName("kind"); w.WriteValue(r.Kind);
                w.WritePropertyName("id"); w.WriteValue(r.Id);
                if (r.Url is not null) { w.WritePropertyName("url"); w.WriteValue(r.Url); }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (p.HelpUri is not null) { w.WritePropertyName("helpUri"); w.WriteValue(p.HelpUri); }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.Flush();
        o.WriteLine();
    }
}
