namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>
/// The policy document of one attribute of a resource. <see cref="Source"/> names it for messages
/// (<c>policy</c>, <c>inline_policy[0].policy (data.aws_iam_policy_document.orders)</c>).
/// </summary>
public sealed record PolicyLookup(PolicyLookupKind Kind, string Source, IReadOnlyList<PolicyDocument> Alternatives, string? Reason)
{
    public static PolicyLookup Found(string source, IReadOnlyList<PolicyDocument> documents) => new(PolicyLookupKind.Found, source, documents, null);

    public static PolicyLookup Absent(string source) => new(PolicyLookupKind.Absent, source, Array.Empty<PolicyDocument>(), null);

    public static PolicyLookup Unknown(string source, string reason) => new(PolicyLookupKind.Unknown, source, Array.Empty<PolicyDocument>(), reason);
}
