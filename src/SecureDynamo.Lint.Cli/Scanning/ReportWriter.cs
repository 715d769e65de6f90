using System.Text;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Reporting;

namespace SecureDynamo.Lint.Cli.Scanning;

/// <summary>Writes a report in every requested format, to standard output or to files.</summary>
public static class ReportWriter
{
    public static void WriteAll(ScanReport report, IReadOnlyList<FormatTarget> targets, CliConsole console)
    {
        foreach (var target in targets)
        {
            var writer = ReportFormats.Find(target.Format)!;
            if (target.Path is null)
            {
                writer(report, console.Out, console.UseColor);
                console.Out.Flush();
                continue;
            }
            try
            {
                var dir = Path.GetDirectoryName(Path.GetFullPath(target.Path));
                if (dir is not null) Directory.CreateDirectory(dir);
                using var file = new StreamWriter(target.Path, false, new UTF8Encoding(false)) { NewLine = "\n" };
                writer(report, file, false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException(target.Path, $"cannot write the {target.Format} report ({e.Message})");
            }
        }
    }
}
