using SecureDynamo.Lint.Cli;

namespace SecureDynamo.Lint.Tests.Support;

/// <summary>The outcome of one CLI run.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs the CLI in-process with captured output, not a terminal, and the given environment.</summary>
    public static CliRun InProcess(params string[] args) => InProcess(new Dictionary<string, string>(), args);

    public static CliRun InProcess(IReadOnlyDictionary<string, string> env, params string[] args) => InProcess(env, null, args);

    /// <summary>The version reports print in tests, so golden files do not change with a release.</summary>
    public const string TestVersion = "0.0.0-test";

    /// <summary>Runs in-process on a fixed date (exception expiry) with the fixed <see cref="TestVersion"/>.</summary>
    public static CliRun InProcess(IReadOnlyDictionary<string, string> env, DateOnly? today, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(stdout, stderr, false, name => env.TryGetValue(name, out var v) ? v : null)
        {
            ToolVersion = TestVersion,
            EnvironmentVariables = () => env,
        };
        if (today is { } day) console = console with { Today = () => day };
        var code = CliApp.Run(args, console);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
