using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Tests.Support;
using SecureDynamo.Lint.Tests.Terraform;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>dynamodb:005: AWS Backup plans and selections are regional; a selection covers tables of its own region only.</summary>
public sealed class BackupSelectionRegionTests
{
    private const string Providers = """
        provider "aws" {
          region = "eu-west-1"
        }
        provider "aws" {
          alias  = "us"
          region = "us-east-1"
        }
        resource "aws_backup_plan" "p" {
          name = "p"
          rule {
            rule_name         = "daily"
            target_vault_name = "v"
            schedule          = "cron(0 3 * * ? *)"
          }
        }
        resource "aws_backup_selection" "all" {
          name         = "all"
          plan_id      = aws_backup_plan.p.id
          iam_role_arn = "arn:aws:iam::111122223333:role/backup"
          resources    = ["*"]
        }
        """;

    private static Dictionary<string, EvaluationResult> Judge(string tables)
    {
        using var m = new TempModule(("main.tf", Providers + "\n" + tables));
        return BuiltInPolicies.Run(m.Read().Graph, "dynamodb:005").ToDictionary(r => r.ResourceAddress);
    }

    [Fact]
    public void A_selection_of_every_resource_covers_the_tables_of_its_region_only()
    {
        var results = Judge("""
            resource "aws_dynamodb_table" "eu" {
              name         = "orders"
              hash_key     = "id"
              billing_mode = "PAY_PER_REQUEST"
              attribute {
                name = "id"
                type = "S"
              }
            }
            resource "aws_dynamodb_table" "us" {
              provider     = aws.us
              name         = "orders"
              hash_key     = "id"
              billing_mode = "PAY_PER_REQUEST"
              attribute {
                name = "id"
                type = "S"
              }
            }
            """);
        Assert.True(results["aws_dynamodb_table.eu"].Status == Status.Pass, results["aws_dynamodb_table.eu"].Message);
        var us = results["aws_dynamodb_table.us"];
        Assert.True(us.Status == Status.Fail, us.Message);
        Assert.Contains("aws_backup_selection.all is in eu-west-1", us.Message, StringComparison.Ordinal);
        Assert.Contains("the table is in us-east-1", us.Message, StringComparison.Ordinal);
    }
}
