namespace SecureDynamo.Lint.Plan;

/// <summary>How to read a plan.</summary>
/// <param name="ResourceTypes">
/// Managed and data resource types to build values for (data sources prefixed <c>data.</c>); null
/// reads every resource. Others are skipped without building their values.
/// </param>
public sealed record PlanReadOptions(IReadOnlySet<string>? ResourceTypes = null)
{
    public static readonly PlanReadOptions All = new();

    internal bool Wants(string mode, string type) =>
        ResourceTypes is null || ResourceTypes.Contains(mode == "data" ? "data." + type : type);
}
