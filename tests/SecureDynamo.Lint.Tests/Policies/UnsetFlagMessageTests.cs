using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Tests.Support;
using SecureDynamo.Lint.Tests.Terraform;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>
/// dynamodb:002 and 014 tell a missing block from a block whose flag is left unset or off: each fails, each is named
/// as written.
/// </summary>
public sealed class UnsetFlagMessageTests
{
    [Theory]
    [InlineData("dynamodb:002", "", "point_in_time_recovery is not configured (off by default)")]
    [InlineData("dynamodb:002", "point_in_time_recovery {\n  enabled = null\n}", "point_in_time_recovery.enabled is not set (off by default)")]
    [InlineData("dynamodb:002", "point_in_time_recovery {}", "point_in_time_recovery.enabled is not set (off by default)")]
    [InlineData("dynamodb:002", "point_in_time_recovery {\n  enabled = false\n}", "point_in_time_recovery is disabled")]
    [InlineData("dynamodb:014", "", "ttl is not configured")]
    [InlineData("dynamodb:014", "ttl {\n  attribute_name = \"exp\"\n}", "ttl.enabled is not set (off by default)")]
    [InlineData("dynamodb:014", "ttl {\n  attribute_name = \"exp\"\n  enabled        = false\n}", "ttl is disabled")]
    public void The_failure_names_what_is_written(string policy, string block, string message)
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
        var result = Assert.Single(BuiltInPolicies.Run(m.Read().Graph, policy));
        Assert.Equal(Status.Fail, result.Status);
        Assert.StartsWith("aws_dynamodb_table.t: " + message + ";", result.Message);
    }
}
