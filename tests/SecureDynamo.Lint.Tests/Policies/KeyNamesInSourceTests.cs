using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Tests.Support;
using SecureDynamo.Lint.Tests.Terraform;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>dynamodb:001 names a key declared in a module as it is reached from the root.</summary>
public sealed class KeyNamesInSourceTests
{
    [Fact]
    public void A_key_from_a_module_is_named_with_its_module()
    {
        using var m = new TempModule(
            ("main.tf", """
                module "keys" {
                  source = "./keys"
                }
                resource "aws_dynamodb_table" "t" {
                  name         = "t"
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"
                  server_side_encryption {
                    enabled     = true
                    kms_key_arn = module.keys.arn
                  }
                }
                """),
            ("keys/main.tf", """
                resource "aws_kms_key" "this" {
                  enable_key_rotation = true
                }
                output "arn" {
                  value = aws_kms_key.this.arn
                }
                """));
        var result = Assert.Single(BuiltInPolicies.Run(m.Read().Graph, "dynamodb:001"));
        Assert.Equal(Status.Pass, result.Status);
        Assert.EndsWith("is the customer managed key module.keys.aws_kms_key.this.arn", result.Message, StringComparison.Ordinal);
    }
}
