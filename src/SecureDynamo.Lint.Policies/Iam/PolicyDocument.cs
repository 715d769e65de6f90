namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>
/// An IAM policy document. <see cref="Incomplete"/> says why statements may be missing (e.g. a
/// data source's <c>source_policy_documents</c> known only after apply); null when complete.
/// </summary>
public sealed record PolicyDocument(IReadOnlyList<PolicyStatement> Statements, string? Incomplete = null)
{
    public static readonly PolicyDocument Empty = new(Array.Empty<PolicyStatement>());
}
