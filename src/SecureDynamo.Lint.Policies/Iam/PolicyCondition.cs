namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>One condition of a statement: <c>"Condition": {Operator: {Key: Values}}</c>.</summary>
public sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<string> Values)
{
    /// <summary>
    /// Some value is known only after apply (<c>aws:SourceVpce = aws_vpc_endpoint.x.id</c>): kept only
    /// where that cannot change the judgement, a pin by an exact operator (see <see cref="KeepsWhenPartlyUnknown"/>);
    /// <see cref="Values"/> then holds the known ones.
    /// </summary>
    public bool PartlyUnknown { get; init; }

    /// <summary>
    /// Whether a condition whose values are partly known only after apply can still be judged: one that
    /// could never pin (another key, or an operator that pins nothing, such as <c>...IfExists</c> or a
    /// negation) is the same whatever the values turn out to be; and an exact comparison
    /// (<c>StringEquals</c>, <c>ArnEquals</c>) of a pinning key matches one specific value whatever it
    /// turns out to be, while a pattern (<c>StringLike</c>) could become <c>*</c>.
    /// </summary>
    public static bool KeepsWhenPartlyUnknown(string op, string key)
    {
        if (!PrincipalGrant.CanPin(op, key)) return true;
        var bare = BareOperator(op);
        return bare.Equals("StringEquals", StringComparison.OrdinalIgnoreCase) || bare.Equals("StringEqualsIgnoreCase", StringComparison.OrdinalIgnoreCase) ||
               bare.Equals("ArnEquals", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An <c>...IfExists</c> operator: true for a request without the key, whatever the values.</summary>
    public static bool IsIfExists(string op) => BareOperator(op).EndsWith("IfExists", StringComparison.OrdinalIgnoreCase);

    /// <summary>A <c>ForAllValues:</c> operator: true for a request without the key (an empty set), whatever the values.</summary>
    public static bool IsForAllValues(string op) => op.StartsWith("ForAllValues:", StringComparison.OrdinalIgnoreCase);

    /// <summary>The operator without its set qualifier (<c>ForAnyValue:StringLike</c> → <c>StringLike</c>).</summary>
    public static string BareOperator(string op)
    {
        var colon = op.IndexOf(':');
        return colon >= 0 ? op[(colon + 1)..] : op;
    }
}
