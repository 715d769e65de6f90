namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>A statement's <c>Effect</c>. <see cref="Unknown"/> when it is decided only at apply time.</summary>
public enum PolicyEffect
{
    Allow,
    Deny,
    Unknown,
}
