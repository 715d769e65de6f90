namespace SecureDynamo.Lint.Cli.Scanning;

/// <summary>One <c>--format NAME[=PATH]</c>: a report format and where it goes (null: standard output).</summary>
public sealed record FormatTarget(string Format, string? Path)
{
    public static FormatTarget Parse(string text)
    {
        var eq = text.IndexOf('=');
        var name = (eq < 0 ? text : text[..eq]).Trim().ToLowerInvariant();
        var path = eq < 0 ? null : text[(eq + 1)..];
        if (path is { Length: 0 }) throw new UsageException($"--format {text}: the path after '=' is empty");
        if (Reporting.ReportFormats.Find(name) is null)
        {
            throw new UsageException($"--format {text}: unknown format \"{name}\"; choose from {string.Join(", ", Reporting.ReportFormats.Names)}");
        }
        return new FormatTarget(name, path);
    }
}
