namespace SecureDynamo.Lint.Core.Values;

/// <summary>The shape of a <see cref="Value"/>.</summary>
public enum ValueKind
{
    Null,
    Bool,
    Number,
    String,
    List,
    Map,
    /// <summary>Not known before apply (plan <c>after_unknown</c>, or an HCL expression that needs apply).</summary>
    Unknown,
}
