namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>IAM action patterns (<c>dynamodb:Get*</c>, <c>*</c>, <c>*:*</c>) against a service's actions.</summary>
public static class ActionPattern
{
    /// <summary>Whether <paramref name="pattern"/> matches some action of <paramref name="service"/> (e.g. <c>dynamodb</c>).</summary>
    public static bool GrantsSomeActionOf(string pattern, string service) => WildcardPattern.MatchesSomeWithPrefix(pattern, service + ":");

    /// <summary>Whether <paramref name="pattern"/> matches every action of <paramref name="service"/> (<c>dynamodb:*</c>, <c>*</c>, <c>*:*</c>).</summary>
    public static bool GrantsEveryActionOf(string pattern, string service) => WildcardPattern.MatchesAllWithPrefix(pattern, service + ":");
}
