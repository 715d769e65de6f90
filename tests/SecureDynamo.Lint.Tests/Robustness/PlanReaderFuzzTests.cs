using System.Text;
using CsCheck;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Plan;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Tests.Robustness;

/// <summary>
/// Property tests of the JSON plan reader: any input gives a graph or an <see cref="InputException"/>
/// naming the file on one line, never another exception. Each read is bounded by a cancellation
/// deadline, so a hang fails the property instead of the test run.
/// </summary>
public sealed class PlanReaderFuzzTests
{
    private const string File = "fuzz.json";
    private static readonly PlanReadOptions PolicyTypes = new(PolicyCatalog.BuiltIn().ResourceTypes());

    private static readonly string[] Tokens =
    [
        "null", "true", "0", "-0", "1e999", "1.5", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "[", "]", "{", "}", ",", ":", "[]", "{}",
        "\"change\"", "\"after\"", "\"resource_changes\"", "\"configuration\"", "\"root_module\"", "\"planned_values\"", "\"aws_dynamodb_table\"",
    ];

    [Fact]
    public void Any_bytes_give_a_graph_or_an_input_error() =>
        Gen.Byte.Array[0, 300].Sample(ReadsCleanly, iter: 3000);

    [Fact]
    public void Json_like_text_gives_a_graph_or_an_input_error() =>
        Gen.Int[0, Tokens.Length - 1].Select(i => Tokens[i]).Array[0, 40]
            .Select(parts => Encoding.UTF8.GetBytes("{\"format_version\":\"1.2\",\"resource_changes\":[{\"type\":\"aws_dynamodb_table\",\"name\":\"t\"," + string.Concat(parts)))
            .Sample(ReadsCleanly, iter: 3000);

    [Fact]
    public void Mutated_plans_give_a_graph_or_an_input_error() =>
        Gen.Int[0, Plans.Seeds.Count - 1].SelectMany(i => Mutated(Plans.Seeds[i])).Sample(ReadsCleanly, iter: 2000);

    private static Gen<byte[]> Mutated(byte[] seed) => Gen.OneOf(
        Gen.Int[0, seed.Length].Select(n => seed[..n]),
        Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Byte, (i, b) => Replace(seed, i, 1, [b])),
        Gen.Select(Gen.Int[0, seed.Length], Gen.Byte.Array[1, 8], (i, bytes) => Replace(seed, i, 0, bytes)),
        Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Int[1, 200], (i, n) => Replace(seed, i, Math.Min(n, seed.Length - i), [])),
        Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Int[0, 12], Gen.Int[0, Tokens.Length - 1].Select(i => Tokens[i]), (i, n, token) => Replace(seed, i, Math.Min(n, seed.Length - i), Encoding.UTF8.GetBytes(token))));

    private static byte[] Replace(byte[] seed, int at, int remove, byte[] insert) => [.. seed[..at], .. insert, .. seed[(at + remove)..]];

    private static void ReadsCleanly(byte[] input)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            var graph = PlanReader.Read(File, new MemoryStream(input, writable: false), PolicyTypes with { Cancellation = deadline.Token });
            Assert.True(graph.ManagedResourceCount >= graph.Resources.Count(r => r.Mode == SecureDynamo.Lint.Core.Graph.ResourceMode.Managed));
        }
        catch (InputException e)
        {
            Assert.StartsWith(File, e.Message);
            Assert.False(e.Message.Contains('\n'), "not one line: " + e.Message);
        }
    }
}
