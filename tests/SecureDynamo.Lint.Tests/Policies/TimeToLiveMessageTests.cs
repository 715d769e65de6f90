using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Tests.Support;
using SecureDynamo.Lint.Tests.Terraform;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>dynamodb:014 tells a missing ttl block from one whose flag is left unset or off, as dynamodb:002 does.</summary>
public sealed class TimeToLiveMessageTests
{
    [Theory]
    [InlineData("", "ttl is not configured")]
    [InlineData("ttl {\n  attribute_name = \"exp\"\n}", "ttl.enabled is not set (off by default)")]
    [InlineData("ttl {\n  attribute_name = \"exp\"\n  enabled        = false\n}", "ttl is disabled")]
    public void The_failure_names_what_is_written(string block, string message)
    {
        using var m = new TempModule(("main.tf", $$"""
            resource "aws_dynamodb_table" "t" {
              name         = "t"
              billing_mode = "PAY_PER_REQUEST"
              hash_key     = "id"
              attribute {
                name = "id"
                type = "S"
              }
              {{block}}
            }
            """));
        var result = Assert.Single(BuiltInPolicies.Run(m.Read().Graph, "dynamodb:014"));
        Assert.Equal(Status.Fail, result.Status);
        Assert.Contains(message, result.Message, StringComparison.Ordinal);
    }
}
