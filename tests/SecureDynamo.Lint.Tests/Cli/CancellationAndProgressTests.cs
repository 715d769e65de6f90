using SecureDynamo.Lint.Cli;
using SecureDynamo.Lint.Cli.Scanning;
using SecureDynamo.Lint.Plan;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Cli;

/// <summary>Ctrl-C and the progress line of long scans.</summary>
public sealed class CancellationAndProgressTests
{
    [Fact]
    public void A_cancelled_scan_exits_130_with_one_line()
    {
        var plan = Directory.EnumerateFiles(RepositoryPaths.Policies, "*.json", SearchOption.AllDirectories).First(p => p.Contains("cases", StringComparison.Ordinal));
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = CliApp.Run(["scan", plan], new CliConsole(stdout, stderr, false, _ => null), interrupt.Token);

        Assert.Equal(130, code);
        Assert.Equal("securedynamo: cancelled" + Environment.NewLine, stderr.ToString());
        Assert.Equal("", stdout.ToString());
    }

    [Fact]
    public void The_progress_line_is_rewritten_in_place_and_erased_at_the_end()
    {
        var stderr = new StringWriter();

        using (var line = new ProgressLine(stderr, "big.json"))
        {
            line.Report(new PlanReadProgress(12_000_000, 1234));
            line.Report(new PlanReadProgress(45_000_000, 5));
        }

        var first = "securedynamo: reading big.json: 1,234 resources, 12 MB";
        var second = "securedynamo: reading big.json: 5 resources, 45 MB";
        Assert.Equal("\r" + first + "\r" + second.PadRight(first.Length) + "\r" + new string(' ', first.Length) + "\r", stderr.ToString());
    }
}
