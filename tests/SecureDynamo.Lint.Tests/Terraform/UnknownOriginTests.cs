using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Terraform;

/// <summary>Unknown values from Terraform source are traced through iterators and locals to what they were computed from.</summary>
public sealed class UnknownOriginTests
{
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
            resource "aws_dynamodb_table" "t" {
              for_each = local.tables
              name     = each.key
              hash_key = "id"
              server_side_encryption {
                enabled     = true
                kms_key_arn = each.value
              }
            }
            """));
        var run = CliRun.InProcess("scan", m.Directory, "--format", "json", "--policy", "dynamodb:001");
        var status = ((JArray)JObject.Parse(run.Stdout)["results"]!).ToDictionary(r => (string)r["resource"]!["address"]!, r => (string)r["status"]!);
        Assert.Equal("pass", status["aws_dynamodb_table.t[\"orders\"]"]);
        Assert.Equal("fail", status["aws_dynamodb_table.t[\"audit\"]"]);
    }
}
