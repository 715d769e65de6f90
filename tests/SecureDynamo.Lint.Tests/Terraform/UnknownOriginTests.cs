using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Terraform;

/// <summary>Unknown values from Terraform source are traced through iterators and locals to what they were computed from.</summary>
public sealed class UnknownOriginTests
{
    /// <summary>A table per element of <paramref name="forEach"/>, encrypted with the key each.value names.</summary>
    private static string TableEncryptedByEachValue(string forEach, string name) => $$"""

        resource "aws_dynamodb_table" "t" {
          for_each = {{forEach}}
          name     = {{name}}
          hash_key = "id"
          server_side_encryption {
            enabled     = true
            kms_key_arn = each.value
          }
        }
        """;

    /// <summary>dynamodb:001's status by table address, from a real scan of the module.</summary>
    private static Dictionary<string, string> EncryptionStatus(TempModule m)
    {
        var run = CliRun.InProcess("scan", m.Directory, "--format", "json", "--policy", "dynamodb:001");
        return ((JArray)JObject.Parse(run.Stdout)["results"]!).ToDictionary(r => (string)r["resource"]!["address"]!, r => (string)r["status"]!);
    }

    [Fact]
    public void A_key_reached_through_each_value_of_a_local_map_is_the_customer_managed_key_it_came_from()
    {
        using var m = new TempModule(("main.tf", """
            resource "aws_kms_key" "k" {
              enable_key_rotation = true
            }
            data "aws_kms_alias" "aws" {
              name = "alias/aws/dynamodb"
            }
            locals {
              tables = { orders = aws_kms_key.k.arn, audit = data.aws_kms_alias.aws.target_key_arn }
            }
            """ + TableEncryptedByEachValue("local.tables", "each.key")));
        var status = EncryptionStatus(m);
        Assert.Equal("pass", status["aws_dynamodb_table.t[\"orders\"]"]);
        Assert.Equal("fail", status["aws_dynamodb_table.t[\"audit\"]"]);
    }

    [Fact]
    public void A_for_each_built_by_a_for_over_a_data_source_with_for_each_keeps_its_instances_and_their_keys()
    {
        // The data source's instances are known (its for_each is), so the table's for_each has known keys; each
        // each.value is the target of one alias, known by its configured name.
        using var m = new TempModule(("main.tf", """
            data "aws_kms_alias" "keys" {
              for_each = toset(["orders", "aws/dynamodb"])
              name     = "alias/${each.key}"
            }
            """ + TableEncryptedByEachValue("{ for k, v in data.aws_kms_alias.keys : k => v.target_key_arn }", "replace(each.key, \"/\", \"-\")")));
        var status = EncryptionStatus(m);
        Assert.Equal(2, status.Count);
        Assert.Equal("pass", status["aws_dynamodb_table.t[\"orders\"]"]);
        Assert.Equal("fail", status["aws_dynamodb_table.t[\"aws/dynamodb\"]"]);
    }

    [Fact]
    public void A_counted_key_passed_whole_through_two_modules_and_read_at_one_index_is_that_instance_only()
    {
        using var m = new TempModule(
            ("main.tf", """
                resource "aws_kms_key" "k" {
                  count               = 2
                  enable_key_rotation = count.index == 0
                }
                module "a" {
                  source = "./a"
                  keys   = aws_kms_key.k
                }
                """),
            ("a/main.tf", """
                variable "keys" {}
                module "b" {
                  source = "../b"
                  keys   = var.keys
                }
                """),
            ("b/main.tf", """
                variable "keys" {}
                resource "aws_dynamodb_table" "t" {
                  name     = "orders"
                  hash_key = "id"
                  server_side_encryption {
                    enabled     = true
                    kms_key_arn = var.keys[0].arn
                  }
                }
                """));
        var run = CliRun.InProcess("scan", m.Directory, "--format", "json", "--policy", "dynamodb:016", "--policy", "dynamodb:001");
        var results = (JArray)JObject.Parse(run.Stdout)["results"]!;
        // k[1] (not rotated) encrypts nothing: only k[0] is judged, and the table names it.
        var rotation = Assert.Single(results, r => (string)r["policyId"]! == "dynamodb:016");
        Assert.Equal("aws_kms_key.k[0]", (string)rotation["resource"]!["address"]!);
        Assert.Equal("pass", (string)rotation["status"]!);
        var encryption = Assert.Single(results, r => (string)r["policyId"]! == "dynamodb:001");
        Assert.Contains("the customer managed key aws_kms_key.k[0]", (string)encryption["message"]!);
    }

    [Fact]
    public void A_key_picked_by_each_key_for_a_module_instance_is_that_instance_only()
    {
        using var m = new TempModule(
            ("main.tf", """
                resource "aws_kms_key" "k" {
                  for_each            = toset(["orders", "audit"])
                  enable_key_rotation = each.key == "orders"
                }
                module "t" {
                  source   = "./table"
                  for_each = toset(["orders", "audit"])
                  name     = each.key
                  key      = aws_kms_key.k[each.key].arn
                }
                """),
            ("table/main.tf", """
                variable "name" {}
                variable "key" {}
                resource "aws_dynamodb_table" "this" {
                  name     = var.name
                  hash_key = "id"
                  server_side_encryption {
                    enabled     = true
                    kms_key_arn = var.key
                  }
                }
                """));
        var run = CliRun.InProcess("scan", m.Directory, "--format", "json", "--policy", "dynamodb:016");
        var messages = ((JArray)JObject.Parse(run.Stdout)["results"]!).ToDictionary(r => (string)r["resource"]!["address"]!, r => (string)r["message"]!);
        // Each key encrypts its own module instance's table only (both tables were named for each key).
        Assert.EndsWith("it encrypts module.t[\"audit\"].aws_dynamodb_table.this; set enable_key_rotation = true so the key material rotates yearly", messages["aws_kms_key.k[\"audit\"]"]);
        Assert.EndsWith("it encrypts module.t[\"orders\"].aws_dynamodb_table.this", messages["aws_kms_key.k[\"orders\"]"]);
    }
}
