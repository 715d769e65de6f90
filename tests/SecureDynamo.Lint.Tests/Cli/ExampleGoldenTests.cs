using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Cli;

/// <summary>The README's first command, through the real binary: its text and JSON output are fixed by golden files.</summary>
public sealed class ExampleGoldenTests
{
    private const string Example = "fixtures/example/plan.json";

    [Fact]
    public void Text_report_of_the_bundled_example()
    {
        var run = BinaryRunner.Run("scan", Example);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Golden.Assert("Cli/Golden/example.txt", run.Stdout);
    }

    [Fact]
    public void Json_report_of_the_bundled_example()
    {
        var run = BinaryRunner.Run("scan", Example, "--format", "json");
        Assert.Equal(1, run.ExitCode);
        Golden.Assert("Cli/Golden/example.json", run.Stdout);
    }

    [Fact]
    public void Reports_are_byte_identical_across_runs()
    {
        var first = CliRun.InProcess("scan", RepositoryPaths.InFixtures("example", "plan.json"), "--format", "json");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(first.Stdout, CliRun.InProcess("scan", RepositoryPaths.InFixtures("example", "plan.json"), "--format", "json").Stdout);
        }
    }
}
