using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Policies.Suppression;

/// <summary>Why a finding is silenced and where that decision lives.</summary>
public sealed record Suppression(string Reason, SuppressionKind Kind);
