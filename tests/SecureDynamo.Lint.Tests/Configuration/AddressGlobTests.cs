using SecureDynamo.Lint.Policies.Suppression;

namespace SecureDynamo.Lint.Tests.Configuration;

public sealed class AddressGlobTests
{
    [Theory]
    [InlineData("aws_dynamodb_table.orders", "aws_dynamodb_table.orders", true)]
    [InlineData("aws_dynamodb_table.orders", "aws_dynamodb_table.orders2", false)]
    [InlineData("aws_dynamodb_table.*", "aws_dynamodb_table.orders", true)]
    [InlineData("aws_dynamodb_table.*", "module.a.aws_dynamodb_table.orders", false)]
    [InlineData("*.aws_dynamodb_table.*", "module.a.aws_dynamodb_table.orders", false)]
    [InlineData("module.*.aws_dynamodb_table.*", "module.a.aws_dynamodb_table.orders", true)]
    [InlineData("module.legacy.**", "module.legacy.module.inner.aws_dynamodb_table.t[0]", true)]
    [InlineData("module.legacy.**", "module.legacy2.aws_dynamodb_table.t", false)]
    [InlineData("**.aws_dynamodb_table.sessions", "aws_dynamodb_table.sessions", true)]
    [InlineData("**.aws_dynamodb_table.sessions", "module.store[\"eu\"].aws_dynamodb_table.sessions", true)]
    [InlineData("aws_dynamodb_table.t[*]", "aws_dynamodb_table.t[0]", true)]
    [InlineData("aws_dynamodb_table.t[\"a\"]", "aws_dynamodb_table.t[\"a\"]", true)]
    [InlineData("aws_dynamodb_table.t[\"a\"]", "aws_dynamodb_table.t[\"b\"]", false)]
    // A dot inside an instance key is part of the key, not a separator.
    [InlineData("aws_dynamodb_table.t[*]", "aws_dynamodb_table.t[\"x.y\"]", true)]
    [InlineData("aws_dynamodb_table.t*", "aws_dynamodb_table.t[\"x.y\"]", true)]
    [InlineData("aws_dynamodb_table.*", "aws_dynamodb_table.t[\"x.y\"]", true)]
    [InlineData("aws_dynamodb_table.t[\"x.*\"]", "aws_dynamodb_table.t[\"x.y.z\"]", true)]
    [InlineData("aws_dynamodb_table.t[\"x.*\"]", "aws_dynamodb_table.t[\"w.y\"]", false)]
    [InlineData("module.*.aws_dynamodb_table.*", "module.store[\"eu.west\"].aws_dynamodb_table.t", true)]
    [InlineData("aws_dynamodb_table.*", "aws_dynamodb_table.t[\"x\"].extra", false)]
    [InlineData("aws_dynamodb_table.(x)+", "aws_dynamodb_table.(x)+", true)]
    [InlineData("aws_dynamodb_table.(x)+", "aws_dynamodb_table.xx", false)]
    public void Glob_matches_addresses(string pattern, string address, bool expected) => Assert.Equal(expected, new AddressGlob(pattern).Matches(address));
}
