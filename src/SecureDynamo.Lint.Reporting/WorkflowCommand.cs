namespace SecureDynamo.Lint.Reporting;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=F,line=L::message</c>) with the escaping
/// GitHub specifies, so no text from a scanned input can end the command or start another one:
/// data escapes <c>%</c>, CR and LF; property values also escape <c>:</c> and <c>,</c>. Control
/// characters are first made visible (<see cref="SafeText"/>), so no CR/LF survives anyway.
/// </summary>
public static class WorkflowCommand
{
    public static string Format(string command, IReadOnlyList<(string Name, string Value)> properties, string message)
    {
        var props = string.Join(',', properties.Select(p => $"{p.Name}={EscapeProperty(p.Value)}"));
        return props.Length == 0 ? $"::{command}::{EscapeData(message)}" : $"::{command} {props}::{EscapeData(message)}";
    }

    public static string EscapeData(string s) =>
        SafeText.OneLine(s).Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string s) =>
        EscapeData(s).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
