namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>Who one statement of a resource or endpoint policy lets in, as judged by dynamodb:006.</summary>
public enum PrincipalGrantKind
{
    /// <summary>Grants nothing (a Deny).</summary>
    None,
    /// <summary>Named principals, or everyone pinned to accounts, an organization or an endpoint by a condition.</summary>
    Restricted,
    /// <summary>Everyone (<c>*</c>, <c>{"AWS": "*"}</c>, NotPrincipal) with no pinning condition.</summary>
    Open,
    /// <summary>A principal account outside the configured <c>trustedAccounts</c>.</summary>
    Untrusted,
    Unknown,
}
