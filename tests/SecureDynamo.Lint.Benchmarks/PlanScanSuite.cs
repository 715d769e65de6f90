using SecureDynamo.Lint.Cli;
using SecureDynamo.Lint.Plan;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Benchmarks;

/// <summary>
/// Large plans: the bare-reader floor, the Newtonsoft alternative, <c>securedynamo scan</c>
/// in-process (warm, the ratio target) and as a fresh process (peak memory target), at 1x, 4x
/// and 16x to show linear growth.
/// </summary>
public sealed class PlanScanSuite : IBenchmarkSuite
{
    private static readonly PlanReadOptions ReadOptions = new(PolicyCatalog.BuiltIn().ResourceTypes());

    public string Key => "plan";

    public string Name => "plan scan";

    public void Run(BenchmarkContext context)
    {
        var shapes = context.Quick ? PlanShape.Linearity.Take(2).ToList() : context.Only is { } only ? PlanShape.Linearity.Where(s => s.Name == only).ToList() : PlanShape.Linearity.ToList();
        Console.WriteLine($"{"plan",-5} {"size",9} {"floor STJ",10} {"Newtonsoft",11} {"read",8} {"scan text",10} {"text/floor",11} {"scan",8} {"scan/floor",11} {"cpu ratio",10} {"scan MB/s",10} {"alloc/run",10} {"process",8} {"peak RSS",10}");
        foreach (var shape in shapes)
        {
            var path = PlanFiles.Ensure(context, shape);
            var megabytes = new FileInfo(path).Length / 1e6;
            var floor = Measure.Median(context.Runs, () => JsonFloor.Utf8JsonReaderPass(path), out var floorCpu);
            var newtonsoft = Measure.Median(context.Runs, () => JsonFloor.JsonTextReaderPass(path));
            var read = Measure.Median(context.Runs, () => PlanReader.ReadFile(path, ReadOptions));
            // The default report (text: findings only), each run paired with a floor run (the ratio target's figure),
            // then the JSON report of every result.
            var (_, scanText, textRatio) = Measure.Paired(context.Runs, () => JsonFloor.Utf8JsonReaderPass(path), () =>
            {
                if (CliApp.Run(["scan", path], DiscardingConsole.Create()) == CliApp.Error) throw new InvalidOperationException($"scan of {path} failed with exit code 2");
            });
            var allocated = new List<long>();
            var scan = Measure.Median(context.Runs, () =>
            {
                var before = GC.GetTotalAllocatedBytes(true);
                var code = CliApp.Run(["scan", "--format", "json", path], DiscardingConsole.Create());
                if (code == CliApp.Error) throw new InvalidOperationException($"scan of {path} failed with exit code 2");
                allocated.Add(GC.GetTotalAllocatedBytes(true) - before);
            }, out var scanCpu);
            var processRuns = Enumerable.Range(0, Math.Max(1, context.Runs / 2)).Select(_ => context.Cli.Run("scan", "--format", "json", path)).ToList();
            if (processRuns.Any(r => r.ExitCode == CliApp.Error)) throw new InvalidOperationException("the CLI failed: " + processRuns[0].Stderr);
            Console.WriteLine($"{shape.Name,-5} {megabytes,6:F1} MB {Measure.Ms(floor),10} {Measure.Ms(newtonsoft),11} {Measure.Ms(read),8} {Measure.Ms(scanText),10} {textRatio,10:F2}x {Measure.Ms(scan),8} {scan / floor,10:F2}x {scanCpu / floorCpu,9:F2}x {megabytes / scan.TotalSeconds,10:F0} " +
                              $"{Measure.Mib(Measure.MedianOf(allocated)),10} {Measure.Ms(Measure.MedianOf(processRuns.Select(r => r.Wall))),8} {Measure.Mib(processRuns.Max(r => r.PeakBytes)),10}");
        }
    }
}
