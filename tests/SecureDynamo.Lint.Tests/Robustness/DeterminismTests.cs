using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Robustness;

/// <summary>The same input gives byte-identical reports, run after run and scans running side by side.</summary>
public sealed class DeterminismTests
{
    private static readonly string[] Inputs = System.IO.Directory
        .EnumerateFiles(RepositoryPaths.Policies, "*.json", SearchOption.AllDirectories)
        .Where(p => p.Contains($"{Path.DirectorySeparatorChar}cases{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !p.EndsWith(".expected.json", StringComparison.Ordinal))
        .OrderBy(p => p, StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void Reports_are_byte_identical_across_runs_and_concurrent_scans()
    {
        string[] args = ["scan", "--format", "json", .. Inputs];
        var first = CliRun.InProcess(args);
        Assert.NotEqual(2, first.ExitCode);
        Assert.Contains("\"results\"", first.Stdout);

        var again = CliRun.InProcess(args);
        var concurrent = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4).Select(_ => CliRun.InProcess(args)).ToList();

        Assert.Equal(first.Stdout, again.Stdout);
        Assert.All(concurrent, run => Assert.Equal(first.Stdout, run.Stdout));
    }
}
