using System.Text;
using System.Text.RegularExpressions;

namespace SecureDynamo.Lint.Policies.Suppression;

/// <summary>
/// A resource address pattern: <c>*</c> matches within one dot-separated part
/// (<c>aws_dynamodb_table.legacy_*</c>; a dot inside a quoted instance key, <c>t["x.y"]</c>, is part of the key),
/// <c>**</c> matches across parts
/// (<c>module.legacy.**</c>); a leading <c>**.</c> also matches the root module. Anything else is literal.
/// </summary>
public sealed class AddressGlob
{
    private readonly Regex _regex;

    public AddressGlob(string pattern)
    {
        Pattern = pattern;
        var sb = new StringBuilder("^");
        var i = 0;
        if (pattern.StartsWith("**.", StringComparison.Ordinal))
        {
            sb.Append(@"(?:.*\.)?");
            i = 3;
        }
        // A dot inside an instance key (t["x.y"]) does not separate parts: * runs over whole quoted keys, and within a
        // quoted key of the pattern (t["x.*"]) over the key's characters.
        var inKey = false;
        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == '*' && !inKey && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                sb.Append(".*");
                i++;
            }
            else if (pattern[i] == '*') sb.Append(inKey ? @"(?:[^""\\]|\\.)*" : @"(?:[^.""]|""(?:[^""\\]|\\.)*"")*");
            else
            {
                if (pattern[i] == '"') inKey = !inKey;
                else if (pattern[i] == '\\' && inKey && i + 1 < pattern.Length)
                {
                    sb.Append(Regex.Escape(pattern.Substring(i, 2)));
                    i++;
                    continue;
                }
                sb.Append(Regex.Escape(pattern[i].ToString()));
            }
        }
        sb.Append('$');
        _regex = new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    public string Pattern { get; }

    public bool Matches(string address) => _regex.IsMatch(address);

    public override string ToString() => Pattern;
}
