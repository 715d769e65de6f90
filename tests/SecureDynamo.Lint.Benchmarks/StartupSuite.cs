namespace SecureDynamo.Lint.Benchmarks;

/// <summary>A pre-commit hook's case: the whole <c>securedynamo scan</c> process on a tiny plan, wall time.</summary>
public sealed class StartupSuite : IBenchmarkSuite
{
    public string Key => "startup";

    public string Name => "start-up";

    public void Run(BenchmarkContext context)
    {
        var path = PlanFiles.Ensure(context, PlanShape.Tiny);
        context.Cli.Run("scan", path);
        var runs = Enumerable.Range(0, Math.Max(5, context.Runs * 2)).Select(_ => context.Cli.Run("scan", path)).ToList();
        if (runs.Any(r => r.ExitCode == 2)) throw new InvalidOperationException("the CLI failed: " + runs[0].Stderr);
        Console.WriteLine($"tiny plan ({new FileInfo(path).Length} bytes), {runs.Count} runs: median {Measure.Ms(Measure.MedianOf(runs.Select(r => r.Wall)))}, " +
                          $"min {Measure.Ms(runs.Min(r => r.Wall))}, max {Measure.Ms(runs.Max(r => r.Wall))}, peak RSS {Measure.Mib(runs.Max(r => r.PeakBytes))}");
    }
}
