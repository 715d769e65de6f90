using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Tests.Support;
using SecureDynamo.Lint.Tests.Terraform;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>
/// An unknown verdict says why: a value apply computes is "known only after apply", while one the input never
/// gives (a root variable without a value, a name nothing defines) "has no value in the input".
/// </summary>
public sealed class UnknownValueMessageTests
{
    [Theory]
    [InlineData("dynamodb:003", "deletion_protection_enabled = True", "deletion_protection_enabled has no value in the input (True, a name nothing defines (HCL writes true in lower case))")]
    [InlineData("dynamodb:003", "deletion_protection_enabled = var.protect", "deletion_protection_enabled has no value in the input (var.protect (root variable without a value in the input))")]
    [InlineData("dynamodb:003", "deletion_protection_enabled = aws_kms_key.k.enable_key_rotation", "deletion_protection_enabled is known only after apply (aws_kms_key.k.enable_key_rotation)")]
    [InlineData("dynamodb:002", "point_in_time_recovery {\n  enabled = var.protect\n}", "point_in_time_recovery.enabled has no value in the input (var.protect (root variable without a value in the input))")]
    [InlineData("dynamodb:013", "stream_enabled = var.protect", "stream_enabled has no value in the input (var.protect (root variable without a value in the input))")]
    [InlineData("dynamodb:014", "ttl {\n  enabled = var.protect\n}", "ttl.enabled has no value in the input (var.protect (root variable without a value in the input))")]
    [InlineData("dynamodb:014", "ttl {\n  enabled = aws_kms_key.k.enable_key_rotation\n}", "ttl.enabled is known only after apply (aws_kms_key.k.enable_key_rotation)")]
    public void The_message_tells_a_value_apply_computes_from_one_the_input_never_gives(string policy, string argument, string message)
    {
        using var m = new TempModule(("main.tf", $$"""
            variable "protect" {}
            resource "aws_kms_key" "k" {}
            resource "aws_dynamodb_table" "t" {
              name         = "t"
              billing_mode = "PAY_PER_REQUEST"
              hash_key     = "id"
              attribute {
                name = "id"
                type = "S"
              }
              {{argument}}
            }
            """));
        var result = Assert.Single(BuiltInPolicies.Run(m.Read().Graph, policy), r => r.ResourceAddress == "aws_dynamodb_table.t");
        Assert.Equal(Status.Unknown, result.Status);
        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape("aws_dynamodb_table.t: " + message) + "(;|$)", result.Message);
    }

    [Fact]
    public void A_root_variable_value_Terraform_refuses_is_no_value_not_the_default()
    {
        // pitr = "False" is no bool (Terraform refuses the plan); reading var.pitr as its default, true, passed the table.
        using var m = new TempModule(
            ("main.tf", """
                variable "pitr" {
                  type    = bool
                  default = true
                }
                resource "aws_dynamodb_table" "t" {
                  name     = "t"
                  hash_key = "id"
                  point_in_time_recovery {
                    enabled = var.pitr
                  }
                }
                """),
            ("terraform.tfvars", "pitr = \"False\"\n"));
        var read = m.Read();
        var result = Assert.Single(BuiltInPolicies.Run(read.Graph, "dynamodb:002"));
        Assert.Equal(Status.Unknown, result.Status);
        Assert.StartsWith("aws_dynamodb_table.t: point_in_time_recovery.enabled has no value in the input (var.pitr, whose value Terraform refuses: a bool is required", result.Message);
        Assert.Contains(read.Warnings, w => w.Contains("variable \"pitr\": a bool is required", StringComparison.Ordinal));
    }

    [Theory]
    // An undefined name (False) in tfvars: reading var.pitr as its default, true, passed the table.
    [InlineData("bool", "true", "pitr = False", "var.pitr", "var.pitr, whose value in the input is not known: False, a name nothing defines (HCL writes false in lower case)")]
    // The attribute the argument reads is the undefined one; its default object said true.
    [InlineData("object({ enabled = bool })", "{ enabled = true }", "pitr = { enabled = False }", "var.pitr.enabled", "var.pitr.enabled, whose value in the input is not known: False, a name nothing defines")]
    public void A_root_variable_value_with_an_undefined_name_is_no_value_not_the_default(string type, string fallback, string tfvars, string argument, string why)
    {
        using var m = new TempModule(
            ("main.tf", $$"""
                variable "pitr" {
                  type    = {{type}}
                  default = {{fallback}}
                }
                resource "aws_dynamodb_table" "t" {
                  name     = "t"
                  hash_key = "id"
                  point_in_time_recovery {
                    enabled = {{argument}}
                  }
                }
                """),
            ("terraform.tfvars", tfvars + "\n"));
        var result = Assert.Single(BuiltInPolicies.Run(m.Read().Graph, "dynamodb:002"));
        Assert.Equal(Status.Unknown, result.Status);
        Assert.StartsWith("aws_dynamodb_table.t: point_in_time_recovery.enabled has no value in the input (" + why, result.Message);
    }

    [Fact]
    public void Every_part_of_a_variable_an_argument_reads_decides()
    {
        // var.cfg.backups is true, but var.cfg.pitr has no value: the && is unknown (reading only the first part passed it).
        using var m = new TempModule(
            ("main.tf", """
                variable "cfg" {
                  type = object({ backups = bool, pitr = bool })
                }
                resource "aws_dynamodb_table" "t" {
                  name     = "t"
                  hash_key = "id"
                  point_in_time_recovery {
                    enabled = var.cfg.backups && var.cfg.pitr
                  }
                }
                """),
            ("terraform.tfvars", "cfg = { backups = true, pitr = False }\n"));
        var result = Assert.Single(BuiltInPolicies.Run(m.Read().Graph, "dynamodb:002"));
        Assert.True(result.Status == Status.Unknown, result.Message);
        Assert.Contains("var.cfg.pitr, whose value in the input is not known: False", result.Message);
    }

    [Fact]
    public void An_undefined_name_in_a_for_each_map_reaches_the_module_as_no_value()
    {
        using var m = new TempModule(
            ("main.tf", """
                variable "tables" {
                  type = map(object({ pitr = bool }))
                }
                module "table" {
                  source   = "./table"
                  for_each = var.tables
                  pitr     = each.value.pitr
                }
                """),
            ("table/main.tf", """
                variable "pitr" {}
                resource "aws_dynamodb_table" "this" {
                  name     = "t"
                  hash_key = "id"
                  point_in_time_recovery {
                    enabled = var.pitr
                  }
                }
                """),
            ("terraform.tfvars", "tables = { orders = { pitr = False } }\n"));
        var result = Assert.Single(BuiltInPolicies.Run(m.Read().Graph, "dynamodb:002"));
        Assert.True(result.Status == Status.Unknown, result.Message);
        // Not "known only after apply": nothing is computed at apply, the input gives no value.
        Assert.Contains("point_in_time_recovery.enabled has no value in the input", result.Message);
        Assert.Contains("False, a name nothing defines", result.Message);
    }

    [Fact]
    public void A_conditional_whose_condition_is_known_only_after_apply_is_neither_side()
    {
        // The for_each is known only after apply: the key may be the customer managed key or the AWS managed fallback.
        using var m = new TempModule(("main.tf", """
            variable "fallback_key" {
              default = "alias/aws/dynamodb"
            }
            data "aws_ssm_parameter" "tables" {
              name = "/app/tables"
            }
            resource "aws_kms_key" "k" {}
            resource "aws_dynamodb_table" "t" {
              for_each = jsondecode(data.aws_ssm_parameter.tables.value)
              name     = each.key
              hash_key = "id"
              server_side_encryption {
                enabled     = true
                kms_key_arn = each.value.cmk ? aws_kms_key.k.arn : var.fallback_key
              }
            }
            """));
        var result = Assert.Single(BuiltInPolicies.Run(m.Read().Graph, "dynamodb:001"));
        Assert.True(result.Status == Status.Unknown, result.Message);
    }

    [Fact]
    public void A_known_attribute_of_a_root_variable_is_read_beside_an_undefined_one()
    {
        // var.cfg.pitr is known (true) though var.cfg.protect is not: only the protection is unknown.
        using var m = new TempModule(
            ("main.tf", """
                variable "cfg" {
                  type    = object({ pitr = bool, protect = bool })
                  default = { pitr = false, protect = true }
                }
                resource "aws_dynamodb_table" "t" {
                  name                        = "t"
                  hash_key                    = "id"
                  deletion_protection_enabled = var.cfg.protect
                  point_in_time_recovery {
                    enabled = var.cfg.pitr
                  }
                }
                """),
            ("terraform.tfvars", "cfg = { pitr = true, protect = False }\n"));
        var graph = m.Read().Graph;
        Assert.Equal(Status.Pass, Assert.Single(BuiltInPolicies.Run(graph, "dynamodb:002")).Status);
        var protection = Assert.Single(BuiltInPolicies.Run(graph, "dynamodb:003"));
        Assert.Equal(Status.Unknown, protection.Status);
        Assert.Contains("var.cfg.protect, whose value in the input is not known: False", protection.Message);
    }

    [Fact]
    public void A_dynamic_block_whose_for_each_is_known_only_after_apply_is_named_not_the_value_inside_it()
    {
        using var m = new TempModule(("main.tf", """
            variable "kms_key_arn" {
              default = null
            }
            resource "aws_kms_key" "k" {}
            resource "aws_dynamodb_table" "t" {
              name     = "t"
              hash_key = "id"
              dynamic "server_side_encryption" {
                for_each = aws_kms_key.k.arn == null ? [] : [aws_kms_key.k.arn]
                content {
                  enabled     = true
                  kms_key_arn = server_side_encryption.value
                }
              }
            }
            """));
        var result = Assert.Single(BuiltInPolicies.Run(m.Read().Graph, "dynamodb:001"), r => r.ResourceAddress == "aws_dynamodb_table.t");
        Assert.Equal(Status.Unknown, result.Status);
        Assert.StartsWith("aws_dynamodb_table.t: whether server_side_encryption is written is known only after apply (aws_kms_key.k.arn", result.Message);
    }

    [Theory]
    // var.use_cmk ? aws_kms_key.k[0].arn : data.aws_ssm_parameter.key.value: either resource may be the key.
    [InlineData("[\"var.use_cmk\",\"aws_kms_key.k[0].arn\",\"aws_kms_key.k\",\"data.aws_ssm_parameter.key.value\"]", Status.Unknown)]
    // var.use_cmk ? aws_kms_key.k[0].arn : null: the condition and the literal branch are known, so the key is the resource (rule 2).
    [InlineData("[\"var.use_cmk\",\"aws_kms_key.k[0].arn\",\"aws_kms_key.k\"]", Status.Pass)]
    public void A_plan_expression_of_several_references_is_named_by_all_of_them_not_the_first(string references, Status expected)
    {
        // "kms_key_arn is var.use_cmk" misread such an expression.
        var table = """
            {"address":"aws_dynamodb_table.t","mode":"managed","type":"aws_dynamodb_table","name":"t",
             "change":{"actions":["create"],"before":null,"after":{"name":"t","server_side_encryption":[{"enabled":true}]},
               "after_unknown":{"server_side_encryption":[{"kms_key_arn":true}]}}}
            """;
        var root = $$$"""
            {"resources":[{"address":"aws_dynamodb_table.t","mode":"managed","type":"aws_dynamodb_table","name":"t",
              "expressions":{"server_side_encryption":[{"enabled":{"constant_value":true},
                "kms_key_arn":{"references":{{{references}}}}}]}}]}
            """;
        var graph = Tests.Plan.PlanText.Read(Tests.Plan.PlanText.Plan(table, root, extra: "\"variables\":{\"use_cmk\":{\"value\":true}},"));
        var result = Assert.Single(BuiltInPolicies.Run(graph, "dynamodb:001"));
        Assert.True(result.Status == expected, result.Message);
        Assert.Contains(expected == Status.Unknown ? "an expression of var.use_cmk and aws_kms_key.k[0].arn and aws_kms_key.k and more" : "the customer managed key aws_kms_key.k[0].arn", result.Message);
    }
}
