using SecureDynamo.Lint.Core.Diagnostics;

namespace SecureDynamo.Lint.Core.Evaluation;

/// <summary>One (policy, resource) verdict, as reported.</summary>
public sealed record EvaluationResult(
    string PolicyId,
    string PolicyTitle,
    Severity Severity,
    Status Status,
    string ResourceAddress,
    string ResourceType,
    string Message,
    string? Attribute,
    SourceRange? Location,
    string Input,
    string? SuppressionReason = null,
    Status? SuppressedStatus = null,
    SuppressionKind? SuppressionKind = null);
