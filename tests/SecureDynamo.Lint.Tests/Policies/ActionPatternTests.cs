using SecureDynamo.Lint.Policies.Iam;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>IAM action and resource wildcards as dynamodb:012 reads them.</summary>
public sealed class ActionPatternTests
{
    [Theory]
    [InlineData("dynamodb:GetItem", true, false)]
    [InlineData("dynamodb:Get*", true, false)]
    [InlineData("dynamodb:Batch*Item", true, false)]
    [InlineData("dynamodb:?etItem", true, false)]
    [InlineData("dynamodb:*", true, true)]
    [InlineData("DynamoDB:*", true, true)]
    [InlineData("DYNAMODB:getitem", true, false)]
    [InlineData("dynamo*", true, true)]
    [InlineData("dynamo*:Get*", true, false)]
    [InlineData("*", true, true)]
    [InlineData("*:*", true, true)]
    [InlineData("**", true, true)]
    [InlineData("dynamodb:?*", true, true)]
    [InlineData("dynamodb:*?", true, true)]
    [InlineData("dynamodb:??*", true, false)]
    [InlineData("dynamodb:?", true, false)]
    [InlineData("s3:*", false, false)]
    [InlineData("dynamodbx:GetItem", false, false)]
    [InlineData("iam:*", false, false)]
    [InlineData("dynamodb", false, false)]
    public void Action_patterns_match_dynamodb_actions_case_insensitively(string pattern, bool some, bool every)
    {
        Assert.Equal(some, ActionPattern.GrantsSomeActionOf(pattern, "dynamodb"));
        Assert.Equal(every, ActionPattern.GrantsEveryActionOf(pattern, "dynamodb"));
    }

    [Theory]
    [InlineData("*", true)]
    [InlineData("arn:aws:dynamodb:*:*:*", true)]
    [InlineData("arn:aws:dynamodb:*:*:table/*", true)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/*", true)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:*", true)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table*", true)]
    [InlineData("arn:aws:dynamodb:*:*:table/*/index/*", true)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/?*", true)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/*?", true)]
    [InlineData("?*", true)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/????", false)]
    [InlineData("arn:aws:*", true)]
    [InlineData("arn:*", true)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/orders", false)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/orders/index/*", false)]
    [InlineData("arn:aws:dynamodb:*:123456789012:table/orders-*", false)]
    // A final * matches across the colons: every table of every region, or of one region.
    [InlineData("arn:aws:dynamodb:*:*", true)]
    [InlineData("arn:aws:dynamodb:eu-west-1:*", true)]
    [InlineData("arn:aws:dynamodb:*", true)]
    // Table names are 3 to 255 characters: ???* matches them all.
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/???*", true)]
    // Every name but those of three characters.
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/????*", true)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/?????*", false)]
    // Names with a letter, a dash, a word: not every table (though the * could run on into every table's backups or streams).
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/*a*", false)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/*-*", false)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/*customer*", false)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/*/index/by_customer", false)]
    // Every backup, export or global table is as wide as every table.
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/*/backup/*", true)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/*/export/*", true)]
    [InlineData("arn:aws:dynamodb::123456789012:global-table/*", true)]
    [InlineData("arn:aws:dynamodb::123456789012:global-table/orders", false)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/*/stream/*", true)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/orders*", false)]
    [InlineData("arn:aws-us-gov:dynamodb:*:*:table/*", true)]
    [InlineData("arn:aws:s3:::bucket/*", false)]
    [InlineData("arn:aws:s3:*", false)]
    public void Resource_patterns_are_account_or_region_wide_for_dynamodb(string resource, bool wide)
    {
        Assert.Equal(wide, ResourcePattern.IsDynamoDbWide(resource));
    }

    [Theory]
    // \ue000 marks a part known only after apply.
    [InlineData("arn:aws:dynamodb:\ue000:\ue000:table/*", true)]
    [InlineData("arn:aws:dynamodb:\ue000:\ue000:table/orders", false)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/\ue000", null)]
    // A value that starts unknown may be a whole ARN, table/* included: its streams or indexes of every table.
    [InlineData("\ue000/stream/*", null)]
    [InlineData("\ue000/index/*", null)]
    [InlineData("\ue000", null)]
    // An unknown start may be any text, the start of an ARN included: table/* after it may be every table.
    [InlineData("\ue000:table/*", null)]
    public void Resources_known_in_part_are_wide_narrow_or_undecided(string partial, bool? wide)
    {
        Assert.Equal(wide, ResourcePattern.IsDynamoDbWide(partial, "\ue000"));
    }

    [Fact]
    public void Pathological_patterns_are_decided()
    {
        // A backtracking matcher takes exponential time here and would never finish; no timing is asserted
        // (speed is measured by the benchmark), only that the answer comes and is right.
        var pattern = string.Concat(Enumerable.Repeat("*a", 2000)) + "b";
        var text = new string('a', 5000);
        Assert.False(WildcardPattern.Matches(pattern, text));
        Assert.True(WildcardPattern.Matches(pattern[..^1], text));
    }
}
