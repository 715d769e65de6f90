namespace SecureDynamo.Lint.Benchmarks;

/// <summary>
/// A pre-commit hook's case: the whole <c>securedynamo scan</c> process on a tiny plan, wall time. Measured for
/// the CLI under test (<c>--cli</c>, by default the JIT build beside the benchmark) and, unless <c>--quick</c>,
/// for the installed .NET tool (what pre-commit runs), the two alternating so that both see the same load.
/// </summary>
public sealed class StartupSuite : IBenchmarkSuite
{
    public string Key => "startup";

    public string Name => "start-up";

    public void Run(BenchmarkContext context)
    {
        var path = PlanFiles.Ensure(context, PlanShape.Tiny);
        var clis = new List<(string Name, CliCommand Cli)> { ("CLI under test (" + context.Cli.Describe() + ")", context.Cli) };
        if (!context.Quick) clis.Add(("installed .NET tool (dotnet pack + dotnet tool install, as pre-commit)", InstalledTool.Install(context)));
        var runs = clis.Select(_ => new List<ProcessRun>()).ToArray();
        foreach (var (_, cli) in clis) cli.Run("scan", path);
        for (var i = 0; i < Math.Max(5, context.Runs * 2); i++)
        {
            for (var c = 0; c < clis.Count; c++)
            {
                var run = clis[c].Cli.Run("scan", path);
                if (run.ExitCode == 2) throw new InvalidOperationException($"{clis[c].Name} failed: {run.Stderr}");
                runs[c].Add(run);
            }
        }
        Console.WriteLine($"tiny plan ({new FileInfo(path).Length} bytes), {runs[0].Count} runs each (target: under 250 ms):");
        for (var c = 0; c < clis.Count; c++)
        {
            var r = runs[c];
            Console.WriteLine($"  {clis[c].Name}: median {Measure.Ms(Measure.MedianOf(r.Select(x => x.Wall)))}, " +
                              $"min {Measure.Ms(r.Min(x => x.Wall))}, max {Measure.Ms(r.Max(x => x.Wall))}, peak RSS {Measure.Mib(r.Max(x => x.PeakBytes))}");
        }
    }
}
