using System.Text.RegularExpressions;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Policies.Linking;

/// <summary>
/// Matches an AWS Backup resource pattern (<c>*</c>, <c>arn:aws:dynamodb:*:*:table/*</c>, a table ARN)
/// against a table ARN whose parts may be unknown before apply. Three-valued: null means undecidable.
/// </summary>
public static class ArnPattern
{
    /// <summary>The parts of a table ARN; null parts are unknown before apply.</summary>
    public sealed record TableArn(string? Partition, string? Region, string? Account, string? Name);

    public static bool? Matches(string pattern, TableArn arn) => Matches(pattern, arn, out _);

    /// <param name="undecided">When the answer is null: the parts of the table's ARN, known only after apply, that decide it ("region and account").</param>
    public static bool? Matches(string pattern, TableArn arn, out string undecided)
    {
        undecided = "";
        if (pattern == "*") return true;
        var parts = pattern.Split(':', 6);
        if (parts.Length != 6 || !Glob(parts[0], "arn")) return false;
        var results = new[]
        {
            Part(parts[1], arn.Partition),
            Part(parts[2], "dynamodb"),
            Part(parts[3], arn.Region),
            Part(parts[4], arn.Account),
            Part(parts[5], arn.Name is null ? null : "table/" + arn.Name, "table/"),
        };
        if (results.Contains(false)) return false;
        if (!results.Contains(null)) return true;
        string[] names = ["partition", "service", "region", "account", "name"];
        var open = names.Where((_, i) => results[i] is null).ToArray();
        undecided = open.Length == 1 ? open[0] : string.Join(", ", open[..^1]) + " and " + open[^1];
        return null;
    }

    /// <summary>
    /// Whether an ARN known only in part (its <paramref name="skeleton"/>, unknown parts marked) may name the table
    /// called <paramref name="name"/>: false only when the known text after the last unknown part holds
    /// <c>table/</c> and a table name pattern that <paramref name="name"/> does not match.
    /// </summary>
    public static bool MayNameTable(string? skeleton, string? name)
    {
        if (skeleton is null || name is null) return true;
        var known = skeleton[(skeleton.LastIndexOf(Expression.UnknownMarker, StringComparison.Ordinal) + 1)..];
        var at = known.IndexOf(":table/", StringComparison.Ordinal);
        if (at < 0) return true;
        var tablePart = known[(at + ":table/".Length)..];
        var slash = tablePart.IndexOf('/');
        return Glob(slash < 0 ? tablePart : tablePart[..slash], name);
    }

    /// <summary>Matches a whole known ARN.</summary>
    public static bool Matches(string pattern, string arn) => Glob(pattern, arn);

    private static bool? Part(string glob, string? actual, string? knownPrefix = null)
    {
        if (actual is not null) return Glob(glob, actual);
        if (glob == "*") return true;
        // table/* matches every table even when the name is unknown.
        if (knownPrefix is not null && glob == knownPrefix + "*") return true;
        if (knownPrefix is not null && !glob.StartsWith(knownPrefix, StringComparison.Ordinal) && !glob.StartsWith('*')) return false;
        return null;
    }

    private static bool Glob(string glob, string s) =>
        Regex.IsMatch(s, "^" + Regex.Escape(glob).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
