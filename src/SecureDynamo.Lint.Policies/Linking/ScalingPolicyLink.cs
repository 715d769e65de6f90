using SecureDynamo.Lint.Core.Graph;

namespace SecureDynamo.Lint.Policies.Linking;

/// <summary>An <c>aws_appautoscaling_policy</c> with the targets its arguments refer to.</summary>
/// <param name="Order">Its position among the graph's policies (attachments are listed in this order).</param>
/// <param name="Linked">The targets its <c>resource_id</c>, <c>scalable_dimension</c> or <c>service_namespace</c> refer to by configuration.</param>
/// <param name="Exact">Whether every reference named one instance.</param>
/// <param name="Key">Its <c>resource_id</c>, <c>scalable_dimension</c> and <c>service_namespace</c> when all are known, else null.</param>
public sealed record ScalingPolicyLink(int Order, Resource Policy, IReadOnlyList<Resource> Linked, bool Exact, ScalingKey? Key);
