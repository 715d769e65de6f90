using SecureDynamo.Lint.Core.Evaluation;
using Xunit;

namespace SecureDynamo.Lint.Tests.Core;

/// <summary>A result kept as its text says exactly what one made with the whole message says.</summary>
public class EvaluationResultTests
{
    private const string Address = "module.t[\"a\"].aws_dynamodb_table.this";

    private static EvaluationResult Kept(string text) =>
        EvaluationResult.Addressed("dynamodb:002", "PITR", Severity.High, Status.Fail, Address, "aws_dynamodb_table", text, null, null, "plan.json");

    private static EvaluationResult Whole(string message) =>
        new("dynamodb:002", "PITR", Severity.High, Status.Fail, Address, "aws_dynamodb_table", message, null, null, "plan.json");

    [Fact]
    public void A_kept_text_reads_as_the_whole_message()
    {
        var kept = Kept("point_in_time_recovery is not enabled");
        var whole = Whole(Address + ": point_in_time_recovery is not enabled");
        Assert.Equal(whole.Message, kept.Message);
        Assert.Equal("point_in_time_recovery is not enabled", kept.MessageText.ToString());
        Assert.Equal("point_in_time_recovery is not enabled", whole.MessageText.ToString());
        Assert.True(kept.MessageHasAddress);
        Assert.True(whole.MessageHasAddress);
        Assert.Equal(whole, kept);
        Assert.Equal(whole.GetHashCode(), kept.GetHashCode());
    }

    [Fact]
    public void A_message_about_something_else_has_no_address_to_drop()
    {
        var other = Whole("the plan has no configuration");
        Assert.False(other.MessageHasAddress);
        Assert.Equal("the plan has no configuration", other.MessageText.ToString());
        Assert.NotEqual(other, Kept("the plan has no configuration"));
    }

    [Fact]
    public void A_copy_keeps_its_message_unless_given_another()
    {
        var kept = Kept("deletion_protection_enabled is false");
        var moved = kept with { ResourceAddress = "aws_dynamodb_table.renamed", Status = Status.Suppressed };
        Assert.Equal(Address + ": deletion_protection_enabled is false", moved.Message);
        Assert.False(moved.MessageHasAddress);
        Assert.Equal(moved.Message, moved.MessageText.ToString());
        var replaced = kept with { Message = "replaced" };
        Assert.Equal("replaced", replaced.Message);
        Assert.False(replaced.MessageHasAddress);
    }
}
