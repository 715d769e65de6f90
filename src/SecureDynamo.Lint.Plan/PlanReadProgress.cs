namespace SecureDynamo.Lint.Plan;

/// <summary>How far a long read has come: bytes of input and resource entries read.</summary>
public sealed record PlanReadProgress(long BytesRead, int ResourcesRead);
