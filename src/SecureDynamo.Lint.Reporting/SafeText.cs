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
            var bad = char.IsControl(c) || IsBidiControl(c);
            if (!bad)
            {
                sb?.Append(c);
                continue;
            }
            sb ??= new StringBuilder(s, 0, i, s.Length + 16);
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => $"\\u{(int)c:x4}",
            });
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
            var c = s[i];
            if (!char.IsControl(c) && !IsBidiControl(c)) continue;
            output.Write(s[start..i]);
            output.Write(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => $"\\u{(int)c:x4}",
            });
            start = i + 1;
        }
        output.Write(s[start..]);
    }

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';
}
