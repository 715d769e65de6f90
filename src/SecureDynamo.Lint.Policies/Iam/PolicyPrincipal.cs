namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>
/// One principal of a <c>Principal</c> element: its kind (<c>AWS</c>, <c>Service</c>, <c>Federated</c>,
/// <c>CanonicalUser</c>, or <c>*</c> for the bare wildcard <c>"Principal": "*"</c>) and identifier.
/// </summary>
public sealed record PolicyPrincipal(string Kind, string Identifier)
{
    /// <summary>Stands in an identifier for a part known only after apply (<c>arn:aws:iam::(known after apply):role/reader</c>).</summary>
    public const string UnknownPart = "(known after apply)";

    /// <summary>Whether part of the identifier (such as its account) is known only after apply.</summary>
    public bool IsPartlyUnknown => Identifier.Contains(UnknownPart, StringComparison.Ordinal);

    /// <summary>Everyone: <c>"*"</c> or <c>{"AWS": "*"}</c>.</summary>
    public bool IsEveryone => Kind == "*" || (string.Equals(Kind, "AWS", StringComparison.OrdinalIgnoreCase) && Identifier == "*");

    /// <summary>The 12-digit account of an AWS principal (<c>123456789012</c> or <c>arn:aws:iam::123456789012:…</c>), else null.</summary>
    public string? Account
    {
        get
        {
            if (!string.Equals(Kind, "AWS", StringComparison.OrdinalIgnoreCase)) return null;
            return AccountIds.FromPrincipal(Identifier);
        }
    }
}
