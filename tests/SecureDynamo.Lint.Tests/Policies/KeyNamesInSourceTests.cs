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

    [Theory]
    [InlineData("for_each = toset([\"dev\", \"prod\"])", "aws_kms_key.k[var.env].arn", "aws_kms_key.k", new[] { "aws_kms_key.k[\"dev\"]", "aws_kms_key.k[\"prod\"]" })]
    [InlineData("count = 2", "aws_kms_key.k[var.idx].arn", "aws_kms_key.k", new[] { "aws_kms_key.k[0]", "aws_kms_key.k[1]" })]
    public void A_key_instance_picked_by_a_key_known_only_after_apply_is_one_of_the_keys(string repetition, string reference, string named, string[] rotationFailures)
    {
        using var m = new TempModule(("main.tf", $$"""
            variable "env" { type = string }
            variable "idx" { type = number }
            resource "aws_kms_key" "k" {
              {{repetition}}
              enable_key_rotation = false
            }
            {{EncryptedTable(reference)}}
            """));
        var graph = m.Read().Graph;
        var encryption = Assert.Single(BuiltInPolicies.Run(graph, "dynamodb:001"));
        Assert.True(encryption.Status == Status.Pass, encryption.Message);
        Assert.EndsWith($"the customer managed key {named}", encryption.Message);
        // Whichever the key turns out to be, it does not rotate: every candidate is judged.
        var rotation = BuiltInPolicies.Run(graph, "dynamodb:016").Where(r => r.Status == Status.Fail).Select(r => r.ResourceAddress).Order(StringComparer.Ordinal);
        Assert.Equal(rotationFailures, rotation);
    }

    [Theory]
    [InlineData("alias/orders", Status.Pass)]
    [InlineData("alias/aws/dynamodb", Status.Fail)]
    public void An_instance_of_a_kms_data_source_looks_up_its_own_key_not_its_siblings(string picked, Status expected)
    {
        using var m = new TempModule(("main.tf", $$"""
            data "aws_kms_key" "k" {
              for_each = toset(["alias/aws/dynamodb", "alias/orders"])
              key_id   = each.key
            }
            {{EncryptedTable($"data.aws_kms_key.k[\"{picked}\"].arn")}}
            """));
        var result = Assert.Single(BuiltInPolicies.Run(m.Read().Graph, "dynamodb:001"));
        Assert.True(result.Status == expected, result.Message);
    }

    [Fact]
    public void A_reference_to_one_key_instance_links_that_instance_only()
    {
        using var m = new TempModule(("main.tf", $$"""
            resource "aws_kms_key" "k" {
              for_each            = toset(["blue", "green"])
              enable_key_rotation = false
            }
            {{EncryptedTable("aws_kms_key.k[\"blue\"].arn")}}
            """));
        var rotation = BuiltInPolicies.Run(m.Read().Graph, "dynamodb:016").Where(r => r.Status == Status.Fail).Select(r => r.ResourceAddress);
        Assert.Equal(["aws_kms_key.k[\"blue\"]"], rotation);
    }

    /// <summary>A table encrypted with the key written as <paramref name="kmsKeyArn"/>.</summary>
    private static string EncryptedTable(string kmsKeyArn) => $$"""
        resource "aws_dynamodb_table" "t" {
          name         = "t"
          billing_mode = "PAY_PER_REQUEST"
          hash_key     = "id"
          server_side_encryption {
            enabled     = true
            kms_key_arn = {{kmsKeyArn}}
          }
        }
        """;
}
