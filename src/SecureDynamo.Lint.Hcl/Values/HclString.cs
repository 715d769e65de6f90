namespace SecureDynamo.Lint.Hcl.Values;

/// <summary>A (NFC-normalised) string value.</summary>
public sealed record HclString(string Value) : HclValue;
