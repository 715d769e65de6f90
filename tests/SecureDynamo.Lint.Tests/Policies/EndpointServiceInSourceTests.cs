using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Tests.Support;
using SecureDynamo.Lint.Tests.Terraform;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>
/// VPC endpoints in Terraform source name their service with <c>data.aws_region</c>, which only a plan
/// reads: the region is its provider's, so dynamodb:015 and dynamodb:006 judge the endpoint as a plan would.
/// </summary>
public sealed class EndpointServiceInSourceTests
{
    private static Dictionary<(string Policy, string Address), EvaluationResult> Judge(string endpointService, string? regionArgument = null)
    {
        using var m = new TempModule(("main.tf", $$"""
            provider "aws" {
              region = "eu-central-1"
            }
            provider "aws" {
              alias  = "us"
              region = "us-east-1"
            }
            data "aws_region" "current" {
              {{regionArgument ?? ""}}
            }
            variable "region" {}
            resource "aws_vpc" "main" {
              cidr_block = "10.0.0.0/16"
            }
            resource "aws_route_table" "private" {
              vpc_id = aws_vpc.main.id
            }
            resource "aws_vpc_endpoint" "dynamodb" {
              vpc_id            = aws_vpc.main.id
              service_name      = {{endpointService}}
              vpc_endpoint_type = "Gateway"
              route_table_ids   = [aws_route_table.private.id]
              policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Principal = "*", Action = "dynamodb:*", Resource = "*" }]
              })
            }
            resource "aws_dynamodb_table" "eu" {
              name         = "eu"
              billing_mode = "PAY_PER_REQUEST"
              hash_key     = "id"
              attribute {
                name = "id"
                type = "S"
              }
            }
            resource "aws_dynamodb_table" "us" {
              provider     = aws.us
              name         = "us"
              billing_mode = "PAY_PER_REQUEST"
              hash_key     = "id"
              attribute {
                name = "id"
                type = "S"
              }
            }
            """));
        return BuiltInPolicies.Run(m.Read().Graph, "dynamodb:006", "dynamodb:015").ToDictionary(r => (r.PolicyId, r.ResourceAddress));
    }

    [Fact]
    public void A_service_name_made_with_data_aws_region_serves_its_provider_region()
    {
        var results = Judge("\"com.amazonaws.${data.aws_region.current.name}.dynamodb\"");
        var eu = results[("dynamodb:015", "aws_dynamodb_table.eu")];
        Assert.True(eu.Status == Status.Pass, eu.Message);
        Assert.Contains("has no aws_vpc_endpoint with service_name \"com.amazonaws.us-east-1.dynamodb\"", results[("dynamodb:015", "aws_dynamodb_table.us")].Message);
        // The endpoint is DynamoDB's, so its policy is judged: Principal "*" with no pinning condition.
        Assert.Equal(Status.Fail, results[("dynamodb:006", "aws_vpc_endpoint.dynamodb")].Status);
    }

    [Fact]
    public void A_region_looked_up_or_from_a_variable_without_a_value_stays_unknown_but_the_service_is_dynamodb()
    {
        var lookedUp = Judge("\"com.amazonaws.${data.aws_region.current.name}.dynamodb\"", "name = var.region");
        Assert.Equal(Status.Unknown, lookedUp[("dynamodb:015", "aws_dynamodb_table.eu")].Status);
        var variable = Judge("\"com.amazonaws.${var.region}.dynamodb\"");
        Assert.Equal(Status.Unknown, variable[("dynamodb:015", "aws_dynamodb_table.eu")].Status);
        Assert.Equal(Status.Fail, variable[("dynamodb:006", "aws_vpc_endpoint.dynamodb")].Status);
        // Another service is not judged by dynamodb:006, whatever its region.
        Assert.False(Judge("\"com.amazonaws.${var.region}.s3\"").ContainsKey(("dynamodb:006", "aws_vpc_endpoint.dynamodb")));
    }

    [Fact]
    public void An_endpoint_whose_service_is_not_known_may_be_dynamodb_s_and_is_judged_as_one()
    {
        // Its open policy would fail a DynamoDB endpoint: unknown, not left out (an unknown is never "not DynamoDB").
        var result = Judge("var.region")[("dynamodb:006", "aws_vpc_endpoint.dynamodb")];
        Assert.Equal(Status.Unknown, result.Status);
        Assert.StartsWith("aws_vpc_endpoint.dynamodb: service_name has no value in the input (var.region", result.Message);
        Assert.Contains("so whether it is a DynamoDB endpoint cannot be told; if it is, policy: statement 0 allows Principal \"*\"", result.Message);
        // A prefix known only after apply before ".dynamodb" may make DynamoDB's name.
        Assert.Equal(Status.Unknown, Judge("\"${var.region}.dynamodb\"")[("dynamodb:006", "aws_vpc_endpoint.dynamodb")].Status);
    }
}
