using System.Diagnostics;

namespace SecureDynamo.Lint.Benchmarks;

/// <summary>
/// The CLI as pre-commit and <c>dotnet tool install</c> get it: this repository's CLI packed as a .NET tool
/// (ReadyToRun code for this machine, see the CLI project) and installed from a local folder under the
/// benchmark's work directory. Packed anew by every benchmark run (once), so it is the source as it is now.
/// </summary>
public static class InstalledTool
{
    // Packed and installed once per benchmark run (work directory), whichever suite asks first.
    private static readonly Dictionary<string, CliCommand> Installed = new(StringComparer.Ordinal);

    public static CliCommand Install(BenchmarkContext context)
    {
        lock (Installed)
        {
            if (!Installed.TryGetValue(context.WorkDirectory, out var cli)) Installed[context.WorkDirectory] = cli = PackAndInstall(context);
            return cli;
        }
    }

    private static CliCommand PackAndInstall(BenchmarkContext context)
    {
        var repository = RepositoryRoot() ?? throw new InvalidOperationException("the repository (SecureDynamo.Lint.sln) was not found above " + AppContext.BaseDirectory);
        var packages = context.Input("tool-package");
        var tool = context.Input("tool");
        foreach (var d in new[] { packages, tool })
        {
            if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
        }
        Dotnet(repository, "pack", Path.Combine(repository, "src", "SecureDynamo.Lint.Cli"), "-c", "Release", "-o", packages, "--nologo", "-v", "q");
        Dotnet(repository, "tool", "install", "--tool-path", tool, "--add-source", packages, "SecureDynamo.Lint");
        return new CliCommand(Path.Combine(tool, OperatingSystem.IsWindows() ? "securedynamo.exe" : "securedynamo"), []);
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecureDynamo.Lint.sln"))) return dir.FullName;
        }
        return null;
    }

    private static void Dotnet(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"dotnet {string.Join(' ', args)} failed ({p.ExitCode}): {stdout.Result}{stderr.Result}");
    }
}
