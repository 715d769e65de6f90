using System.Text.Json;
using SecureDynamo.Lint.Core.Diagnostics;

namespace SecureDynamo.Lint.Plan.Json;

/// <summary>The one place that words JSON syntax problems for users.</summary>
internal static class JsonProblems
{
    public const string Truncated = "the JSON document ends before it is complete (truncated?)";

    public const string UnpairedSurrogate = "invalid JSON: a string holds an unpaired UTF-16 surrogate escape (such as \\ud800)";

    /// <summary>System.Text.Json refuses to make a string of an escaped lone surrogate only when asked for the string.</summary>
    public static bool IsUnpairedSurrogate(InvalidOperationException e) => e.Message.Contains("surrogate", StringComparison.Ordinal);

    /// <summary>
    /// Where in <paramref name="json"/> (valid JSON text) the first unpaired surrogate escape is: the offset of its backslash,
    /// or -1. A high surrogate (<c>\ud800</c>-<c>\udbff</c>) must be followed at once by an escaped low one
    /// (<c>\udc00</c>-<c>\udfff</c>); a low one never stands first.
    /// </summary>
    public static int UnpairedSurrogateAt(ReadOnlySpan<byte> json)
    {
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (!inString)
            {
                inString = b == (byte)'"';
                continue;
            }
            if (b == (byte)'"')
            {
                inString = false;
                continue;
            }
            if (b != (byte)'\\') continue;
            if (Escaped(json, i) is not { } unit)
            {
                // Any other escape: one character.
                i++;
                continue;
            }
            if (unit is >= 0xDC00 and <= 0xDFFF) return i;
            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (Escaped(json, i + 6) is not (>= 0xDC00 and <= 0xDFFF)) return i;
                i += 11;
                continue;
            }
            i += 5;
        }
        return -1;
    }

    /// <summary>The UTF-16 unit of a <c>\uXXXX</c> escape at <paramref name="at"/>, or null when there is none there.</summary>
    private static int? Escaped(ReadOnlySpan<byte> json, int at) =>
        at + 6 <= json.Length && json[at] == (byte)'\\' && json[at + 1] == (byte)'u'
        && int.TryParse(json.Slice(at + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var unit)
            ? unit
            : null;

    public static string Describe(JsonException e, bool atEndOfInput)
    {
        var message = JsonReaderMessage.Of(e.Message);
        if (message.Contains("maximum configured depth", StringComparison.Ordinal) || message.Contains("maximum allowed depth", StringComparison.Ordinal))
        {
            return $"JSON nesting is deeper than {JsonTokenStream.MaxDepth} levels; not a Terraform document";
        }
        if (atEndOfInput && (message.Contains("end of data", StringComparison.Ordinal) || message.Contains("Expected depth to be zero", StringComparison.Ordinal)))
        {
            return Truncated;
        }
        // The reader quotes the offending text, which may span lines.
        return "invalid JSON: " + Shown(message, 200);
    }

    /// <summary>Text from the input shown in a message: one line, control characters escaped, at most <paramref name="max"/> characters.</summary>
    public static string Shown(string text, int max = 100)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in text.Length > max ? text[..max] : text)
        {
            if (char.IsControl(c)) builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else builder.Append(c);
        }
        return text.Length > max ? builder.Append('…').ToString() : builder.ToString();
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString().ToLowerInvariant(),
    };

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
