using SecureDynamo.Lint.Cli;

namespace SecureDynamo.Lint.Tests.Support;

/// <summary>The outcome of one CLI run.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs the CLI in-process with captured output, not a terminal, and the given environment.</summary>
    public static CliRun InProcess(params string[] args) => InProcess(new Dictionary<string, string>(), args);

    public static CliRun InProcess(IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(args, new CliConsole(stdout, stderr, false, name => env.TryGetValue(name, out var v) ? v : null));
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
