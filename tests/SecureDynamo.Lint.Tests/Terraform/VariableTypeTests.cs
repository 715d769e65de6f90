using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Terraform;

/// <summary>Input values are converted to the variable's declared type, as Terraform does before a module sees them.</summary>
public sealed class VariableTypeTests
{
    private static string Status(CliRun run, string policy, string address) =>
        (string)((JArray)JObject.Parse(run.Stdout)["results"]!).Single(r => (string)r["policyId"]! == policy && (string)r["resource"]!["address"]! == address)["status"]!;

    private static Value Thing(TempModule m, string attribute) =>
        m.Read().Graph.Resources.Single(r => r.Address.ToString().Contains("test_thing", StringComparison.Ordinal)).After.Get(attribute);

    [Fact]
    public void Absent_optional_attributes_become_null_or_their_default()
    {
        using var m = new TempModule(("main.tf", """
            variable "settings" {
              type = object({
                enabled  = optional(bool, true)
                key      = optional(string)
                scaling  = optional(object({
                  target = optional(number, 70)
                }), {})
                required = string
              })
              default = { required = "r", extra = "dropped" }
            }
            resource "test_thing" "t" {
              v = var.settings
            }
            """));
        Assert.Equal("""{"enabled":true,"key":null,"required":"r","scaling":{"target":70}}""", TempModule.Render(Thing(m, "v")));
    }

    [Fact]
    public void An_explicit_null_attribute_takes_the_optional_default_and_primitives_convert()
    {
        using var m = new TempModule(
            ("main.tf", """
                module "m" {
                  source = "./m"
                  o      = { enabled = null, count = "3" }
                  flag   = "true"
                  names  = ["b", "a", "b"]
                }
                """),
            ("m/main.tf", """
                variable "o" {
                  type = object({ enabled = optional(bool, true), count = number })
                }
                variable "flag" {
                  type = bool
                }
                variable "names" {
                  type = set(string)
                }
                resource "test_thing" "t" {
                  o     = var.o
                  flag  = var.flag
                  names = var.names
                }
                """));
        Assert.Equal("""{"count":3,"enabled":true}""", TempModule.Render(Thing(m, "o")));
        Assert.Equal("true", TempModule.Render(Thing(m, "flag")));
        Assert.Equal("""["a","b"]""", TempModule.Render(Thing(m, "names")));
    }

    [Fact]
    public void The_strings_1_and_0_convert_to_bool_as_terraform_converts_them()
    {
        // Terraform (cty) converts "1"/"0" as "true"/"false", for a bool variable, tobool() and a bool argument; "TRUE" and numbers it refuses.
        using var m = new TempModule(
            ("main.tf", """
                variable "on" {
                  type = bool
                }
                variable "off" {
                  type = bool
                }
                resource "aws_dynamodb_table" "t" {
                  name                        = "t"
                  billing_mode                = "PAY_PER_REQUEST"
                  hash_key                    = "id"
                  deletion_protection_enabled = var.on
                  attribute {
                    name = "id"
                    type = "S"
                  }
                  point_in_time_recovery {
                    enabled = try(tobool(var.off), true)
                  }
                  server_side_encryption {
                    enabled = "1"
                  }
                }
                """),
            ("terraform.tfvars", "on  = \"1\"\noff = \"0\"\n"));
        var results = BuiltInPolicies.Run(m.Read().Graph, "dynamodb:002", "dynamodb:003").ToDictionary(r => r.PolicyId);
        Assert.True(results["dynamodb:003"].Status == SecureDynamo.Lint.Core.Evaluation.Status.Pass, results["dynamodb:003"].Message);
        Assert.True(results["dynamodb:002"].Status == SecureDynamo.Lint.Core.Evaluation.Status.Fail, results["dynamodb:002"].Message);
        Assert.Equal(true, SecureDynamo.Lint.Core.Values.Value.String("1").AsBool());
        Assert.Equal(false, SecureDynamo.Lint.Core.Values.Value.String("0").AsBool());
        Assert.Null(SecureDynamo.Lint.Core.Values.Value.String("TRUE").AsBool());
    }

    [Fact]
    public void A_null_argument_for_a_non_nullable_variable_takes_the_default()
    {
        using var m = new TempModule(
            ("main.tf", "module \"m\" {\n  source = \"./m\"\n  tags   = null\n  other  = null\n}\n"),
            ("m/main.tf", """
                variable "tags" {
                  type     = map(string)
                  default  = { team = "x" }
                  nullable = false
                }
                variable "other" {
                  type    = map(string)
                  default = { team = "x" }
                }
                resource "test_thing" "t" {
                  tags  = var.tags
                  other = var.other
                }
                """));
        Assert.Equal("""{"team":"x"}""", TempModule.Render(Thing(m, "tags")));
        Assert.Equal("null", TempModule.Render(Thing(m, "other")));
    }

    [Fact]
    public void A_value_terraform_would_reject_is_a_warning_and_unknown()
    {
        using var m = new TempModule(("main.tf", """
            variable "o" {
              type    = object({ name = string })
              default = { other = "x" }
            }
            resource "test_thing" "t" {
              v = var.o
            }
            """));
        var read = m.Read();
        Assert.Equal("unknown[var.o]", TempModule.Render(read.Graph.Resources.Single().After.Get("v")));
        Assert.Contains(read.Warnings, w => w.Contains("variable \"o\": attribute \"name\" is required; the value is treated as unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void A_module_encryption_object_with_a_defaulted_enabled_flag_and_no_key_fails_with_the_aws_managed_key()
    {
        using var m = new TempModule(("main.tf", SseModule), ("m/main.tf", SseTable));
        var run = CliRun.InProcess("scan", m.Directory, "--format", "json", "--policy", "dynamodb:001");
        Assert.Equal("fail", Status(run, "dynamodb:001", "module.default.aws_dynamodb_table.t"));
    }

    [Fact]
    public void A_customer_key_passed_into_a_dynamic_block_through_a_typed_object_passes()
    {
        using var m = new TempModule(("main.tf", SseModule), ("m/main.tf", SseTable));
        var run = CliRun.InProcess("scan", m.Directory, "--format", "json", "--policy", "dynamodb:001", "--policy", "dynamodb:010");
        Assert.Equal("pass", Status(run, "dynamodb:001", "module.cmk.aws_dynamodb_table.t"));
        Assert.Equal("pass", Status(run, "dynamodb:010", "module.cmk.aws_dynamodb_table.t"));
        // Two replicas with different keys: each one is judged on its own key.
        Assert.Equal("fail", Status(run, "dynamodb:010", "module.mixed.aws_dynamodb_table.t"));
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Findings_in_a_module_called_as_parent_folder_name_the_file_from_where_the_user_stands()
    {
        using var m = new TempModule(("main.tf", SseTable), ("examples/basic/main.tf", "module \"t\" {\n  source = \"../../\"\n}\n"));
        var run = CliRun.InProcess("scan", m.PathOf("examples/basic"), "--format", "json", "--policy", "dynamodb:001");
        var file = (string)JObject.Parse(run.Stdout)["results"]![0]!["location"]!["file"]!;
        Assert.EndsWith(Path.GetFileName(m.Directory) + "/main.tf", file, StringComparison.Ordinal);
        Assert.DoesNotContain("..", file, StringComparison.Ordinal);
        Assert.DoesNotContain("examples", file, StringComparison.Ordinal);
    }

    private const string SseModule = """
        resource "aws_kms_key" "k" {
          enable_key_rotation = true
        }
        data "aws_kms_alias" "aws" {
          name = "alias/aws/dynamodb"
        }
        module "default" {
          source = "./m"
        }
        module "cmk" {
          source                 = "./m"
          server_side_encryption = { kms_key_arn = aws_kms_key.k.arn }
          replicas               = [{ region_name = "eu-west-2", kms_key_arn = aws_kms_key.k.arn }]
        }
        module "mixed" {
          source                 = "./m"
          server_side_encryption = { kms_key_arn = aws_kms_key.k.arn }
          replicas = [
            { region_name = "eu-west-2", kms_key_arn = aws_kms_key.k.arn },
            { region_name = "eu-west-3", kms_key_arn = data.aws_kms_alias.aws.target_key_arn },
          ]
        }
        """;

    private const string SseTable = """
        variable "server_side_encryption" {
          type = object({
            enabled     = optional(bool, true)
            kms_key_arn = optional(string)
          })
          default = {
            enabled = true
          }
        }
        variable "replicas" {
          type = list(object({
            region_name = string
            kms_key_arn = optional(string)
          }))
          default  = []
          nullable = false
        }
        resource "aws_dynamodb_table" "t" {
          name         = "t"
          hash_key     = "id"
          billing_mode = "PAY_PER_REQUEST"
          attribute {
            name = "id"
            type = "S"
          }
          dynamic "server_side_encryption" {
            for_each = var.server_side_encryption != null ? [var.server_side_encryption] : []
            content {
              enabled     = server_side_encryption.value.enabled
              kms_key_arn = server_side_encryption.value.kms_key_arn
            }
          }
          dynamic "replica" {
            for_each = var.replicas
            content {
              region_name = replica.value.region_name
              kms_key_arn = replica.value.kms_key_arn
            }
          }
        }
        """;
    [Fact]
    public void A_value_that_fails_its_validation_is_named_in_a_warning()
    {
        const string Module = """
            variable "name" {
              type    = string
              default = "Bad_Name"
              validation {
                condition     = can(regex("^[a-z][a-z0-9-]+$", var.name))
                error_message = "Table names are lower case."
              }
            }
            variable "later" {
              type = string
              validation {
                condition     = length(var.later) > 2
                error_message = "Too short."
              }
            }
            resource "aws_dynamodb_table" "t" {
              name     = var.name
              hash_key = "id"
            }
            """;
        using var m = new TempModule(("main.tf", Module));
        var warnings = m.Read().Warnings;
        Assert.Contains(warnings, w => w.EndsWith("var.name fails its validation (\"Table names are lower case.\"); Terraform would refuse this value", StringComparison.Ordinal));
        // A value known only after apply (no default, no input) is not judged against its validation.
        Assert.DoesNotContain(warnings, w => w.Contains("var.later fails", StringComparison.Ordinal));
        using var valid = new TempModule(("main.tf", Module.Replace("Bad_Name", "orders")));
        Assert.DoesNotContain(valid.Read().Warnings, w => w.Contains("fails its validation", StringComparison.Ordinal));
    }
}
