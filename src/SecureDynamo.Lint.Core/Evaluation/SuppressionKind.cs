namespace SecureDynamo.Lint.Core.Evaluation;

/// <summary>Where a suppression comes from (the SARIF <c>suppression.kind</c>).</summary>
public enum SuppressionKind
{
    /// <summary>Outside the scanned code: the config file's exceptions, a baseline.</summary>
    External,

    /// <summary>In the scanned code itself: an inline comment.</summary>
    InSource,
}
