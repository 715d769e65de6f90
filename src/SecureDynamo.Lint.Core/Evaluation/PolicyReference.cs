namespace SecureDynamo.Lint.Core.Evaluation;

/// <summary>A link from a policy to documentation or to an equivalent control of another catalogue.</summary>
/// <param name="Kind">aws-docs, security-hub, checkov, trivy, kics, ...</param>
public sealed record PolicyReference(string Kind, string Id, string? Url);
