namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>
/// The policy document of one attribute of a resource. <see cref="Source"/> names it for messages
/// (<c>policy</c>, <c>inline_policy[0].policy (data.aws_iam_policy_document.orders)</c>).
/// </summary>
public sealed record PolicyLookup(PolicyLookupKind Kind, string Source, IReadOnlyList<PolicyDocument> Alternatives, string? Reason)
{
    /// <summary>The document came from a sensitive value: messages must not quote its contents.</summary>
    public bool Sensitive { get; init; }

    /// <summary>The reasons to print: the document's own words, or a summary when it is sensitive.</summary>
    public IEnumerable<string> Shown(IEnumerable<string> reasons, string summary) =>
        Sensitive ? [$"{Source} (a sensitive value, contents not shown) {summary}"] : reasons.Select(r => $"{Source}: {r}");

    public static PolicyLookup Found(string source, IReadOnlyList<PolicyDocument> documents) => new(PolicyLookupKind.Found, source, documents, null);

    public static PolicyLookup Absent(string source) => new(PolicyLookupKind.Absent, source, Array.Empty<PolicyDocument>(), null);

    public static PolicyLookup Unknown(string source, string reason) => new(PolicyLookupKind.Unknown, source, Array.Empty<PolicyDocument>(), reason);
}
