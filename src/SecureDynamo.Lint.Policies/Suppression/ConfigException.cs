namespace SecureDynamo.Lint.Policies.Suppression;

/// <summary>
/// One <c>exceptions</c> entry of the config file: a policy (an id, or <c>*</c> for all) accepted
/// on the resources matching an address glob, for a reason, until an optional expiry date (inclusive).
/// </summary>
public sealed record ConfigException(string Policy, AddressGlob Resource, string Reason, DateOnly? Expires)
{
    public bool Covers(string policyId, string address) => (Policy == "*" || Policy == policyId) && Resource.Matches(address);

    public bool ExpiredOn(DateOnly today) => Expires is { } e && today > e;
}
