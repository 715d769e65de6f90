using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Engine;
using Xunit;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>A text a policy says of many resources is one string while the policy is judged; the words never change.</summary>
public class VerdictTextTests
{
    private static Resource Table(string name) =>
        new(new ResourceAddress("", ResourceMode.Managed, "aws_dynamodb_table", name, null), PlannedAction.Create, Value.EmptyMap, Value.Null, null);

    [Fact]
    public void Equal_texts_are_one_string_while_a_policy_is_judged()
    {
        var days = 35;
        var texts = new SharedTexts();
        Verdict a, b, c;
        using (texts.Share())
        {
            a = Verdict.Fail(Table("a"), $"recovery window is {days} days");
            b = Verdict.Fail(Table("b"), $"recovery window is {days} days");
            c = Verdict.Pass(Table("c"), $"recovery window is {days + 1} days");
        }
        Assert.Equal("recovery window is 35 days", a.Text);
        Assert.Same(a.Text, b.Text);
        Assert.Equal("recovery window is 36 days", c.Text);
        Assert.Equal("aws_dynamodb_table.b: recovery window is 35 days", b.Message);
    }

    [Fact]
    public void Outside_a_policy_judgement_texts_are_made_as_usual()
    {
        var days = 35;
        var a = Verdict.Fail(Table("a"), $"recovery window is {days} days");
        var b = Verdict.Fail(Table("b"), $"recovery window is {days} days");
        Assert.Equal(a.Text, b.Text);
        Assert.NotSame(a.Text, b.Text);
        Assert.Null(SharedTexts.Current);
    }
}
