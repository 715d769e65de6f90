using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Tests.Support;
using SecureDynamo.Lint.Tests.Terraform;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>dynamodb:013 on Terraform source: what the message says stream_enabled is.</summary>
public sealed class StreamsInSourceTests
{
    [Theory]
    [InlineData("false", "stream_enabled is false;")]
    [InlineData("[true]", "stream_enabled is [true], not a boolean;")]
    [InlineData(null, "stream_enabled is not set (off);")]
    public void A_table_without_a_stream_says_what_stream_enabled_is(string? value, string expected)
    {
        using var m = new TempModule(("main.tf", $$"""
            resource "aws_dynamodb_table" "t" {
              name         = "t"
              billing_mode = "PAY_PER_REQUEST"
              hash_key     = "id"
              {{(value is null ? "" : "stream_enabled = " + value)}}
            }
            """));
        var result = Assert.Single(BuiltInPolicies.Run(m.Read().Graph, "dynamodb:013"));
        Assert.Equal(Status.Fail, result.Status);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }
}
