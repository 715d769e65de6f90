using System.Text;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Robustness;

/// <summary>The real program on broken input: exit 2, one line, never a stack trace on stderr.</summary>
public sealed class RealProcessTests : IDisposable
{
    private readonly TempInput _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, byte[]> Inputs() => new()
    {
        { "truncated", Encoding.UTF8.GetBytes(Plans.Valid()[..100]) },
        { "deep", Encoding.UTF8.GetBytes("{\"format_version\":\"1.2\",\"checks\":" + new string('[', 200_000)) },
        { "invalid-utf8", [.. Encoding.UTF8.GetBytes("{\"format_version\":\"1."), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}")] },
        { "nul", new byte[1000] },
        { "wrong-types", Encoding.UTF8.GetBytes(Plans.Valid(configuration: "{\"root_module\":[1,2]}")) },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Broken_input_never_shows_a_stack_trace(string name, byte[] content)
    {
        var path = _temp.Write(name + ".json", content);

        var run = BinaryRunner.Run("scan", "--format", "json", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var line = Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"securedynamo: {path}", line);
        Assert.DoesNotContain("Exception", line);
        Assert.DoesNotContain("internal error", line);
    }

    [Fact]
    public void Garbage_on_standard_input_is_refused_the_same_way()
    {
        var run = BinaryRunner.RunWith("{\"format_version\":\"1.2\",\"resource_changes\":[{]}", null, "scan", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("securedynamo: <stdin>:1:", Assert.Single(run.Stderr.TrimEnd('\n').Split('\n')));
    }
}
