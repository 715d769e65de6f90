using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Tests.Support;
using SecureDynamo.Lint.Tests.Terraform;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>dynamodb:009 on Terraform source: zone names are counted as AWS names them (lower case), once each.</summary>
public sealed class DaxZonesInSourceTests
{
    [Theory]
    [InlineData("[\"eu-west-1a\", \"eu-west-1b\"]", Status.Pass)]
    [InlineData("[\"eu-west-1a\", \"EU-WEST-1A\"]", Status.Fail)]
    [InlineData("[\"eu-west-1a\", \"eu-west-1a\", \"eu-west-1a\"]", Status.Fail)]
    public void A_cluster_needs_two_distinct_zones_whatever_their_case(string zones, Status expected)
    {
        using var m = new TempModule(("main.tf", $$"""
            resource "aws_dax_cluster" "c" {
              cluster_name       = "c"
              iam_role_arn       = "arn:aws:iam::111122223333:role/dax"
              node_type          = "dax.r5.large"
              replication_factor = 3
              availability_zones = {{zones}}
            }
            """));
        var result = Assert.Single(BuiltInPolicies.Run(m.Read().Graph, "dynamodb:009"));
        Assert.True(result.Status == expected, result.Message);
    }

    /// <summary>A subnet group that keeps some of the subnets it reads is judged on those it keeps, not on every one read.</summary>
    [Theory]
    [InlineData("slice(aws_subnet.p[*].id, 0, 1)", Status.Fail)]
    [InlineData("[for s in aws_subnet.p : s.id if s.availability_zone == \"us-east-1a\"]", Status.Fail)]
    [InlineData("aws_subnet.p[*].id", Status.Pass)]
    public void A_subnet_group_is_judged_on_the_subnets_it_keeps(string subnetIds, Status expected)
    {
        using var m = new TempModule(("main.tf", $$"""
            resource "aws_subnet" "p" {
              count             = 3
              vpc_id            = "vpc-1"
              cidr_block        = "10.0.${count.index}.0/24"
              availability_zone = ["us-east-1a", "us-east-1b", "us-east-1c"][count.index]
            }
            resource "aws_dax_subnet_group" "g" {
              name       = "g"
              subnet_ids = {{subnetIds}}
            }
            resource "aws_dax_cluster" "c" {
              cluster_name       = "c"
              iam_role_arn       = "arn:aws:iam::111122223333:role/dax"
              node_type          = "dax.r5.large"
              replication_factor = 3
              subnet_group_name  = aws_dax_subnet_group.g.name
            }
            """));
        var result = Assert.Single(BuiltInPolicies.Run(m.Read().Graph, "dynamodb:009"));
        Assert.True(result.Status == expected, result.Message);
    }
    /// <summary>Subnets passed into a module (subnet_ids = var.subnet_ids) are those the calling instance gave it.</summary>
    [Theory]
    [InlineData("aws_subnet.a[*].id", Status.Fail)]
    [InlineData("aws_subnet.b[*].id", Status.Pass)]
    // A list of ids, each naming its subnet: followed item by item (two resources, or instances picked by a for expression).
    [InlineData("[aws_subnet.a[0].id, aws_subnet.b[0].id]", Status.Fail)]
    [InlineData("[aws_subnet.a[0].id, aws_subnet.b[1].id]", Status.Pass)]
    [InlineData("[for i in [0, 1] : aws_subnet.a[i].id]", Status.Fail)]
    public void Subnets_passed_through_a_module_variable_are_followed(string subnetIds, Status expected)
    {
        using var m = new TempModule(
            ("main.tf", $$"""
                resource "aws_subnet" "a" {
                  count             = 2
                  vpc_id            = "vpc-1"
                  cidr_block        = "10.0.${count.index}.0/24"
                  availability_zone = "eu-west-1a"
                }
                resource "aws_subnet" "b" {
                  count             = 2
                  vpc_id            = "vpc-1"
                  cidr_block        = "10.1.${count.index}.0/24"
                  availability_zone = count.index == 0 ? "eu-west-1a" : "eu-west-1b"
                }
                module "dax" {
                  source     = "./dax"
                  subnet_ids = {{subnetIds}}
                }
                """),
            ("dax/main.tf", """
                variable "subnet_ids" {}
                resource "aws_dax_subnet_group" "this" {
                  name       = "dax"
                  subnet_ids = var.subnet_ids
                }
                resource "aws_dax_cluster" "this" {
                  cluster_name       = "c"
                  iam_role_arn       = "arn:aws:iam::111122223333:role/dax"
                  node_type          = "dax.r5.large"
                  replication_factor = 3
                  subnet_group_name  = aws_dax_subnet_group.this.name
                }
                """));
        var result = Assert.Single(BuiltInPolicies.Run(m.Read().Graph, "dynamodb:009"));
        Assert.True(result.Status == expected, result.Message);
        Assert.Contains(expected == Status.Fail ? "has subnets only in eu-west-1a" : "eu-west-1a, eu-west-1b", result.Message);
    }
}
