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

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';
}
