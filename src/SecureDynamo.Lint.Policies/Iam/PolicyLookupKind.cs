namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>What looking up a resource's policy document found.</summary>
public enum PolicyLookupKind
{
    /// <summary>One or more candidate documents (several when an instance of a data source cannot be singled out).</summary>
    Found,
    /// <summary>No policy is set (null, absent, or an empty string).</summary>
    Absent,
    /// <summary>The document cannot be known before apply, or is malformed; <see cref="PolicyLookup.Reason"/> says which.</summary>
    Unknown,
}
