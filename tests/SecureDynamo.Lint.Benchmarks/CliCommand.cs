using System.Diagnostics;

namespace SecureDynamo.Lint.Benchmarks;

/// <summary>How to start the securedynamo CLI as a child process, and what one run cost.</summary>
public sealed record CliCommand(string FileName, IReadOnlyList<string> Prefix)
{
    public string Describe() => string.Join(' ', new[] { FileName }.Concat(Prefix));

    /// <summary>The CLI built beside this benchmark (framework-dependent, started by its app host).</summary>
    public static CliCommand Built()
    {
        var host = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "securedynamo.exe" : "securedynamo");
        return File.Exists(host) ? new CliCommand(host, []) : new CliCommand("dotnet", [Path.Combine(AppContext.BaseDirectory, "securedynamo.dll")]);
    }

    /// <summary>Runs the CLI with standard output discarded; measures wall time and peak resident memory (VmHWM).</summary>
    public ProcessRun Run(params string[] args)
    {
        var psi = new ProcessStartInfo(FileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in Prefix.Concat(args)) psi.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var stderr = p.StandardError.ReadToEndAsync();
        long peak = 0;
        var status = $"/proc/{p.Id}/status";
        while (!p.WaitForExit(2))
        {
            peak = Math.Max(peak, PeakResidentBytes(status) ?? 0);
        }
        clock.Stop();
        stdout.Wait();
        return new ProcessRun(p.ExitCode, clock.Elapsed, peak, stderr.Result);
    }

    private static long? PeakResidentBytes(string statusFile)
    {
        try
        {
            foreach (var line in File.ReadLines(statusFile))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                return kb * 1024;
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }
}

/// <summary>One child-process run: exit code, wall time, peak resident memory (0 when it exited before the first sample).</summary>
public sealed record ProcessRun(int ExitCode, TimeSpan Wall, long PeakBytes, string Stderr);
