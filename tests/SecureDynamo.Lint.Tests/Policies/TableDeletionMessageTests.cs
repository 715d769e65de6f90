using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Tests.Plan;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>dynamodb:017's advice on a deleted table fits why Terraform deletes it and what the table has on today.</summary>
public sealed class TableDeletionMessageTests
{
    private static EvaluationResult Deleted(string reason, bool protectedToday)
    {
        var table = $$$"""
            {"address":"aws_dynamodb_table.t","mode":"managed","type":"aws_dynamodb_table","name":"t","action_reason":"{{{reason}}}",
             "change":{"actions":["delete"],"before":{"name":"t","deletion_protection_enabled":{{{(protectedToday ? "true" : "false")}}}},"after":null}}
            """;
        return Assert.Single(BuiltInPolicies.Run(PlanText.Read(PlanText.Plan(table)), "dynamodb:017"));
    }

    [Theory]
    [InlineData("delete_because_no_resource_config", "because its resource block was removed from the configuration", "restore the resource block")]
    [InlineData("delete_because_no_module", "because its module call was removed", "restore the module call")]
    [InlineData("delete_because_each_key", "because its for_each key is no longer in the map", "restore its key in the for_each map")]
    [InlineData("delete_because_wrong_repetition", "because count/for_each was added or removed", "add a moved block from the old address to the new one")]
    public void The_advice_fits_why_the_table_is_deleted(string reason, string because, string advice)
    {
        var result = Deleted(reason, protectedToday: false);
        Assert.Equal(Status.Fail, result.Status);
        Assert.Contains(because, result.Message);
        Assert.Contains("if this is not intended, " + advice, result.Message);
        Assert.EndsWith("protect the table with lifecycle { prevent_destroy = true } and deletion_protection_enabled = true", result.Message);
    }

    [Fact]
    public void Deletion_protection_on_today_is_not_advised_again()
    {
        var result = Deleted("delete_because_no_resource_config", protectedToday: true);
        Assert.Equal(Status.Fail, result.Status);
        Assert.Contains("deletion_protection_enabled is on today, so AWS refuses the delete and the apply fails until it is turned off", result.Message);
        Assert.DoesNotContain("and deletion_protection_enabled = true", result.Message);
    }
}
