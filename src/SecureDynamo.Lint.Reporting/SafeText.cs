using System.Buffers;
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
        var first = s.AsSpan().IndexOfAny(Escapable);
        if (first < 0) return s;
        var sb = new StringBuilder(s.Length + 16);
        using (var writer = new StringWriter(sb)) WriteOneLine(writer, s);
        return sb.ToString();
    }

    /// <summary>
    /// Writes <paramref name="s"/> as <see cref="OneLine"/> would render it, without building the string:
    /// clean runs go to <paramref name="output"/> as they are (reports write thousands of lines).
    /// </summary>
    public static void WriteOneLine(TextWriter output, ReadOnlySpan<char> s)
    {
        // Vectorised search for the next character to escape: nearly every line has none.
        int at;
        while ((at = s.IndexOfAny(Escapable)) >= 0)
        {
            output.Write(s[..at]);
            output.Write(Escaped(s[at]));
            s = s[(at + 1)..];
        }
        output.Write(s);
    }

    /// <summary>Control characters (C0, DEL, C1) and the bidi controls that reorder what a terminal shows.</summary>
    private static readonly SearchValues<char> Escapable = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c))
        + "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F");

    /// <summary>How a character of <see cref="Escapable"/> is shown: <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\u202e</c>.</summary>
    private static string Escaped(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ => $"\\u{(int)c:x4}",
    };
}
