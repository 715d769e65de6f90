namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>
/// One statement of an IAM policy document. Absent elements are null. <see cref="Principals"/> and
/// <see cref="Conditions"/> carry a reason in <see cref="PrincipalsUnknown"/> / <see cref="ConditionsUnknown"/>
/// when some of their parts are known only after apply (statements built from a data source's blocks).
/// </summary>
public sealed record PolicyStatement(
    int Index,
    string? Sid,
    PolicyEffect Effect,
    PolicyElement? Action,
    PolicyElement? NotAction,
    PolicyElement? Resource,
    PolicyElement? NotResource,
    IReadOnlyList<PolicyPrincipal>? Principals,
    IReadOnlyList<PolicyPrincipal>? NotPrincipals,
    IReadOnlyList<PolicyCondition> Conditions)
{
    public string? PrincipalsUnknown { get; init; }
    public string? ConditionsUnknown { get; init; }
    public string? EffectUnknown { get; init; }

    /// <summary>How messages name the statement: its Sid, or its position.</summary>
    public string Name => string.IsNullOrEmpty(Sid) ? $"statement {Index}" : $"statement \"{Sid}\"";
}
