namespace SecureDynamo.Lint.Core.Resolution;

/// <summary>The AWS region a resource lives in, or why it cannot be known before apply.</summary>
/// <param name="Name">The region (<c>us-east-1</c>); null when unknown.</param>
/// <param name="Source">Where the region comes from, or why it is unknown, for messages.</param>
public sealed record RegionFinding(string? Name, string Source)
{
    public bool IsKnown => Name is not null;

    public static RegionFinding Known(string name, string source) => new(name, source);

    public static RegionFinding Unknown(string why) => new(null, why);
}
