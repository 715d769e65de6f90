using SecureDynamo.Lint.Cli;

namespace SecureDynamo.Lint.Benchmarks;

/// <summary>
/// The HCL front end at monorepo scale: <c>securedynamo scan &lt;root&gt;</c> over a generated tree of
/// 2,000 <c>.tf</c> files in 100 root modules (parse, evaluate, check, JSON report), in-process and as
/// a fresh process (the CLI under test and the installed tool), against HashiCorp's reference parser <c>hcl2ast</c> parsing the same files.
/// </summary>
/// <param name="hcl2ast">The oracle binary (<c>--hcl2ast PATH</c>), or null to look in the usual places.</param>
public sealed class HclScanSuite(string? hcl2ast) : IBenchmarkSuite
{
    private const string GeneratorVersion = "v1";
    private static readonly string[] OracleLocations = ["/tmp/oracle/hcl2ast", "../shared/tools/hcl-oracle/hcl2ast", "/work/shared/tools/hcl-oracle/hcl2ast"];

    public string Key => "hcl";

    public string Name => "HCL monorepo scan";

    public void Run(BenchmarkContext context)
    {
        var root = Ensure(context);
        var files = Directory.GetFiles(root, "*.tf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var megabytes = files.Sum(f => new FileInfo(f).Length) / 1e6;
        var roots = Directory.GetDirectories(Path.Combine(root, "services"), "*", SearchOption.AllDirectories).Count(d => Directory.EnumerateFiles(d, "*.tf").Any());
        Console.WriteLine($"{files.Length} .tf files, {megabytes:F1} MB, {roots} root modules (+ a shared module each reads), {Environment.ProcessorCount} cores");

        var allocated = new List<long>();
        var scan = Measure.Median(context.Runs, () =>
        {
            var before = GC.GetTotalAllocatedBytes(true);
            var code = CliApp.Run(["scan", "--format", "json", root], DiscardingConsole.Create());
            if (code == CliApp.Error) throw new InvalidOperationException($"scan of {root} failed with exit code 2");
            allocated.Add(GC.GetTotalAllocatedBytes(true) - before);
        }, out var scanCpu);
        // Fresh processes, alternating so that all see the same load: the CLI under test, the installed tool pre-commit
        // runs (unless --quick), and the reference parser in its full and its leanest output (structure and values only).
        var scanArgs = new[] { "scan", "--format", "json", root };
        var contestants = new List<(string Name, CliCommand Cli, string[] Args, bool Ours)> { ("scan, fresh process", context.Cli, scanArgs, true) };
        if (!context.Quick) contestants.Add(("scan, fresh process (installed tool)", InstalledTool.Install(context), scanArgs, true));
        var oracle = FindOracle();
        if (oracle is not null)
        {
            contestants.Add(("hcl2ast (full AST)", new CliCommand(oracle, []), files, false));
            contestants.Add(("hcl2ast -ast=false -comments=false", new CliCommand(oracle, ["-ast=false", "-comments=false"]), files, false));
        }
        var runs = contestants.Select(_ => new List<ProcessRun>()).ToArray();
        for (var i = -1; i < Math.Max(3, context.Runs / 2); i++)
        {
            for (var c = 0; c < contestants.Count; c++)
            {
                var (name, cli, args, ours) = contestants[c];
                var run = cli.Run(args);
                if (ours ? run.ExitCode == CliApp.Error : run.ExitCode != 0) throw new InvalidOperationException($"{name} failed (exit {run.ExitCode}): {run.Stderr}");
                if (i >= 0) runs[c].Add(run);
            }
        }
        var walls = runs.Select(r => Measure.MedianOf(r.Select(x => x.Wall))).ToArray();

        Console.WriteLine($"{"",-36} {"wall",8} {"cpu",8} {"files/s",9} {"MB/s",7} {"peak RSS",10} {"alloc/run",10}");
        Row("scan, in-process (warm)", scan, scanCpu, files.Length, megabytes, null, Measure.MedianOf(allocated));
        for (var c = 0; c < contestants.Count; c++) Row(contestants[c].Name, walls[c], null, files.Length, megabytes, runs[c].Max(r => r.PeakBytes), null);
        if (oracle is null)
        {
            Console.WriteLine("hcl2ast comparison skipped: no hcl2ast binary found (build it with ../shared/tools/hcl-oracle/build.sh, " +
                              $"or pass --hcl2ast PATH; looked in {string.Join(", ", hcl2ast is null ? OracleLocations : [hcl2ast])})");
            return;
        }
        var fastest = Enumerable.Range(0, contestants.Count).Where(c => !contestants[c].Ours).Min(c => walls[c]);
        Console.WriteLine($"scan / fastest hcl2ast (which parses only): in-process {scan / fastest:F2}x" +
                          string.Concat(Enumerable.Range(0, contestants.Count).Where(c => contestants[c].Ours)
                              .Select(c => $", {contestants[c].Name["scan, ".Length..]} {walls[c] / fastest:F2}x ({(walls[c] < fastest ? "faster" : "slower")})")));
    }

    private static void Row(string name, TimeSpan wall, TimeSpan? cpu, int files, double megabytes, long? peak, long? allocated) =>
        Console.WriteLine($"{name,-36} {Measure.Ms(wall),8} {(cpu is { } c ? Measure.Ms(c) : "-"),8} {files / wall.TotalSeconds,9:F0} {megabytes / wall.TotalSeconds,7:F1} " +
                          $"{(peak is { } p ? Measure.Mib(p) : "-"),10} {(allocated is { } a ? Measure.Mib(a) : "-"),10}");

    private string? FindOracle()
    {
        if (hcl2ast is not null) return File.Exists(hcl2ast) ? Path.GetFullPath(hcl2ast) : null;
        return OracleLocations.Where(File.Exists).Select(Path.GetFullPath).FirstOrDefault();
    }

    private static string Ensure(BenchmarkContext context)
    {
        var root = context.Input($"hcl-monorepo-{GeneratorVersion}");
        if (Directory.Exists(root)) return root;
        var temp = root + ".tmp";
        if (Directory.Exists(temp)) Directory.Delete(temp, true);
        HclMonorepoGenerator.Write(temp);
        Directory.Move(temp, root);
        return root;
    }

    /// <summary>Writes the monorepo (for <c>--generate-only</c>) and returns its root.</summary>
    public static string Generate(BenchmarkContext context) => Ensure(context);
}
