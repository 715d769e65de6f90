using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Terraform.Evaluation;

namespace SecureDynamo.Lint.Terraform.Building;

/// <summary>One instance of a resource or module call: its address key (<c>[0]</c>, <c>["a"]</c>, null) and the <c>each</c>/<c>count</c> bindings.</summary>
internal sealed record InstanceKey(string? Text, object? Key, Bindings Bindings);
