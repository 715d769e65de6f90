using SecureDynamo.Lint.Benchmarks;

// dotnet run -c Release --project tests/SecureDynamo.Lint.Benchmarks -- [--quick] [--runs N] [--cli PATH] [--dir DIR] [--size 1x|4x|16x] [--suite plan|startup|hcl] [--hcl2ast PATH] [--generate-only]
var quick = args.Contains("--quick");
var runs = Option("--runs") is { } r ? int.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : quick ? 3 : 7;
var dir = Option("--dir") ?? Path.Combine(Path.GetTempPath(), "securedynamo-bench");
var cli = Option("--cli") is { } c ? new CliCommand(Path.GetFullPath(c), []) : CliCommand.Built();
var context = new BenchmarkContext(dir, runs, quick, cli, Option("--size"));

if (args.Contains("--generate-only"))
{
    foreach (var shape in PlanShape.Linearity.Append(PlanShape.Tiny)) Console.WriteLine(PlanFiles.Ensure(context, shape));
    Console.WriteLine(HclScanSuite.Generate(context));
    return 0;
}

IBenchmarkSuite[] suites =
[
    new PlanScanSuite(),
    new StartupSuite(),
    new HclScanSuite(Option("--hcl2ast")),
    new PhaseSuite(),
];
if (Option("--suite") is { } only) suites = suites.Where(s => s.Key == only).ToArray();

Console.WriteLine($"SecureDynamo.Lint benchmark: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, " +
                  $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}; median of {runs} runs; CLI: {cli.Describe()}; inputs in {dir}");
foreach (var suite in suites)
{
    Console.WriteLine();
    Console.WriteLine($"## {suite.Name}");
    suite.Run(context);
}
return 0;

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
