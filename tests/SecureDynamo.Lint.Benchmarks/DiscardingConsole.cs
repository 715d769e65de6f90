using System.Text;
using SecureDynamo.Lint.Cli;

namespace SecureDynamo.Lint.Benchmarks;

/// <summary>
/// A console whose output is encoded as the CLI's standard output is (a buffered UTF-8 writer),
/// then discarded: the in-process scan pays for writing its report, not for a terminal or a pipe.
/// </summary>
public static class DiscardingConsole
{
    public static CliConsole Create() =>
        new(new StreamWriter(Stream.Null, new UTF8Encoding(false), 1 << 16) { AutoFlush = false }, TextWriter.Null, false, _ => null);
}
