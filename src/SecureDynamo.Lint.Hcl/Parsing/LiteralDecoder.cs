using System.Globalization;
using System.Text;

namespace SecureDynamo.Lint.Hcl.Parsing;

/// <summary>
/// Decodes the text of a template literal token: backslash escapes (quoted strings only) and
/// <c>$${</c> / <c>%%{</c>; the result is NFC-normalised, as HCL does.
/// </summary>
internal static class LiteralDecoder
{
    /// <summary>An escape problem: byte offsets of the bad sequence within the token text, and the message.</summary>
    public readonly record struct Problem(int Start, int End, (string, string) Message);

    public static string Decode(string raw, bool quoted, List<Problem> problems)
    {
        // Most literals hold nothing to decode: no escapes, no doubled $${ or %%{.
        if ((quoted ? raw.AsSpan().IndexOfAny('\\', '$', '%') : raw.AsSpan().IndexOfAny('$', '%')) < 0) return Normalize(raw);
        var sb = new StringBuilder(raw.Length);
        var i = 0;
        while (i < raw.Length)
        {
            var c = raw[i];
            if ((c == '$' || c == '%') && i + 2 < raw.Length && raw[i + 1] == c && raw[i + 2] == '{')
            {
                sb.Append(c).Append('{');
                i += 3;
                continue;
            }
            if (!quoted || c != '\\' || i + 1 >= raw.Length)
            {
                sb.Append(c);
                i++;
                continue;
            }
            var selector = raw[i + 1];
            switch (selector)
            {
                case 'n': sb.Append('\n'); i += 2; continue;
                case 'r': sb.Append('\r'); i += 2; continue;
                case 't': sb.Append('\t'); i += 2; continue;
                case '"': sb.Append('"'); i += 2; continue;
                case '\\': sb.Append('\\'); i += 2; continue;
                case 'u':
                case 'U':
                    var digits = selector == 'u' ? 4 : 8;
                    var hex = i + 2 + digits <= raw.Length ? raw.Substring(i + 2, digits) : null;
                    if (hex is not null && hex.All(char.IsAsciiHexDigit)
                        && int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
                        && Rune.IsValid(code))
                    {
                        sb.Append(new Rune(code).ToString());
                        i += 2 + digits;
                        continue;
                    }
                    var end = i + 2;
                    while (end < raw.Length && end < i + 2 + digits && char.IsAsciiHexDigit(raw[end]))
                    {
                        end++;
                    }
                    problems.Add(new Problem(ByteOffset(raw, i), ByteOffset(raw, end), HclMessages.InvalidUnicodeEscape(digits)));
                    i = end;
                    continue;
                default:
                    var length = char.IsSurrogatePair(raw, i + 1) ? 2 : 1;
                    problems.Add(new Problem(ByteOffset(raw, i), ByteOffset(raw, i + 1 + length), HclMessages.InvalidEscape(raw.Substring(i + 1, length))));
                    sb.Append(raw, i + 1, length);
                    i += 1 + length;
                    continue;
            }
        }
        return Normalize(sb.ToString());
    }

    /// <summary>NFC, tolerating strings that cannot be normalised (lone surrogates, NUL).</summary>
    public static string Normalize(string s)
    {
        try
        {
            return s.IsNormalized(NormalizationForm.FormC) ? s : s.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return s;
        }
        catch (PlatformNotSupportedException)
        {
            // DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1: no normalisation data; keep the text as written.
            return s;
        }
    }

    private static int ByteOffset(string s, int charIndex) => Encoding.UTF8.GetByteCount(s.AsSpan(0, charIndex));
}
