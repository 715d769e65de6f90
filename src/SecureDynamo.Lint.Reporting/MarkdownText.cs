using System.Text;

namespace SecureDynamo.Lint.Reporting;

/// <summary>
/// Text from scanned inputs made inert in GitHub-flavoured Markdown, inside a table cell: control
/// characters and newlines become visible escapes, HTML is entity-encoded, and every character
/// that could start emphasis, code, a link, a new table cell or a mention is backslash-escaped
/// (line-start syntax such as headings and lists cannot begin inside a cell).
/// </summary>
public static class MarkdownText
{
    public static string Cell(string s)
    {
        var one = SafeText.OneLine(s);
        var sb = new StringBuilder(one.Length + 16);
        foreach (var c in one)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '@':
                    sb.Append('\\').Append(c);
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
