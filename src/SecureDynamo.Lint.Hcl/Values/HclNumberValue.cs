namespace SecureDynamo.Lint.Hcl.Values;

/// <summary>An arbitrary-precision number value.</summary>
public sealed record HclNumberValue(HclNumber Value) : HclValue;
