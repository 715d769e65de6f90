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
        // An unknown part may be any text: a whole ARN ("${var.table_arn}/stream/*", table/* included), or the start of one
        // ("${join(":", slice(split(":", arn), 0, 5))}:table/*").
        if (!IsDynamoDbWide(partial.Replace(unknownMarker, "*", StringComparison.Ordinal))) return false;
        return null;
    }

    /// <summary>
    /// Names DynamoDB allows (tables, indexes: 3 to 255 of <c>[a-zA-Z0-9_.-]</c>), with no character common to all: a
    /// pattern that matches each of these matches every name, and one that needs a letter, a dash or a word does not.
    /// They are 4 characters long (and 255): a pattern that misses only 3-character names (<c>????*</c>) is every table.
    /// </summary>
    private static readonly string[] Names = ["abcd", "XYZW", "0_9_", "-.-.", new string('q', 255)];

    /// <summary>
    /// The kinds of DynamoDB resource ARNs after <c>arn:...:dynamodb:region:account:</c>, with <c>{0}</c> and <c>{1}</c> for
    /// names: a table, and what lives under it (indexes, streams, backups, exports, imports), and a global table.
    /// </summary>
    private static readonly string[] Kinds =
        ["table/{0}", "table/{0}/index/{1}", "table/{0}/stream/{1}", "table/{0}/backup/{1}", "table/{0}/export/{1}", "table/{0}/import/{1}", "global-table/{0}"];

    /// <summary>
    /// Whether <paramref name="resource"/> covers DynamoDB tables account- or region-wide: <c>*</c>,
    /// <c>arn:aws:dynamodb:*:*:*</c>, <c>arn:aws:dynamodb:*:*:table/*</c>, <c>arn:aws:dynamodb:*:*</c> (a final <c>*</c>
    /// matches across the colons), <c>arn:aws:dynamodb:us-east-1:123456789012:table/*</c>, <c>...:table/???*</c>,
    /// <c>...:table/*/index/*</c> (every table's indexes), <c>arn:aws:*</c>. A pattern that names tables
    /// (<c>table/orders</c>, <c>table/orders/index/*</c>, <c>table/orders-*</c>, <c>table/????</c>) is not.
    /// </summary>
    /// <remarks>
    /// Decided by matching the pattern, as IAM does (<c>*</c> any characters, <c>?</c> one), against ARNs of every kind of
    /// DynamoDB resource with names of every allowed kind, in the region and account the pattern itself names (its wildcards
    /// there made concrete): wide when it matches all of one kind (every table, every table's indexes, streams, backups...).
    /// </remarks>
    public static bool IsDynamoDbWide(string resource)
    {
        if (WildcardPattern.IsAllWildcard(resource)) return true;
        var parts = resource.Split(':');
        var partition = parts.Length > 1 ? Concrete(parts[1]) : "aws";
        var region = parts.Length > 3 ? Concrete(parts[3]) : "us-east-1";
        var account = parts.Length > 4 ? Concrete(parts[4]) : "123456789012";
        var prefix = $"arn:{partition}:dynamodb:{region}:{account}:";
        // A pattern that writes table/ and no / after it names tables (table/*a*): the * that could run on into every table's
        // backups (whose ARNs all hold an a) is not read as a grant on them.
        var table = resource.IndexOf(":table/", StringComparison.Ordinal);
        var tablesOnly = table >= 0 && resource.IndexOf('/', table + ":table/".Length) < 0;
        foreach (var kind in tablesOnly ? Kinds.AsSpan(0, 1) : Kinds)
        {
            var every = true;
            for (var i = 0; i < Names.Length && every; i++)
            {
                every = WildcardPattern.Matches(resource, prefix + string.Format(System.Globalization.CultureInfo.InvariantCulture, kind, Names[i], Names[(i + 1) % Names.Length]));
            }
            if (every) return true;
        }
        return false;
    }

    /// <summary>One string a segment of a pattern matches: each <c>*</c> as nothing, each <c>?</c> as one letter.</summary>
    private static string Concrete(string segment) => segment.Replace("*", "", StringComparison.Ordinal).Replace('?', 'x');
}
