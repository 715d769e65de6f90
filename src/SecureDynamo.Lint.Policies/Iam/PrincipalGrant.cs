namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>The judgement of one statement, with the reason shown in messages.</summary>
public sealed record PrincipalGrant(PrincipalGrantKind Kind, string Reason)
{
    /// <summary>Condition keys that pin a wildcard principal to known callers.</summary>
    public static readonly IReadOnlySet<string> PinningKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "aws:PrincipalAccount", "aws:PrincipalOrgID", "aws:SourceAccount", "aws:SourceVpce",
    };

    private static readonly HashSet<string> AccountKeys = new(StringComparer.OrdinalIgnoreCase) { "aws:PrincipalAccount", "aws:SourceAccount" };

    private static readonly HashSet<string> PinningOperators = new(StringComparer.OrdinalIgnoreCase)
    {
        "StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike",
    };

    /// <param name="trustedAccounts">The <c>trustedAccounts</c> option; null when not configured.</param>
    public static PrincipalGrant Of(PolicyStatement statement, IReadOnlyCollection<string>? trustedAccounts)
    {
        if (statement.Effect == PolicyEffect.Deny) return new PrincipalGrant(PrincipalGrantKind.None, "");
        var grant = Judge(statement, trustedAccounts);
        if (statement.Effect == PolicyEffect.Unknown && grant.Kind is PrincipalGrantKind.Open or PrincipalGrantKind.Untrusted)
        {
            return new PrincipalGrant(PrincipalGrantKind.Unknown, $"{grant.Reason}, but {statement.EffectUnknown ?? "its effect is known only after apply"}");
        }
        return grant;
    }

    private static PrincipalGrant Judge(PolicyStatement s, IReadOnlyCollection<string>? trusted)
    {
        if (s.PrincipalsUnknown is { } principalsUnknown) return new PrincipalGrant(PrincipalGrantKind.Unknown, $"{s.Name}: {principalsUnknown}");
        var pins = s.Conditions.Where(IsPin).ToList();
        string? everyone = null;
        if (s.NotPrincipals is { Count: > 0 } not) everyone = $"NotPrincipal {string.Join(", ", not.Select(p => p.Identifier))} (every other principal)";
        else if (s.Principals is null) everyone = "no Principal (every principal)";
        else if (s.Principals.FirstOrDefault(p => p.IsEveryone) is { } wildcard) everyone = wildcard.Kind == "*" ? "Principal \"*\"" : "Principal {\"AWS\": \"*\"}";

        if (everyone is not null && pins.Count == 0)
        {
            if (s.ConditionsUnknown is { } conditionsUnknown)
            {
                return new PrincipalGrant(PrincipalGrantKind.Unknown, $"{s.Name} allows {everyone} and {conditionsUnknown}");
            }
            // Conditions on a pinning key that pin nothing: say why, or the reader sees the key and wonders.
            var loose = s.Conditions.Where(c => PinningKeys.Contains(c.Key)).Select(Loose).Distinct(StringComparer.Ordinal).ToList();
            var missing = loose.Count > 0 ? "no condition that pins" : "no condition on";
            var why = loose.Count > 0 ? $" ({string.Join("; ", loose)})" : "";
            return new PrincipalGrant(PrincipalGrantKind.Open,
                $"{s.Name} allows {everyone} with {missing} aws:PrincipalAccount, aws:PrincipalOrgID, aws:SourceAccount or aws:SourceVpce{why}");
        }

        if (trusted is not null)
        {
            if ((s.Principals ?? Array.Empty<PolicyPrincipal>()).FirstOrDefault(p => p.IsPartlyUnknown) is { } partly)
            {
                return new PrincipalGrant(PrincipalGrantKind.Unknown, $"{s.Name} allows {partly.Kind} {partly.Identifier}, whose account is known only after apply");
            }
            if (pins.FirstOrDefault(c => c.PartlyUnknown && AccountKeys.Contains(c.Key)) is { } unknownAccount)
            {
                return new PrincipalGrant(PrincipalGrantKind.Unknown, $"{s.Name} pins {unknownAccount.Key} to an account known only after apply");
            }
            var accounts = (s.Principals ?? Array.Empty<PolicyPrincipal>()).Select(p => p.Account)
                .Concat(pins.Where(c => AccountKeys.Contains(c.Key)).SelectMany(c => c.Values).Select(AccountIds.FromPrincipal))
                .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var outside = accounts.Where(a => !trusted.Contains(a)).ToList();
            if (outside.Count > 0)
            {
                return new PrincipalGrant(PrincipalGrantKind.Untrusted,
                    $"{s.Name} lets in account{(outside.Count > 1 ? "s" : "")} {string.Join(", ", outside)}, not in trustedAccounts ({string.Join(", ", trusted)})");
            }
        }
        var who = everyone is not null
            ? $"{everyone} pinned by {string.Join(", ", pins.Select(p => p.Key))}"
            : string.Join(", ", s.Principals!.Select(p => $"{p.Kind} {p.Identifier}"));
        return new PrincipalGrant(PrincipalGrantKind.Restricted, $"{s.Name} allows {who}");
    }

    /// <summary>A condition that restricts callers to known accounts, an organization or an endpoint.</summary>
    public static bool IsPin(PolicyCondition condition) =>
        CanPin(condition.Operator, condition.Key) &&
        (condition.Values.Count > 0 || condition.PartlyUnknown) && !condition.Values.Any(v => MatchesEveryValue(condition, v) || IsPattern(condition, v));

    /// <summary>
    /// Whether <paramref name="value"/> is a pattern under a pattern operator (<c>StringLike "1*"</c>, <c>"o-a*"</c>,
    /// <c>"vpce-0*"</c>): it admits whatever account, organization or endpoint happens to match, not known ones, so it
    /// pins nothing (and leaves no account to check against trustedAccounts).
    /// </summary>
    private static bool IsPattern(PolicyCondition condition, string value) =>
        PolicyCondition.BareOperator(condition.Operator).EndsWith("Like", StringComparison.OrdinalIgnoreCase) && value.IndexOfAny(['*', '?']) >= 0;

    /// <summary>Every value the key can have starts so: a pattern that is this and wildcards matches them all (<c>o-*</c>).</summary>
    private static readonly Dictionary<string, string> KnownPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["aws:PrincipalOrgID"] = "o-", ["aws:SourceVpce"] = "vpce-",
    };

    /// <summary>
    /// Whether <paramref name="value"/> of <paramref name="condition"/> lets every caller through: all wildcards, or for a
    /// pattern operator (<c>StringLike</c>, <c>ArnLike</c>) the prefix every value of the key has and wildcards
    /// (<c>o-*</c> for an organization), or wildcards as long as an account ID (<c>????????????</c>).
    /// </summary>
    private static bool MatchesEveryValue(PolicyCondition condition, string value)
    {
        if (WildcardPattern.IsAllWildcard(value)) return true;
        if (!PolicyCondition.BareOperator(condition.Operator).EndsWith("Like", StringComparison.OrdinalIgnoreCase)) return false;
        if (KnownPrefixes.TryGetValue(condition.Key, out var prefix) && value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && WildcardPattern.IsAllWildcard(value[prefix.Length..]))
        {
            return true;
        }
        return AccountKeys.Contains(condition.Key) && (WildcardPattern.MatchesEveryStringOfLength(value, 12) || value == new string('?', 12));
    }

    private static string Loose(PolicyCondition c) =>
        PolicyCondition.IsIfExists(c.Operator) || PolicyCondition.IsForAllValues(c.Operator)
            ? $"{c.Operator} on {c.Key} lets every request without {c.Key} through"
            : c.Values.FirstOrDefault(v => IsPattern(c, v) && !MatchesEveryValue(c, v)) is { } pattern
                ? $"{c.Operator} on {c.Key} with the pattern \"{pattern}\" admits whatever matches it, not known callers"
                : $"{c.Operator} on {c.Key} does not pin it to known values";

    /// <summary>Whether a condition of operator <paramref name="op"/> on <paramref name="key"/> pins callers for some value.</summary>
    public static bool CanPin(string op, string key)
    {
        if (!PinningKeys.Contains(key)) return false;
        // ...IfExists passes when the key is absent, and so does ForAllValues: (every value of an empty set matches): they pin nothing.
        return !PolicyCondition.IsIfExists(op) && !PolicyCondition.IsForAllValues(op) && PinningOperators.Contains(PolicyCondition.BareOperator(op));
    }
}
