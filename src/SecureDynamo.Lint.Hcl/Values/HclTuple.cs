namespace SecureDynamo.Lint.Hcl.Values;

/// <summary>A tuple (ordered, possibly mixed-type) value.</summary>
public sealed record HclTuple(IReadOnlyList<HclValue> Items) : HclValue;
