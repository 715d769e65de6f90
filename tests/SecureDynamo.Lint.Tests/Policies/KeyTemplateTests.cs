using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Tests.Support;
using SecureDynamo.Lint.Tests.Terraform;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>
/// dynamodb:001 on a key ARN written as a template in Terraform source: parts known only after apply (the account,
/// the region) cannot make <c>alias/aws/dynamodb</c> a customer managed key, so the verdict is decided.
/// </summary>
public sealed class KeyTemplateTests
{
    private static EvaluationResult Judge(string key)
    {
        using var m = new TempModule(("main.tf", $$"""
            data "aws_caller_identity" "current" {}
            variable "alias" {
              type = string
            }
            resource "aws_dynamodb_table" "t" {
              name         = "orders"
              billing_mode = "PAY_PER_REQUEST"
              hash_key     = "pk"
              attribute {
                name = "pk"
                type = "S"
              }
              server_side_encryption {
                enabled     = true
                kms_key_arn = {{key}}
              }
            }
            """));
        return Assert.Single(BuiltInPolicies.Run(m.Read().Graph, "dynamodb:001"));
    }

    [Fact]
    public void The_aws_managed_alias_arn_with_an_account_known_only_after_apply_fails()
    {
        var result = Judge("\"arn:aws:kms:eu-west-1:${data.aws_caller_identity.current.account_id}:alias/aws/dynamodb\"");
        Assert.True(result.Status == Status.Fail, result.Message);
        Assert.Contains("the AWS managed key \"arn:aws:kms:eu-west-1:${data.aws_caller_identity.current.account_id}:alias/aws/dynamodb\"", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_aws_managed_alias_arn_made_with_format_fails_too()
    {
        var result = Judge("format(\"arn:aws:kms:%s:%s:alias/aws/dynamodb\", \"eu-west-1\", data.aws_caller_identity.current.account_id)");
        Assert.True(result.Status == Status.Fail, result.Message);
        Assert.Contains("\"arn:aws:kms:eu-west-1:${data.aws_caller_identity.current.account_id}:alias/aws/dynamodb\"", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_aws_managed_alias_arn_built_with_the_aws_provider_function_fails_too()
    {
        var result = Judge("provider::aws::arn_build(\"aws\", \"kms\", \"eu-west-1\", data.aws_caller_identity.current.account_id, \"alias/aws/dynamodb\")");
        Assert.True(result.Status == Status.Fail, result.Message);
    }

    [Theory]
    // The alias itself is not known: it may be a customer alias.
    [InlineData("format(\"arn:aws:kms:eu-west-1:%s:alias/%s\", data.aws_caller_identity.current.account_id, var.alias)")]
    // A verb that pads the unknown part: what the text is cannot be told.
    [InlineData("format(\"%20s:alias/aws/dynamodb\", data.aws_caller_identity.current.account_id)")]
    [InlineData("\"arn:aws:kms:eu-west-1:${data.aws_caller_identity.current.account_id}:alias/${var.alias}\"")]
    [InlineData("\"arn:aws:kms:eu-west-1:${data.aws_caller_identity.current.account_id}:${var.alias}\"")]
    public void A_template_whose_alias_is_known_only_after_apply_stays_unknown(string key)
    {
        var result = Judge(key);
        Assert.True(result.Status == Status.Unknown, result.Message);
    }
}
