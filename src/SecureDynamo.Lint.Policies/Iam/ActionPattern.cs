namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>IAM action patterns (<c>dynamodb:Get*</c>, <c>*</c>, <c>*:*</c>) against a service's actions.</summary>
public static class ActionPattern
{
    /// <summary>Whether <paramref name="pattern"/> matches some action of <paramref name="service"/> (e.g. <c>dynamodb</c>).</summary>
    public static bool GrantsSomeActionOf(string pattern, string service) => WildcardPattern.MatchesSomeWithPrefix(pattern, service + ":");

    /// <summary>
    /// DynamoDB actions that take no resource (AWS's Service Authorization Reference lists no resource type for them):
    /// <c>Resource: "*"</c> is the only way to grant them, so it is no wider than they are.
    /// </summary>
    private static readonly HashSet<string> AccountLevelActions = new(StringComparer.OrdinalIgnoreCase)
    {
        "dynamodb:DescribeEndpoints", "dynamodb:DescribeLimits", "dynamodb:DescribeReservedCapacity", "dynamodb:DescribeReservedCapacityOfferings",
        "dynamodb:ListBackups", "dynamodb:ListContributorInsights", "dynamodb:ListExports", "dynamodb:ListGlobalTables", "dynamodb:ListImports",
        "dynamodb:ListStreams", "dynamodb:ListTables", "dynamodb:PurchaseReservedCapacityOfferings",
    };

    /// <summary>Whether <paramref name="pattern"/> names exactly one DynamoDB action that takes no resource (<c>dynamodb:ListTables</c>; not <c>dynamodb:List*</c>).</summary>
    public static bool IsAccountLevelDynamoDbAction(string pattern) => AccountLevelActions.Contains(pattern);

    /// <summary>Whether <paramref name="pattern"/> matches every action of <paramref name="service"/> (<c>dynamodb:*</c>, <c>*</c>, <c>*:*</c>).</summary>
    public static bool GrantsEveryActionOf(string pattern, string service) => WildcardPattern.MatchesAllWithPrefix(pattern, service + ":");
}
