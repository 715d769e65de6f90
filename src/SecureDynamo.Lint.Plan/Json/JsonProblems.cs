using System.Text.Json;

namespace SecureDynamo.Lint.Plan.Json;

/// <summary>The one place that words JSON syntax problems for users.</summary>
internal static class JsonProblems
{
    public const string Truncated = "the JSON document ends before it is complete (truncated?)";

    public static string Describe(JsonException e, bool atEndOfInput)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        if (message.Contains("maximum configured depth", StringComparison.Ordinal) || message.Contains("maximum allowed depth", StringComparison.Ordinal))
        {
            return $"JSON nesting is deeper than {JsonTokenStream.MaxDepth} levels; not a Terraform document";
        }
        if (atEndOfInput && (message.Contains("end of data", StringComparison.Ordinal) || message.Contains("Expected depth to be zero", StringComparison.Ordinal)))
        {
            return Truncated;
        }
        return "invalid JSON: " + message.Trim().TrimEnd('.');
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
