namespace SecureDynamo.Lint.Hcl.Values;

/// <summary>A boolean value.</summary>
public sealed record HclBool(bool Value) : HclValue
{
    public static readonly HclBool True = new(true);
    public static readonly HclBool False = new(false);
}
