using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Graph;

namespace SecureDynamo.Lint.Terraform.Suppression;

/// <summary>
/// One inline suppression: the policies it silences for every instance of the resource block at
/// <see cref="ConfigAddress"/> in module <see cref="ModulePath"/>, why, until when, and where it is written.
/// </summary>
public sealed record SuppressionRule(
    string ModulePath,
    string ConfigAddress,
    IReadOnlyList<string> PolicyIds,
    string? Reason,
    DateOnly? Expires,
    SourceRange Location)
{
    /// <summary>Whether the rule names <paramref name="policyId"/> for the resource instance <paramref name="address"/>.</summary>
    public bool Covers(string policyId, string address)
    {
        if (!PolicyIds.Contains(policyId, StringComparer.Ordinal)) return false;
        ResourceAddress parsed;
        try
        {
            parsed = ResourceAddress.Parse(address);
        }
        catch (FormatException)
        {
            return false;
        }
        return parsed.ModulePath == ModulePath && parsed.ConfigAddress == ConfigAddress;
    }

    public bool ExpiredOn(DateOnly today) => Expires is { } e && e < today;
}
