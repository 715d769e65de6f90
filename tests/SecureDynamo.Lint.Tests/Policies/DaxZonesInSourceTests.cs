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
}
