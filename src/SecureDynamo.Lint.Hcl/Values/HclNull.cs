namespace SecureDynamo.Lint.Hcl.Values;

/// <summary>The <c>null</c> value.</summary>
public sealed record HclNull : HclValue
{
    public static readonly HclNull Instance = new();
}
