using System.Diagnostics;

namespace SecureDynamo.Lint.Tests.Support;

/// <summary>Runs the real <c>securedynamo</c> program (the built CLI assembly) as a separate process.</summary>
public static class BinaryRunner
{
    /// <summary>The CLI assembly copied next to the tests by the project reference.</summary>
    public static string Assembly => Path.Combine(AppContext.BaseDirectory, "securedynamo.dll");

    public static CliRun RunWith(string? stdin, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        psi.ArgumentList.Add(Assembly);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("NO_COLOR");
        psi.Environment.Remove("GITHUB_STEP_SUMMARY");
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        var stderrTask = p.StandardError.ReadToEndAsync();
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(true);
            throw new TimeoutException("securedynamo did not finish in 120 s: " + string.Join(' ', args));
        }
        return new CliRun(p.ExitCode, stdoutTask.Result, stderrTask.Result);
    }

    public static CliRun Run(params string[] args) => RunWith(null, null, args);
}
