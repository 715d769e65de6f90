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
