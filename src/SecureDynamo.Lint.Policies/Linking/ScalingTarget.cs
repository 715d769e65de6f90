using SecureDynamo.Lint.Core.Graph;

namespace SecureDynamo.Lint.Policies.Linking;

/// <summary>An <c>aws_appautoscaling_target</c> of DynamoDB, with what configuration says it scales.</summary>
/// <param name="Capacity"><c>ReadCapacityUnits</c> or <c>WriteCapacityUnits</c>; null when unknown before apply.</param>
/// <param name="IsIndex">Whether it scales an index (<c>dynamodb:index:*</c>); null when unknown.</param>
/// <param name="Index">The index name from <c>resource_id</c> (<c>table/t/index/i</c>); null when not an index or unknown.</param>
/// <param name="Table">The tables it belongs to.</param>
/// <param name="Policies">The <c>aws_appautoscaling_policy</c> resources attached to it.</param>
/// <param name="MayHaveMorePolicies">Why another policy might be attached (a policy whose target is undecided), else null.</param>
public sealed record ScalingTarget(
    Resource Resource,
    string? Capacity,
    bool? IsIndex,
    string? Index,
    TableLink Table,
    IReadOnlyList<Resource> Policies,
    string? MayHaveMorePolicies);
