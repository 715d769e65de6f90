using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Tests.Support;
using SecureDynamo.Lint.Tests.Terraform;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>
/// References through a module called with for_each name one instance: <c>module.m["a"].arn</c> is the
/// resource of instance "a", not of every instance (Terraform source; the plan form is a dynamodb:005 case).
/// </summary>
public sealed class ModuleInstanceLinkingTests
{
    private const string Table = """
        variable "name" {}
        variable "kms_arn" {}
        resource "aws_dynamodb_table" "this" {
          name                        = var.name
          billing_mode                = "PAY_PER_REQUEST"
          hash_key                    = "id"
          deletion_protection_enabled = true
          attribute {
            name = "id"
            type = "S"
          }
          server_side_encryption {
            enabled     = true
            kms_key_arn = var.kms_arn
          }
          point_in_time_recovery {
            enabled = true
          }
        }
        output "arn" { value = aws_dynamodb_table.this.arn }
        """;

    /// <summary>A backup plan with a rule, and a selection of <paramref name="resources"/> for it.</summary>
    private static string BackedUp(string resources) => """
        resource "aws_backup_plan" "p" {
          name = "p"
          rule {
            rule_name         = "daily"
            target_vault_name = "v"
            schedule          = "cron(0 5 * * ? *)"
          }
        }
        resource "aws_backup_selection" "s" {
          name         = "s"
          plan_id      = aws_backup_plan.p.id
          iam_role_arn = "arn:aws:iam::111122223333:role/backup"
          resources    = RESOURCES
        }
        """.Replace("RESOURCES", resources, StringComparison.Ordinal) + "\n";

    private static Dictionary<string, EvaluationResult> Judge(TempModule m, string policy)
    {
        return BuiltInPolicies.Run(m.Read().Graph, policy).ToDictionary(r => r.ResourceAddress);
    }

    [Fact]
    public void A_splat_over_a_counted_module_selects_its_instances_and_no_other_table()
    {
        using var m = new TempModule(("main.tf", """
            provider "aws" {
              region = "eu-west-1"
            }
            resource "aws_kms_key" "k" {
              enable_key_rotation = true
            }
            module "x" {
              source  = "./table"
              count   = 1
              name    = "x"
              kms_arn = aws_kms_key.k.arn
            }
            module "z" {
              source  = "./table"
              name    = "z"
              kms_arn = aws_kms_key.k.arn
            }
            """ + "\n" + BackedUp("module.x[*].arn")), ("table/main.tf", Table));
        var results = Judge(m, "dynamodb:005");
        var x = results["module.x[0].aws_dynamodb_table.this"];
        Assert.True(x.Status == Status.Pass, x.Message);
        var z = results["module.z.aws_dynamodb_table.this"];
        Assert.True(z.Status == Status.Fail, z.Message);
    }

    [Fact]
    public void A_backup_selection_of_one_module_instance_covers_that_instance_only()
    {
        using var m = new TempModule(("main.tf", """
            provider "aws" {
              region = "eu-west-1"
            }
            resource "aws_kms_key" "k" {
              enable_key_rotation = true
            }
            module "tables" {
              source   = "./table"
              for_each = toset(["orders", "sessions"])
              name     = each.key
              kms_arn  = aws_kms_key.k.arn
            }
            """ + "\n" + BackedUp("[module.tables[\"orders\"].arn]")), ("table/main.tf", Table));
        var results = Judge(m, "dynamodb:005");
        Assert.Equal(Status.Pass, results["module.tables[\"orders\"].aws_dynamodb_table.this"].Status);
        var sessions = results["module.tables[\"sessions\"].aws_dynamodb_table.this"];
        Assert.True(sessions.Status == Status.Fail, sessions.Message);
    }

    [Fact]
    public void A_key_from_one_module_instance_encrypts_the_tables_that_name_that_instance()
    {
        using var m = new TempModule(("main.tf", """
            provider "aws" {
              region = "eu-west-1"
            }
            module "keys" {
              source   = "./key"
              for_each = { a = true, b = false }
              rotate   = each.value
            }
            module "table_a" {
              source  = "./table"
              name    = "a"
              kms_arn = module.keys["a"].arn
            }
            module "table_b" {
              source  = "./table"
              name    = "b"
              kms_arn = module.keys["b"].arn
            }
            """),
            ("key/main.tf", """
            variable "rotate" {}
            resource "aws_kms_key" "this" {
              enable_key_rotation = var.rotate
            }
            output "arn" { value = aws_kms_key.this.arn }
            """),
            ("table/main.tf", Table));
        var results = Judge(m, "dynamodb:016");
        var a = results["module.keys[\"a\"].aws_kms_key.this"];
        Assert.Equal(Status.Pass, a.Status);
        Assert.EndsWith("it encrypts module.table_a.aws_dynamodb_table.this", a.Message);
        var b = results["module.keys[\"b\"].aws_kms_key.this"];
        Assert.Equal(Status.Fail, b.Status);
        Assert.Contains("it encrypts module.table_b.aws_dynamodb_table.this;", b.Message);
        Assert.DoesNotContain("table_a", b.Message);
    }
    [Fact]
    public void A_conditional_argument_with_a_known_condition_passes_the_chosen_key_into_the_module()
    {
        using var m = new TempModule(("main.tf", """
            provider "aws" {
              region = "eu-west-1"
            }
            variable "encrypt" {
              default = true
            }
            resource "aws_kms_key" "k" {
              enable_key_rotation = false
            }
            module "keys" {
              source = "./key"
              count  = 1
              rotate = false
            }
            module "direct" {
              source  = "./table"
              name    = "direct"
              kms_arn = var.encrypt ? aws_kms_key.k.arn : null
            }
            module "through_output" {
              source  = "./table"
              name    = "through_output"
              kms_arn = var.encrypt ? module.keys[0].arn : null
            }
            """),
            ("key/main.tf", """
            variable "rotate" {}
            resource "aws_kms_key" "this" {
              enable_key_rotation = var.rotate
            }
            output "arn" { value = var.rotate ? aws_kms_key.this.arn : aws_kms_key.this.arn }
            """),
            ("table/main.tf", Table));
        var encrypted = Judge(m, "dynamodb:001");
        Assert.Equal(Status.Pass, encrypted["module.direct.aws_dynamodb_table.this"].Status);
        Assert.EndsWith("is the customer managed key aws_kms_key.k.arn", encrypted["module.direct.aws_dynamodb_table.this"].Message, StringComparison.Ordinal);
        Assert.Equal(Status.Pass, encrypted["module.through_output.aws_dynamodb_table.this"].Status);
        var rotation = Judge(m, "dynamodb:016");
        Assert.Equal(Status.Fail, rotation["aws_kms_key.k"].Status);
        Assert.Contains("it encrypts module.direct.aws_dynamodb_table.this;", rotation["aws_kms_key.k"].Message, StringComparison.Ordinal);
        Assert.Equal(Status.Fail, rotation["module.keys[0].aws_kms_key.this"].Status);
        Assert.Contains("it encrypts module.through_output.aws_dynamodb_table.this;", rotation["module.keys[0].aws_kms_key.this"].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_selection_indexed_by_a_variable_may_name_any_instance_a_splat_names_all()
    {
        const string Tables = """
            provider "aws" {
              region = "eu-west-1"
            }
            variable "which" {}
            resource "aws_dynamodb_table" "t" {
              for_each     = toset(["a", "b"])
              name         = each.key
              billing_mode = "PAY_PER_REQUEST"
              hash_key     = "id"
              attribute {
                name = "id"
                type = "S"
              }
            }
            """;
        using (var indexed = new TempModule(("main.tf", Tables + "\n" + BackedUp("[aws_dynamodb_table.t[var.which].arn]"))))
        {
            var results = Judge(indexed, "dynamodb:005");
            Assert.All(results.Values, r => Assert.Equal(Status.Unknown, r.Status));
            Assert.Contains("refers to some instances of aws_dynamodb_table.t", results["aws_dynamodb_table.t[\"b\"]"].Message);
        }
        using var splat = new TempModule(("main.tf", Tables + "\n" + BackedUp("values(aws_dynamodb_table.t)[*].arn")));
        Assert.All(Judge(splat, "dynamodb:005").Values, r => Assert.Equal(Status.Pass, r.Status));
        // An ARN written out with the account known only after apply names its table all the same.
        using var written = new TempModule(("main.tf", Tables + "\ndata \"aws_caller_identity\" \"me\" {}\n" +
            BackedUp("[\"arn:aws:dynamodb:eu-west-1:${data.aws_caller_identity.me.account_id}:table/a\"]")));
        var byArn = Judge(written, "dynamodb:005");
        Assert.Equal(Status.Unknown, byArn["aws_dynamodb_table.t[\"a\"]"].Status);
        Assert.Equal(Status.Fail, byArn["aws_dynamodb_table.t[\"b\"]"].Status);
    }

    [Fact]
    public void A_root_resource_passed_whole_into_a_module_has_its_configured_arguments_known_there()
    {
        using var m = new TempModule(
            ("main.tf", """
                provider "aws" {
                  region = "eu-west-1"
                }
                resource "aws_dynamodb_table" "prov" {
                  for_each       = toset(["x", "y"])
                  name           = "prov-${each.key}"
                  hash_key       = "id"
                  billing_mode   = "PROVISIONED"
                  read_capacity  = 5
                  write_capacity = 5
                }
                module "scaling" {
                  source = "./scaling"
                  tables = aws_dynamodb_table.prov
                }
                """),
            ("scaling/main.tf", """
                variable "tables" {}
                locals {
                  # Keyed by the tables' configured names: known at plan time, so the targets expand.
                  pairs = merge([for k, t in var.tables : {
                    "${t.name}-read"  = { name = t.name, dim = "dynamodb:table:ReadCapacityUnits" }
                    "${t.name}-write" = { name = t.name, dim = "dynamodb:table:WriteCapacityUnits" }
                  } if t.name != "prov-y"]...)
                }
                resource "aws_appautoscaling_target" "t" {
                  for_each           = local.pairs
                  service_namespace  = "dynamodb"
                  scalable_dimension = each.value.dim
                  resource_id        = "table/${each.value.name}"
                  min_capacity       = 1
                  max_capacity       = 10
                }
                resource "aws_appautoscaling_policy" "t" {
                  for_each           = aws_appautoscaling_target.t
                  name               = each.key
                  policy_type        = "TargetTrackingScaling"
                  service_namespace  = each.value.service_namespace
                  scalable_dimension = each.value.scalable_dimension
                  resource_id        = each.value.resource_id
                  target_tracking_scaling_policy_configuration {
                    target_value = 70
                  }
                }
                """));
        var results = BuiltInPolicies.Run(m.Read().Graph, "dynamodb:004").ToDictionary(r => r.ResourceAddress);
        Assert.True(results["aws_dynamodb_table.prov[\"x\"]"].Status == Status.Pass, results["aws_dynamodb_table.prov[\"x\"]"].Message);
        Assert.True(results["aws_dynamodb_table.prov[\"y\"]"].Status == Status.Fail, results["aws_dynamodb_table.prov[\"y\"]"].Message);
    }

    [Fact]
    public void A_map_of_arns_output_through_nested_modules_selects_the_tables_indexed_and_no_other()
    {
        // module.platform.table_arns merges { for k, m in module.table : k => m.arn } of two module calls: each item names
        // the table of its module instance ("scratch" was selected as well, or every table was unknown).
        using var m = new TempModule(
            ("main.tf", """
                provider "aws" {
                  region = "eu-west-1"
                }
                module "platform" {
                  source = "./platform"
                }

                """ + BackedUp("[module.platform.table_arns[\"orders\"], module.platform.table_arns[\"trail\"]]")),
            ("platform/main.tf", """
                module "data" {
                  source = "../data"
                  tables = ["orders", "scratch"]
                }
                module "audit" {
                  source = "../data"
                  tables = ["trail"]
                }
                output "table_arns" {
                  value = merge(module.data.table_arns, module.audit.table_arns)
                }
                """),
            ("data/main.tf", """
                variable "tables" {}
                module "table" {
                  source   = "../table"
                  for_each = toset(var.tables)
                  name     = each.key
                }
                output "table_arns" {
                  value = { for k, m in module.table : k => m.arn }
                }
                """),
            ("table/main.tf", """
                variable "name" {}
                resource "aws_dynamodb_table" "this" {
                  name         = var.name
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"
                }
                output "arn" {
                  value = aws_dynamodb_table.this.arn
                }
                """));
        var results = Judge(m, "dynamodb:005");
        Assert.Equal(Status.Pass, results["module.platform.module.data.module.table[\"orders\"].aws_dynamodb_table.this"].Status);
        Assert.Equal(Status.Pass, results["module.platform.module.audit.module.table[\"trail\"].aws_dynamodb_table.this"].Status);
        Assert.Equal(Status.Fail, results["module.platform.module.data.module.table[\"scratch\"].aws_dynamodb_table.this"].Status);
    }
}
