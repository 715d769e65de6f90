namespace SecureDynamo.Lint.Policies.Linking;

/// <summary>
/// What Application Auto Scaling attaches a policy to a target by: the same <c>resource_id</c>,
/// <c>scalable_dimension</c> and <c>service_namespace</c>, all known before apply.
/// </summary>
public readonly record struct ScalingKey(string ResourceId, string Dimension, string Namespace);
