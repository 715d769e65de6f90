using System.Diagnostics;
using System.Text;
using SecureDynamo.Lint.Plan;
using SecureDynamo.Lint.Policies.Engine;
using SecureDynamo.Lint.Reporting;

namespace SecureDynamo.Lint.Benchmarks;

/// <summary>
/// Where a plan scan's time goes (<c>--suite phases</c>): the floor, reading, the policies, and
/// each report format written to a discarded UTF-8 stream, measured one after the other in-process.
/// </summary>
public sealed class PhaseSuite : IBenchmarkSuite
{
    public string Key => "phases";

    public string Name => "plan scan phases";

    public void Run(BenchmarkContext context)
    {
        // The 16x plan by default; --quick stays with the 4x one (it never writes the 108 MB plan), --size picks one.
        var name = context.Only ?? (context.Quick ? "4x" : "16x");
        var shape = PlanShape.Linearity.FirstOrDefault(s => s.Name == name) ?? PlanShape.Linearity.Last();
        var path = PlanFiles.Ensure(context, shape);
        var catalog = PolicyCatalog.BuiltIn();
        var options = new PlanReadOptions(catalog.ResourceTypes());
        var engine = new PolicyEngine(catalog, new PolicySelection(null, new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, PolicyOptions>()));
        var baseline = GC.GetTotalMemory(true);
        var graph = PlanReader.ReadFile(path, options);
        var graphBytes = GC.GetTotalMemory(true) - baseline;
        var results = engine.Run(graph);
        var resultBytes = GC.GetTotalMemory(true) - baseline - graphBytes;
        var report = new ScanReport("bench", [new ScanInput(path, "plan", graph.ManagedResourceCount)], results, catalog.Policies.Select(p => p.Metadata).ToArray(), Core.Evaluation.Severity.Low, false, []);

        Console.WriteLine($"{shape.Name}: {new FileInfo(path).Length / 1e6:F1} MB, {graph.ManagedResourceCount} resources read, {results.Count} results; live after reading {Measure.Mib(graphBytes)}, results {Measure.Mib(resultBytes)}");
        Row("floor (Utf8JsonReader pass)", () => JsonFloor.Utf8JsonReaderPass(path));
        Row("read (PlanReader.ReadFile)", () => PlanReader.ReadFile(path, options));
        Row("policies (PolicyEngine.Run)", () => engine.Run(graph));
        foreach (var format in ReportFormats.Names)
        {
            Row($"report {format}", () =>
            {
                using var output = new StreamWriter(Stream.Null, new UTF8Encoding(false), 1 << 16);
                ReportFormats.Find(format)!(report, output, false);
            });
        }
    }

    private void Row(string name, Action action)
    {
        var before = GC.GetTotalAllocatedBytes(true);
        // Collections and their pauses per run, the forced collection between runs left out.
        var pauses = TimeSpan.Zero;
        int gen0 = 0, gen1 = 0;
        var wall = Measure.Median(5, () =>
        {
            var (pause, g0, g1) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1));
            action();
            pauses += GC.GetTotalPauseDuration() - pause;
            gen0 += GC.CollectionCount(0) - g0;
            gen1 += GC.CollectionCount(1) - g1;
        }, out var cpu);
        var allocated = (GC.GetTotalAllocatedBytes(true) - before) / 6;
        Console.WriteLine($"  {name,-32} {Measure.Ms(wall),9} wall {Measure.Ms(cpu),9} cpu {Measure.Mib(allocated),12} allocated/run {Measure.Ms(pauses / 6),7} GC pauses/run ({gen0 / 6.0:F1} gen0, {gen1 / 6.0:F1} gen1)");
    }
}
