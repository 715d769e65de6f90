namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>Classifies <c>Resource</c> values for DynamoDB: named tables, or every table of an account or region.</summary>
public static class ResourcePattern
{
    /// <summary>
    /// For a value known only in part (<paramref name="partial"/>, unknown parts marked): true when it
    /// covers every table whatever the unknown parts are (<c>arn:aws:dynamodb:${region}:${account}:table/*</c>),
    /// false when it names tables whatever they are (<c>...:table/orders</c>), null when they decide.
    /// </summary>
    public static bool? IsDynamoDbWide(string partial, string unknownMarker)
    {
        // A narrow choice for each unknown part (a plain word) and the widest (a wildcard): wide even
        // with the narrow one is wide for any; not wide even with the wildcard is narrow for any.
        if (IsDynamoDbWide(partial.Replace(unknownMarker, "x", StringComparison.Ordinal))) return true;
        var widest = partial.Replace(unknownMarker, "*", StringComparison.Ordinal);
        // An unknown part that starts the value can be a whole ARN ("${var.table_arn}/stream/*"), table/* included.
        if (partial.StartsWith(unknownMarker, StringComparison.Ordinal)) widest = "arn:aws:dynamodb:*:*:table/*" + widest[1..];
        if (!IsDynamoDbWide(widest)) return false;
        return null;
    }

    /// <summary>
    /// Whether <paramref name="resource"/> covers DynamoDB tables account- or region-wide: <c>*</c>,
    /// <c>arn:aws:dynamodb:*:*:*</c>, <c>arn:aws:dynamodb:*:*:table/*</c>,
    /// <c>arn:aws:dynamodb:us-east-1:123456789012:table/*</c>, <c>arn:aws:*</c>. A pattern that names
    /// tables (<c>table/orders</c>, <c>table/orders/index/*</c>, <c>table/orders-*</c>) is not.
    /// </summary>
    public static bool IsDynamoDbWide(string resource)
    {
        if (WildcardPattern.IsAllWildcard(resource)) return true;
        var parts = resource.Split(':', 6);
        if (parts.Length < 6) return WildcardPattern.MatchesAllWithPrefix(resource, "arn:aws:dynamodb:");
        if (!WildcardPattern.Matches(parts[2], "dynamodb")) return false;
        var rest = parts[5];
        if (WildcardPattern.IsAllWildcard(rest)) return true;
        var segments = rest.Split('/');
        if (segments.Length == 1) return WildcardPattern.MatchesAllWithPrefix(segments[0], "table/");
        return WildcardPattern.IsAllWildcard(segments[1]) || segments[1].Length == 0;
    }
}
