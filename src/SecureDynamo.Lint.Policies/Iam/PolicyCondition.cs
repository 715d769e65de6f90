namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>One condition of a statement: <c>"Condition": {Operator: {Key: Values}}</c>.</summary>
public sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<string> Values);
