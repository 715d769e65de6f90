using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Tests.Support;
using SecureDynamo.Lint.Tests.Terraform;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>
/// dynamodb:005 over several selections: pass when one certainly selects the table for a plan with a rule;
/// else unknown when one may (its match or its plan's rule undecided); else fail. A selection whose plan has
/// no rule backs nothing up, so its failure never settles a selection that may cover the table.
/// </summary>
public sealed class BackupSelectionCombinationTests
{
    private const string Table = """
        provider "aws" {
          region = "eu-west-2"
        }
        resource "aws_dynamodb_table" "archive" {
          name         = "finance-archive"
          billing_mode = "PAY_PER_REQUEST"
          hash_key     = "id"
          attribute {
            name = "id"
            type = "S"
          }
        }
        resource "aws_backup_plan" "daily" {
          name = "daily"
          rule {
            rule_name         = "daily"
            target_vault_name = "v"
            schedule          = "cron(0 2 * * ? *)"
          }
        }
        resource "aws_backup_plan" "weekly" {
          name = "weekly"
        }
        """;

    private static EvaluationResult Judge(params (string Name, string Plan, string Resources)[] selections)
    {
        var text = Table + string.Concat(selections.Select(s => $$"""

            resource "aws_backup_selection" "{{s.Name}}" {
              name         = "{{s.Name}}"
              plan_id      = aws_backup_plan.{{s.Plan}}.id
              iam_role_arn = "arn:aws:iam::111122223333:role/backup"
              resources    = {{s.Resources}}
            }
            """));
        using var m = new TempModule(("main.tf", text));
        return BuiltInPolicies.Run(m.Read().Graph, "dynamodb:005").Single(r => r.ResourceAddress == "aws_dynamodb_table.archive");
    }

    // The account of a table in Terraform source is known only after apply: a literal ARN may or may not name it.
    private const string LiteralArn = "[\"arn:aws:dynamodb:eu-west-2:111122223333:table/finance-archive\"]";
    private const string EveryTable = "[\"arn:aws:dynamodb:*:*:table/*\"]";

    [Fact]
    public void A_selection_that_may_cover_the_table_keeps_it_unknown_when_another_selects_it_for_a_plan_with_no_rule()
    {
        var result = Judge(("archive", "daily", LiteralArn), ("weekly_all", "weekly", EveryTable));
        Assert.True(result.Status == Status.Unknown, result.Message);
        Assert.Contains("aws_backup_selection.archive", result.Message);
        // Listed in either order, the verdict is the same.
        var reversed = Judge(("weekly_all", "weekly", EveryTable), ("archive", "daily", LiteralArn));
        Assert.True(reversed.Status == Status.Unknown, reversed.Message);
        Assert.Contains("aws_backup_selection.archive", reversed.Message);
    }

    [Theory]
    // AWS Backup selects by ARN: the table's name (id) or its stream's ARN selects nothing.
    [InlineData("[aws_dynamodb_table.archive.arn]", Status.Pass)]
    [InlineData("[aws_dynamodb_table.archive.id]", Status.Fail)]
    [InlineData("[aws_dynamodb_table.archive.stream_arn]", Status.Fail)]
    public void A_reference_selects_the_table_only_by_its_arn(string resources, Status expected)
    {
        var result = Judge(("archive", "daily", resources));
        Assert.True(result.Status == expected, result.Message);
    }

    [Fact]
    public void A_selection_for_a_plan_with_a_rule_decides_and_one_with_no_rule_alone_fails()
    {
        var pass = Judge(("weekly_all", "weekly", EveryTable), ("all", "daily", EveryTable));
        Assert.True(pass.Status == Status.Pass, pass.Message);
        var ruleless = Judge(("weekly_all", "weekly", EveryTable));
        Assert.True(ruleless.Status == Status.Fail, ruleless.Message);
        Assert.Contains("aws_backup_selection.weekly_all selects it but its plan aws_backup_plan.weekly has no rule", ruleless.Message);
        // A selection that only may cover the table, for a plan with no rule, backs nothing up either.
        var mayButRuleless = Judge(("archive", "weekly", LiteralArn));
        Assert.True(mayButRuleless.Status == Status.Fail, mayButRuleless.Message);
        Assert.Contains("aws_backup_selection.archive may select it", mayButRuleless.Message);
    }

    [Fact]
    public void Unanalysed_modules_may_hold_a_covering_selection_before_a_selection_for_a_plan_with_no_rule_fails_it()
    {
        using var m = new TempModule(("main.tf", Table + """

            resource "aws_backup_selection" "weekly_all" {
              name         = "all"
              plan_id      = aws_backup_plan.weekly.id
              iam_role_arn = "arn:aws:iam::111122223333:role/backup"
              resources    = ["arn:aws:dynamodb:*:*:table/*"]
            }
            module "backup" {
              source = "git::https://example.com/backup.git"
            }
            """));
        var result = BuiltInPolicies.Run(m.Read().Graph, "dynamodb:005").Single(r => r.ResourceAddress == "aws_dynamodb_table.archive");
        Assert.True(result.Status == Status.Unknown, result.Message);
        Assert.Contains("module.backup", result.Message);
    }
}
