namespace SecureDynamo.Lint.Cli;

/// <summary>Where the CLI writes and what it knows of its environment; tests pass their own.</summary>
/// <param name="IsTerminal">Standard output is a terminal (colour and progress are allowed).</param>
/// <param name="Environment">Reads an environment variable.</param>
/// <param name="ErrorIsTerminal">Standard error is a terminal (progress of long scans is shown there).</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsTerminal, Func<string, string?> Environment, bool ErrorIsTerminal = false)
{
    /// <summary>Colour only on a terminal, never when NO_COLOR is set (https://no-color.org).</summary>
    public bool UseColor => IsTerminal && string.IsNullOrEmpty(Environment("NO_COLOR"));

    /// <summary>All environment variables (for <c>TF_VAR_*</c>); tests give their own.</summary>
    public Func<IReadOnlyDictionary<string, string>> EnvironmentVariables { get; init; } = ProcessEnvironment;

    private static IReadOnlyDictionary<string, string> ProcessEnvironment() =>
        System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);

    /// <summary>Today's date, for the expiry of config exceptions; tests fix it.</summary>
    public Func<DateOnly> Today { get; init; } = () => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The version reports print; tests fix it so golden files survive a release.</summary>
    public string ToolVersion { get; init; } = ToolInfo.Version;
}
