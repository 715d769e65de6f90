using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Tests.Support;
using SecureDynamo.Lint.Tests.Terraform;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>
/// A Gateway endpoint's route_table_ids in Terraform source made from a count/for_each route table
/// (a splat, a for expression, values()) is a list of as many ids as the resource has instances: the ids are
/// known only after apply, the list's length is not, so dynamodb:015 decides whether route tables are associated.
/// </summary>
public sealed class RouteTablesInSourceTests
{
    private static EvaluationResult Judge(string routeTables, string routeTableRepetition = "count = 2", string extra = "")
    {
        using var m = new TempModule(("main.tf", $$"""
            provider "aws" {
              region = "eu-west-1"
            }
            resource "aws_vpc" "main" {
              cidr_block = "10.0.0.0/16"
            }
            resource "aws_route_table" "private" {
              {{routeTableRepetition}}
              vpc_id = aws_vpc.main.id
            }
            {{extra}}
            resource "aws_vpc_endpoint" "a" {
              vpc_id          = aws_vpc.main.id
              service_name    = "com.amazonaws.eu-west-1.dynamodb"
              route_table_ids = {{routeTables}}
            }
            resource "aws_dynamodb_table" "t" {
              name         = "t"
              billing_mode = "PAY_PER_REQUEST"
              hash_key     = "id"
              attribute {
                name = "id"
                type = "S"
              }
            }
            """));
        return BuiltInPolicies.Run(m.Read().Graph, "dynamodb:015").Single(r => r.ResourceAddress == "aws_dynamodb_table.t");
    }

    [Theory]
    [InlineData("aws_route_table.private[*].id", "count = 2")]
    [InlineData("[for rt in aws_route_table.private : rt.id]", "count = 3")]
    [InlineData("[for rt in aws_route_table.private : rt.id]", "for_each = toset([\"a\", \"b\"])")]
    [InlineData("values(aws_route_table.private)[*].id", "for_each = { a = 1 }")]
    [InlineData("[aws_route_table.private[0].id]", "count = 2")]
    public void Route_tables_of_a_resource_with_known_instances_are_associated(string routeTables, string repetition)
    {
        var result = Judge(routeTables, repetition);
        Assert.True(result.Status == Status.Pass, result.Message);
        Assert.Contains("Gateway endpoint with", result.Message);
    }

    [Theory]
    [InlineData("aws_route_table.private[*].id")]
    [InlineData("[for rt in aws_route_table.private : rt.id]")]
    public void No_instances_are_no_route_tables(string routeTables)
    {
        var result = Judge(routeTables, "count = 0");
        Assert.True(result.Status == Status.Fail, result.Message);
        Assert.Contains("has no route tables", result.Message);
    }

    [Fact]
    public void Route_tables_whose_number_is_known_only_after_apply_stay_unknown()
    {
        var looked = Judge("data.aws_route_tables.private.ids", extra: "data \"aws_route_tables\" \"private\" {\n  vpc_id = aws_vpc.main.id\n}");
        Assert.True(looked.Status == Status.Unknown, looked.Message);
        var counted = Judge("aws_route_table.private[*].id", "count = length(data.aws_availability_zones.az.names)", "data \"aws_availability_zones\" \"az\" {}");
        Assert.True(counted.Status == Status.Unknown, counted.Message);
        var filtered = Judge("[for rt in aws_route_table.private : rt.id if rt.vpc_id != \"\"]");
        Assert.True(filtered.Status == Status.Unknown, filtered.Message);
    }

    [Fact]
    public void Route_tables_passed_to_a_module_keep_their_number()
    {
        using var m = new TempModule(("main.tf", """
            provider "aws" {
              region = "eu-west-1"
            }
            resource "aws_vpc" "main" {
              cidr_block = "10.0.0.0/16"
            }
            resource "aws_route_table" "private" {
              count  = 2
              vpc_id = aws_vpc.main.id
            }
            module "endpoint" {
              source       = "./endpoint"
              vpc_id       = aws_vpc.main.id
              route_tables = aws_route_table.private
            }
            resource "aws_dynamodb_table" "t" {
              name         = "t"
              billing_mode = "PAY_PER_REQUEST"
              hash_key     = "id"
              attribute {
                name = "id"
                type = "S"
              }
            }
            """), ("endpoint/main.tf", """
            variable "vpc_id" {}
            variable "route_tables" {}
            resource "aws_vpc_endpoint" "a" {
              vpc_id          = var.vpc_id
              service_name    = "com.amazonaws.eu-west-1.dynamodb"
              route_table_ids = var.route_tables[*].id
            }
            """));
        var result = BuiltInPolicies.Run(m.Read().Graph, "dynamodb:015").Single(r => r.ResourceAddress == "aws_dynamodb_table.t");
        Assert.True(result.Status == Status.Pass, result.Message);
    }

    [Fact]
    public void A_count_made_from_its_own_instances_is_a_cycle_and_stays_unknown()
    {
        var result = Judge("aws_route_table.private[*].id", "count = length(aws_route_table.private) + 1");
        Assert.True(result.Status == Status.Unknown, result.Message);
    }
}
