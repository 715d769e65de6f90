namespace SecureDynamo.Lint.Reporting;

/// <summary>The report formats by name (<c>--format NAME[=PATH]</c>).</summary>
public static class ReportFormats
{
    /// <summary>Writes <paramref name="report"/> as <paramref name="format"/>; <paramref name="color"/> applies to text on a terminal.</summary>
    public delegate void Writer(ScanReport report, TextWriter output, bool color);

    private static readonly Dictionary<string, Writer> Writers = new(StringComparer.Ordinal)
    {
        ["text"] = (r, o, c) => new TextReporter(c).Write(r, o),
        ["json"] = (r, o, _) => JsonReporter.Write(r, o),
    };

    public static IReadOnlyCollection<string> Names => Writers.Keys.Order(StringComparer.Ordinal).ToArray();

    public static Writer? Find(string name) => Writers.GetValueOrDefault(name);
}
