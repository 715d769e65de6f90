namespace SecureDynamo.Lint.Core.Evaluation;

/// <summary>What a policy is: its id, title, severity, why it matters and how to fix it.</summary>
public sealed record PolicyMetadata(
    string Id,
    string Slug,
    string Title,
    Severity Severity,
    string Description,
    string Rationale,
    string Remediation,
    IReadOnlyList<string> ResourceTypes,
    IReadOnlyList<PolicyReference> References,
    IReadOnlyList<string> Outcomes,
    string Documentation)
{
    /// <summary>Types the policy reads without judging them (KMS keys, data sources, ...); data sources prefixed <c>data.</c>.</summary>
    public IReadOnlyList<string> InputTypes { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Where the policy's documentation page lives: in this repository for a built-in policy, the <c>helpUri</c> a custom
    /// policy declares, else null (a team's own rule has no page here: a link would lead nowhere).
    /// </summary>
    public string? HelpUri { get; init; }

    /// <summary>The documentation page of built-in policy <paramref name="slug"/>.</summary>
    public static string BuiltInHelpUri(string slug) => $"https://github.com/securedynamo/securedynamo-lint/blob/main/policies/{slug}/README.md";
}
