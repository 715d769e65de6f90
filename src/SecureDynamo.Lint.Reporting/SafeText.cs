using System.Text;

namespace SecureDynamo.Lint.Reporting;

/// <summary>
/// Makes text from scanned inputs harmless on a terminal: control characters (ANSI escapes, CR,
/// backspace, bidi overrides) become visible escapes; newlines become "\n" in one-line output.
/// </summary>
public static class SafeText
{
    public static string OneLine(string s)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (!NeedsEscape(c))
            {
                sb?.Append(c);
                continue;
            }
            sb ??= new StringBuilder(s, 0, i, s.Length + 16);
            sb.Append(Escaped(c));
        }
        return sb?.ToString() ?? s;
    }

    /// <summary>
    /// Writes <paramref name="s"/> as <see cref="OneLine"/> would render it, without building the string:
    /// clean runs go to <paramref name="output"/> as they are (reports write thousands of lines).
    /// </summary>
    public static void WriteOneLine(TextWriter output, ReadOnlySpan<char> s)
    {
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (!NeedsEscape(s[i])) continue;
            output.Write(s[start..i]);
            output.Write(Escaped(s[i]));
            start = i + 1;
        }
        output.Write(s[start..]);
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || IsBidiControl(c);

    /// <summary>How a character that <see cref="NeedsEscape"/> is shown: <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\u202e</c>.</summary>
    private static string Escaped(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ => $"\\u{(int)c:x4}",
    };

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';
}
