using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Tests.Support;
using SecureDynamo.Lint.Tests.Terraform;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>
/// dynamodb:016 and 015 follow lookups of resources of the same input: a KMS data source that looks up a managed key,
/// the primary of a multi-Region replica key, and an endpoint service data source looking up DynamoDB.
/// </summary>
public sealed class KeyLookupLinkingTests
{
    private const string Table = """
        provider "aws" {
          region = "eu-west-1"
        }
        resource "aws_dynamodb_table" "t" {
          name         = "orders"
          hash_key     = "id"
          billing_mode = "PAY_PER_REQUEST"
          attribute {
            name = "id"
            type = "S"
          }
          server_side_encryption {
            enabled     = true
            kms_key_arn = KEY
          }
        }
        """;

    private static Dictionary<string, EvaluationResult> Judge(string key, string more, string policy = "dynamodb:016")
    {
        using var m = new TempModule(("main.tf", Table.Replace("KEY", key, StringComparison.Ordinal) + "\n" + more));
        return BuiltInPolicies.Run(m.Read().Graph, policy).ToDictionary(r => r.ResourceAddress);
    }

    [Theory]
    [InlineData("key_id = aws_kms_key.k.key_id")]
    [InlineData("key_id = aws_kms_alias.k.name")]
    public void A_key_looked_up_by_a_data_source_is_judged_on_its_rotation(string lookup)
    {
        var results = Judge("data.aws_kms_key.k.arn", $$"""
            resource "aws_kms_key" "k" {}
            resource "aws_kms_alias" "k" {
              name          = "alias/orders"
              target_key_id = aws_kms_key.k.key_id
            }
            data "aws_kms_key" "k" {
              {{lookup}}
            }
            """);
        var key = results["aws_kms_key.k"];
        Assert.True(key.Status == Status.Fail, key.Message);
        Assert.Contains("it encrypts aws_dynamodb_table.t", key.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_primary_of_a_replica_key_is_judged_for_the_replica_it_encrypts()
    {
        var results = Judge("aws_kms_replica_key.r.arn", """
            resource "aws_kms_key" "primary" {
              multi_region = true
            }
            resource "aws_kms_replica_key" "r" {
              primary_key_arn = aws_kms_key.primary.arn
            }
            """);
        var primary = results["aws_kms_key.primary"];
        Assert.True(primary.Status == Status.Fail, primary.Message);
    }

    [Fact]
    public void An_endpoint_whose_service_name_comes_from_an_endpoint_service_lookup_serves_dynamodb_in_its_region()
    {
        var results = Judge("\"arn:aws:kms:eu-west-1:111122223333:key/k\"", """
            resource "aws_vpc" "main" {
              cidr_block = "10.0.0.0/16"
            }
            resource "aws_route_table" "private" {
              vpc_id = aws_vpc.main.id
            }
            data "aws_vpc_endpoint_service" "ddb" {
              service      = "dynamodb"
              service_type = "Gateway"
            }
            resource "aws_vpc_endpoint" "ddb" {
              vpc_id          = aws_vpc.main.id
              service_name    = data.aws_vpc_endpoint_service.ddb.service_name
              route_table_ids = [aws_route_table.private.id]
            }
            """, "dynamodb:015");
        var table = results["aws_dynamodb_table.t"];
        Assert.True(table.Status == Status.Pass, table.Message);
    }
}
