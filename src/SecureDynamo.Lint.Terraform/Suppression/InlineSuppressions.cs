using System.Globalization;
using System.Text.RegularExpressions;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Hcl;
using SecureDynamo.Lint.Hcl.Syntax;

namespace SecureDynamo.Lint.Terraform.Suppression;

/// <summary>
/// <c># securedynamo:ignore dynamodb:013,dynamodb:014 reason="..." expires=2027-06-30</c> (or <c>//</c>)
/// on the comment lines directly above a resource block or inside it. Other tools' comments
/// (checkov, tfsec, trivy, kics) suppress nothing.
/// </summary>
public static partial class InlineSuppressions
{
    // Ids are a comma-separated list, spaces allowed around the commas (dynamodb:013, dynamodb:014); reason= and expires= follow.
    [GeneratedRegex(@"^(?:#|//)\s*securedynamo:ignore(?:\s+(?<ids>(?!(?:reason|expires)\s*=)[^\s,=""]+(?:\s*,\s*[^\s,=""]+)*))?(?<rest>.*)$")]
    private static partial Regex Directive();

    [GeneratedRegex(@"(?<key>reason|expires)\s*=\s*(?:""(?<quoted>(?:[^""\\]|\\.)*)""|'(?<single>[^']*)'|(?<bare>[^\s""']+))")]
    private static partial Regex Option();

    /// <summary>The suppressions written for <paramref name="block"/> (a resource or data block) in <paramref name="file"/>.</summary>
    /// <param name="attached">Collects where the directives read for the block are (the others suppress nothing: <see cref="Unattached"/>).</param>
    public static IReadOnlyList<SuppressionRule> ForBlock(string modulePath, string configAddress, Block block, HclFile file, ICollection<string> warnings, ISet<Core.Diagnostics.SourceRange>? attached = null)
    {
        var rules = new List<SuppressionRule>();
        var byLine = file.Comments.GroupBy(c => c.Range.Start.Line).ToDictionary(g => g.Key, g => g.First());
        var comments = new List<HclComment>();
        // Comment lines directly above the block (a run with no blank or code line in between).
        for (var line = block.Range.Start.Line - 1; byLine.TryGetValue(line, out var above) && IsWholeLine(above); line--) comments.Add(above);
        comments.AddRange(file.Comments.Where(c => c.Range.Start.Line >= block.Range.Start.Line && c.Range.End.Line <= block.Range.End.Line));
        foreach (var comment in comments)
        {
            var m = Directive().Match(comment.Text.Trim());
            if (!m.Success) continue;
            var where = comment.Range;
            attached?.Add(where);
            if (!m.Groups["ids"].Success)
            {
                warnings.Add($"{where}: securedynamo:ignore names no policy id; it suppresses nothing");
                continue;
            }
            var ids = m.Groups["ids"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string? reason = null;
            DateOnly? expires = null;
            var valid = true;
            foreach (Match o in Option().Matches(m.Groups["rest"].Value))
            {
                // In "...", \" and \\ stand for themselves; any other backslash is text (reason="see C:\docs").
                var value = o.Groups["quoted"].Success ? Unquoted(o.Groups["quoted"].Value)
                    : o.Groups["single"].Success ? o.Groups["single"].Value
                    : o.Groups["bare"].Value;
                if (o.Groups["key"].Value == "reason") reason = value.Trim().Length == 0 ? null : value;
                else if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) expires = d;
                else
                {
                    warnings.Add($"{where}: securedynamo:ignore has an invalid expires date \"{value}\" (use YYYY-MM-DD); it suppresses nothing");
                    valid = false;
                }
            }
            if (!valid) continue;
            if (reason is null) warnings.Add($"{where}: securedynamo:ignore {string.Join(",", ids)} on {Qualified(modulePath, configAddress)} has no reason=\"...\"; it applies, but say why");
            rules.Add(new SuppressionRule(modulePath, configAddress, ids, reason, expires, where));
        }
        return rules;
    }

    /// <summary>
    /// Warnings for the directives of <paramref name="file"/> not read for any resource (<paramref name="attached"/>):
    /// above a module block, or parted from the resource by a blank line. They suppress nothing, which the writer
    /// would not otherwise learn.
    /// </summary>
    public static IEnumerable<string> Unattached(HclFile file, ISet<Core.Diagnostics.SourceRange> attached) =>
        file.Comments
            .Where(c => !attached.Contains(c.Range) && Directive().IsMatch(c.Text.Trim()))
            .Select(c => $"{c.Range}: securedynamo:ignore is not on the comment lines directly above a resource or data block, nor inside one; it suppresses nothing")
            // A directive in a /* */ comment is not read: said, rather than suppressing nothing without a word.
            .Concat(file.Comments
                .Where(c => c.Text.StartsWith("/*", StringComparison.Ordinal) && c.Text.Contains("securedynamo:ignore", StringComparison.Ordinal))
                .Select(c => $"{c.Range}: securedynamo:ignore in a /* */ comment is not read; write it on a # or // line; it suppresses nothing"));

    /// <summary>
    /// Warnings for the ids of <paramref name="rules"/> that name no policy of the catalogue (<paramref name="knownIds"/>):
    /// a typo (dynamodb:14) would otherwise suppress nothing without a word.
    /// </summary>
    public static IEnumerable<string> UnknownIds(IEnumerable<SuppressionRule> rules, IReadOnlySet<string> knownIds) =>
        rules.SelectMany(r => r.PolicyIds.Where(id => !knownIds.Contains(id)).Select(id =>
            $"{r.Location}: securedynamo:ignore names \"{id}\", which is no policy id (`securedynamo policies` lists them); it suppresses nothing"));

    private static bool IsWholeLine(HclComment c) => c.Text.StartsWith('#') || c.Text.StartsWith("//", StringComparison.Ordinal);

    private static string Qualified(string module, string address) => module.Length == 0 ? address : $"{module}.{address}";

    /// <summary>
    /// Applies <paramref name="rules"/> to engine results: a fail or unknown result a live rule covers
    /// becomes <c>suppressed</c> (keeping its original status and the reason); expired rules apply to
    /// nothing and are reported once each.
    /// </summary>
    public static IReadOnlyList<EvaluationResult> Apply(IReadOnlyList<EvaluationResult> results, IReadOnlyList<SuppressionRule> rules, DateOnly today, ICollection<string> warnings)
    {
        if (rules.Count == 0) return results;
        var expiredReported = new HashSet<SuppressionRule>();
        var output = new List<EvaluationResult>(results.Count);
        foreach (var r in results)
        {
            if (r.Status is not (Status.Fail or Status.Unknown))
            {
                output.Add(r);
                continue;
            }
            var covering = rules.Where(rule => rule.Covers(r.PolicyId, r.ResourceAddress)).ToList();
            var live = covering.FirstOrDefault(rule => !rule.ExpiredOn(today));
            foreach (var expired in covering.Where(rule => rule.ExpiredOn(today)))
            {
                if (expiredReported.Add(expired))
                {
                    warnings.Add($"{expired.Location}: securedynamo:ignore {string.Join(",", expired.PolicyIds)} expired on {expired.Expires:yyyy-MM-dd}; it no longer applies");
                }
            }
            output.Add(live is null ? r : r with { Status = Status.Suppressed, SuppressedStatus = r.Status, SuppressionReason = live.Reason ?? "(no reason given)", SuppressionKind = SuppressionKind.InSource });
        }
        return output;
    }

    private static string Unquoted(string quoted) =>
        Regex.Replace(quoted, @"\\([""\\])", "$1");
}
