using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Core.Views;

namespace SecureDynamo.Lint.Tests.Core;

public sealed class DynamoTableViewTests
{
    private static DynamoTable Table(Dictionary<string, Value> after) =>
        new(new Resource(ResourceAddress.Parse("aws_dynamodb_table.t"), PlannedAction.Create, Value.Map(after), Value.Null, null));

    private static Value Block(params (string Key, Value Value)[] fields) => Value.Map(fields.ToDictionary(f => f.Key, f => f.Value));

    [Theory]
    [InlineData(null, true)]
    [InlineData("PROVISIONED", true)]
    [InlineData("PAY_PER_REQUEST", false)]
    public void Billing_mode_absent_means_provisioned(string? mode, bool provisioned)
    {
        var after = new Dictionary<string, Value>();
        if (mode is not null) after["billing_mode"] = Value.String(mode);
        Assert.Equal(provisioned, Table(after).IsProvisioned);
    }

    [Fact]
    public void Unknown_billing_mode_is_neither()
    {
        Assert.Null(Table(new() { ["billing_mode"] = Value.Unknown() }).IsProvisioned);
    }

    [Fact]
    public void Lists_indexes_and_replicas_with_their_paths()
    {
        var t = Table(new()
        {
            ["global_secondary_index"] = Value.List([Block(("name", Value.String("by_user"))), Block(("name", Value.String("by_date")))]),
            ["replica"] = Value.List([Block(("region_name", Value.String("eu-west-2")))]),
        });
        Assert.Equal(["by_user", "by_date"], t.GlobalSecondaryIndexes.Select(i => i.Name));
        Assert.Equal("global_secondary_index[1].read_capacity", t.GlobalSecondaryIndexes[1].ReadCapacity.ToString());
        var replica = Assert.Single(t.Replicas);
        Assert.Equal("eu-west-2", replica.Region);
        Assert.Equal("replica[0].kms_key_arn", replica.KmsKey.ToString());
    }

    [Fact]
    public void Refuses_other_resource_types() =>
        Assert.Throws<ArgumentException>(() => new DynamoTable(new Resource(ResourceAddress.Parse("aws_kms_key.k"), PlannedAction.Create, Value.EmptyMap, Value.Null, null)));
}
