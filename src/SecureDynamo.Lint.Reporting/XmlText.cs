using System.Text;

namespace SecureDynamo.Lint.Reporting;

/// <summary>Text made storable in XML 1.0: characters the XML 1.0 <c>Char</c> production excludes (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped.</summary>
public static class XmlText
{
    public static string Valid(string s)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var width = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
            var ok = width == 2 || c is '\t' or '\n' or '\r' || (c >= '\u0020' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD');
            if (ok)
            {
                sb?.Append(s, i, width);
            }
            else
            {
                sb ??= new StringBuilder(s, 0, i, s.Length);
            }
            i += width - 1;
        }
        return sb?.ToString() ?? s;
    }
}
