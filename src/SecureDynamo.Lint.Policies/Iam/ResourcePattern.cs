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
    /// Table names DynamoDB allows are 3 to 255 of <c>[a-zA-Z0-9_.-]</c>: a pattern that matches each of these, so
    /// different in length and letters, matches every table name.
    /// </summary>
    private static readonly string[] TableNames = ["abc", "Zy9_.-", "orders", new string('q', 255)];

    /// <summary>What may follow a table's name in an ARN: nothing, one of its indexes, one of its streams.</summary>
    private static readonly string[] TableParts = ["", "/index/by_customer", "/stream/2026-01-01T00:00:00.000"];

    /// <summary>
    /// Whether <paramref name="resource"/> covers DynamoDB tables account- or region-wide: <c>*</c>,
    /// <c>arn:aws:dynamodb:*:*:*</c>, <c>arn:aws:dynamodb:*:*:table/*</c>, <c>arn:aws:dynamodb:*:*</c> (a final <c>*</c>
    /// matches across the colons), <c>arn:aws:dynamodb:us-east-1:123456789012:table/*</c>, <c>...:table/???*</c>,
    /// <c>...:table/*/index/*</c> (every table's indexes), <c>arn:aws:*</c>. A pattern that names tables
    /// (<c>table/orders</c>, <c>table/orders/index/*</c>, <c>table/orders-*</c>, <c>table/????</c>) is not.
    /// </summary>
    /// <remarks>
    /// Decided by matching the pattern, as IAM does (<c>*</c> any characters, <c>?</c> one), against the ARNs of tables of
    /// every allowed kind of name in the region and account the pattern itself names (its wildcards there made concrete):
    /// wide when it matches all of them, for the tables themselves or for all their indexes or streams.
    /// </remarks>
    public static bool IsDynamoDbWide(string resource)
    {
        if (WildcardPattern.IsAllWildcard(resource)) return true;
        var parts = resource.Split(':');
        var partition = parts.Length > 1 ? Concrete(parts[1]) : "aws";
        var region = parts.Length > 3 ? Concrete(parts[3]) : "us-east-1";
        var account = parts.Length > 4 ? Concrete(parts[4]) : "123456789012";
        var table = $"arn:{partition}:dynamodb:{region}:{account}:table/";
        foreach (var part in TableParts)
        {
            if (TableNames.All(name => WildcardPattern.Matches(resource, table + name + part))) return true;
        }
        return false;
    }

    /// <summary>One string a segment of a pattern matches: each <c>*</c> as nothing, each <c>?</c> as one letter.</summary>
    private static string Concrete(string segment) => segment.Replace("*", "", StringComparison.Ordinal).Replace('?', 'x');
}
