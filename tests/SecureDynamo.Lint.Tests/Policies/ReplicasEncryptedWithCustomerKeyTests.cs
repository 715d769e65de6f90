using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Tests.Support;
using SecureDynamo.Lint.Tests.Terraform;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>dynamodb:010 on a replica without kms_key_arn: a fail whatever the table's encryption, told as it is.</summary>
public sealed class ReplicasEncryptedWithCustomerKeyTests
{
    private static EvaluationResult Judge(string encryption)
    {
        using var m = new TempModule(("main.tf", $$"""
            variable "sse" {
              type = bool
            }
            resource "aws_dynamodb_table" "t" {
              name         = "orders"
              billing_mode = "PAY_PER_REQUEST"
              hash_key     = "pk"
              attribute {
                name = "pk"
                type = "S"
              }
              {{encryption}}
              replica {
                region_name = "eu-west-1"
              }
            }
            """));
        return Assert.Single(BuiltInPolicies.Run(m.Read().Graph, "dynamodb:010"));
    }

    [Theory]
    [InlineData("server_side_encryption {\n enabled = true\n }", "uses the AWS managed key alias/aws/dynamodb")]
    [InlineData("server_side_encryption {\n enabled = false\n }", "the table's server_side_encryption is off, so the replica uses an AWS owned key")]
    [InlineData("", "the table's server_side_encryption is off, so the replica uses an AWS owned key")]
    // The table's encryption undecided: the replica still has no customer managed key, and the message does not claim it is off.
    [InlineData("server_side_encryption {\n enabled = var.sse\n }", "uses an AWS owned or AWS managed key (the table's server_side_encryption.enabled is known only after apply)")]
    public void A_replica_without_a_key_fails_and_says_which_key_it_uses(string encryption, string expected)
    {
        var result = Judge(encryption);
        Assert.True(result.Status == Status.Fail, result.Message);
        Assert.Contains("replica eu-west-1: kms_key_arn is not set", result.Message, StringComparison.Ordinal);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }
}
