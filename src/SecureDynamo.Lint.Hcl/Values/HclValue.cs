namespace SecureDynamo.Lint.Hcl.Values;

/// <summary>A constant HCL value: the payload of literals and the result of constant folding.</summary>
public abstract record HclValue;
