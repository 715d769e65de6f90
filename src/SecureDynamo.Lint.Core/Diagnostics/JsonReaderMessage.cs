namespace SecureDynamo.Lint.Core.Diagnostics;

/// <summary>
/// A <c>System.Text.Json</c> reader's syntax message as users read it, for every front end that reads JSON:
/// without the reader's position suffix (the caller names the position as file:line:col) and without
/// advice about reader options.
/// </summary>
public static class JsonReaderMessage
{
    public const string TrailingComma = "a comma after the last member or item (JSON allows none)";

    public static string Of(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        if (message.Contains("trailing comma", StringComparison.Ordinal)) return TrailingComma;
        return message.Trim().TrimEnd('.');
    }
}
