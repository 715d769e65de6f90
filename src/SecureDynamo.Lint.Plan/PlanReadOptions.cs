namespace SecureDynamo.Lint.Plan;

/// <summary>How to read a plan.</summary>
/// <param name="ResourceTypes">
/// Managed and data resource types to build values for (data sources prefixed <c>data.</c>); null
/// reads every resource. Others are counted and skipped without building their values.
/// </param>
/// <param name="Cancellation">Stops the read (with <see cref="OperationCanceledException"/>) within one buffer refill.</param>
/// <param name="Progress">Told, at most ten times a second, how far a long read has come.</param>
public sealed record PlanReadOptions(
    IReadOnlySet<string>? ResourceTypes = null,
    CancellationToken Cancellation = default,
    IProgress<PlanReadProgress>? Progress = null)
{
    public static readonly PlanReadOptions All = new();

    internal bool Wants(string mode, string type) =>
        ResourceTypes is null || ResourceTypes.Contains(mode == "data" ? "data." + type : type);
}
