using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Terraform.Suppression;

namespace SecureDynamo.Lint.Terraform;

/// <summary>What reading Terraform source produces: the graph, warnings (file:line:col: message) and the inline suppressions found.</summary>
public sealed record TerraformReadResult(ResourceGraph Graph, IReadOnlyList<string> Warnings, IReadOnlyList<SuppressionRule> Suppressions);
