using System.Text;
using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>
/// A policy's documentation page (<c>policies/&lt;slug&gt;/README.md</c>): a part generated from
/// the metadata between markers, followed by hand-written "Why", "Bad", "Good" and "How to fix".
/// </summary>
public static class PolicyDocumentation
{
    public const string Begin = "<!-- generated from policy.json: do not edit by hand -->";
    public const string End = "<!-- end of generated part -->";

    /// <summary>The generated part for <paramref name="m"/>.</summary>
    public static string RenderGenerated(PolicyMetadata m)
    {
        var sb = new StringBuilder();
        sb.Append(Begin).Append('\n');
        sb.Append("# ").Append(m.Id).Append(": ").Append(m.Title).Append("\n\n");
        sb.Append("| | |\n|---|---|\n");
        sb.Append("| Severity | ").Append(m.Severity.ToText()).Append(" |\n");
        sb.Append("| Resources | ").Append(string.Join(", ", m.ResourceTypes.Select(t => $"`{t}`"))).Append(" |\n");
        sb.Append("| Verdicts | ").Append(string.Join(", ", m.Outcomes)).Append(" |\n");
        foreach (var r in m.References.Where(r => r.Kind != "aws-docs"))
        {
            sb.Append("| ").Append(KindTitle(r.Kind)).Append(" | ").Append(r.Url is null ? $"`{r.Id}`" : $"[{r.Id}]({r.Url})").Append(" |\n");
        }
        sb.Append('\n').Append(m.Description).Append("\n\n");
        sb.Append("**Rationale.** ").Append(m.Rationale).Append("\n\n");
        sb.Append("**Remediation.**\n\n```hcl\n").Append(m.Remediation).Append("\n```\n");
        var docs = m.References.Where(r => r.Kind == "aws-docs" && r.Url is not null).ToList();
        if (docs.Count > 0)
        {
            sb.Append("\nAWS documentation: ").Append(string.Join(", ", docs.Select(r => $"[{r.Id}]({r.Url})"))).Append('\n');
        }
        sb.Append(End).Append('\n');
        return sb.ToString();
    }

    /// <summary>The generated part of an existing page, or null when the markers are missing.</summary>
    public static string? ExtractGenerated(string page)
    {
        var begin = page.IndexOf(Begin, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin) return null;
        return page[begin..(end + End.Length)] + "\n";
    }

    /// <summary>The hand-written part of a page (everything after the generated part).</summary>
    public static string HandWritten(string page)
    {
        var end = page.IndexOf(End, StringComparison.Ordinal);
        return end < 0 ? page : page[(end + End.Length)..].TrimStart('\n');
    }

    /// <summary>A page with its generated part replaced by a fresh rendering.</summary>
    public static string Regenerate(PolicyMetadata m, string page) => RenderGenerated(m) + "\n" + HandWritten(page);

    private static string KindTitle(string kind) => kind switch
    {
        "security-hub" => "AWS Security Hub",
        "checkov" => "checkov",
        "trivy" => "trivy",
        "kics" => "KICS",
        _ => kind,
    };
}
