namespace SecureDynamo.Lint.Policies.Suppression;

/// <summary>One accepted finding in a baseline file: its fingerprint, and for readers the policy, resource, input and status.</summary>
public sealed record BaselineEntry(string Fingerprint, string PolicyId, string Resource, string Input, string Status);
