using SecureDynamo.Lint.Policies.Iam;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>How single statements are judged by dynamodb:012 (DynamoDB grants) and dynamodb:006 (principals).</summary>
public sealed class StatementGrantTests
{
    private const string Table = "arn:aws:dynamodb:eu-west-1:111122223333:table/orders";

    [Theory]
    [InlineData("""{"Effect":"Allow","Action":"dynamodb:*","Resource":"TABLE"}""", DynamoDbGrantKind.Overbroad)]
    [InlineData("""{"Effect":"Allow","Action":"*","Resource":"TABLE"}""", DynamoDbGrantKind.Overbroad)]
    [InlineData("""{"Effect":"Allow","Action":["*:*"],"Resource":"TABLE"}""", DynamoDbGrantKind.Overbroad)]
    [InlineData("""{"Effect":"Allow","NotAction":"iam:*","Resource":"TABLE"}""", DynamoDbGrantKind.Overbroad)]
    [InlineData("""{"Effect":"Allow","NotAction":["dynamodb:GetItem"],"Resource":"TABLE"}""", DynamoDbGrantKind.Overbroad)]
    [InlineData("""{"Effect":"Allow","NotAction":["DynamoDB:*"],"Resource":"*"}""", DynamoDbGrantKind.None)]
    [InlineData("""{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*"}""", DynamoDbGrantKind.Overbroad)]
    [InlineData("""{"Effect":"Allow","Action":"dynamodb:GetItem","NotResource":"TABLE"}""", DynamoDbGrantKind.Overbroad)]
    [InlineData("""{"Effect":"Allow","Action":"dynamodb:Get*","Resource":"TABLE"}""", DynamoDbGrantKind.Scoped)]
    // Actions that take no resource can only be granted on "*"; a wildcard among them (List* covers ListTagsOfResource) cannot.
    [InlineData("""{"Effect":"Allow","Action":["dynamodb:ListTables","dynamodb:DescribeLimits"],"Resource":"*"}""", DynamoDbGrantKind.Scoped)]
    [InlineData("""{"Effect":"Allow","Action":["dynamodb:ListTables","dynamodb:GetItem"],"Resource":"*"}""", DynamoDbGrantKind.Overbroad)]
    [InlineData("""{"Effect":"Allow","Action":"dynamodb:List*","Resource":"*"}""", DynamoDbGrantKind.Overbroad)]
    [InlineData("""{"Effect":"Allow","Action":"dynamodb:Get*","Resource":["TABLE","TABLE/index/*"]}""", DynamoDbGrantKind.Scoped)]
    [InlineData("""{"Effect":"Deny","Action":"*","Resource":"*"}""", DynamoDbGrantKind.None)]
    [InlineData("""{"Effect":"Allow","Action":"s3:*","Resource":"*"}""", DynamoDbGrantKind.None)]
    // Resources known in part (U+E000 for each part known only after apply): the known text decides where it can.
    [InlineData("""{"Effect":"Allow","Action":"dynamodb:Query","Resource":"arn:aws:dynamodb:us-east-1:\ue000:table/*"}""", DynamoDbGrantKind.Overbroad)]
    [InlineData("""{"Effect":"Allow","Action":"dynamodb:Query","Resource":["TABLE","arn:aws:dynamodb:\ue000:\ue000:*"]}""", DynamoDbGrantKind.Overbroad)]
    [InlineData("""{"Effect":"Allow","Action":"dynamodb:Query","Resource":"arn:aws:dynamodb:\ue000:\ue000:table/orders"}""", DynamoDbGrantKind.Scoped)]
    [InlineData("""{"Effect":"Allow","Action":"dynamodb:Query","Resource":["arn:aws:dynamodb:\ue000:\ue000:table/orders","arn:aws:dynamodb:\ue000:\ue000:table/orders/index/*"]}""", DynamoDbGrantKind.Scoped)]
    [InlineData("""{"Effect":"Allow","Action":"dynamodb:Query","Resource":"arn:aws:dynamodb:us-east-1:111122223333:table/\ue000"}""", DynamoDbGrantKind.Unknown)]
    [InlineData("""{"Effect":"Allow","Action":"dynamodb:Query","Resource":"\ue000"}""", DynamoDbGrantKind.Unknown)]
    public void Dynamodb_grants(string statement, DynamoDbGrantKind expected)
    {
        var document = PolicyDocumentParser.Parse("{\"Statement\":[" + statement.Replace("TABLE", Table) + "]}").Document!;
        Assert.Equal(expected, DynamoDbGrant.Of(document.Statements[0]).Kind);
    }

    [Fact]
    public void An_empty_resource_list_is_named_as_no_resource()
    {
        var document = PolicyDocumentParser.Parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:GetItem\",\"Resource\":[]}]}").Document!;
        Assert.EndsWith("allows \"dynamodb:GetItem\" on no Resource", DynamoDbGrant.Of(document.Statements[0]).Reason);
    }

    [Fact]
    public void Unknown_parts_make_an_otherwise_scoped_grant_unknown_but_never_hide_a_wildcard()
    {
        var unknownResources = new PolicyStatement(0, null, PolicyEffect.Allow, PolicyElement.Of("dynamodb:GetItem"), null,
            new PolicyElement(Array.Empty<string>(), "resources are known only after apply"), null, null, null, Array.Empty<PolicyCondition>());
        Assert.Equal(DynamoDbGrantKind.Unknown, DynamoDbGrant.Of(unknownResources).Kind);
        var wildcard = unknownResources with { Action = PolicyElement.Of("dynamodb:*") };
        Assert.Equal(DynamoDbGrantKind.Overbroad, DynamoDbGrant.Of(wildcard).Kind);
        var unknownEffect = wildcard with { Effect = PolicyEffect.Unknown };
        Assert.Equal(DynamoDbGrantKind.Unknown, DynamoDbGrant.Of(unknownEffect).Kind);
    }

    [Theory]
    [InlineData("""{"Effect":"Allow","Principal":"*","Action":"dynamodb:GetItem"}""", null, PrincipalGrantKind.Open)]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"dynamodb:GetItem"}""", null, PrincipalGrantKind.Open)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}}""", null, PrincipalGrantKind.Restricted)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringEquals":{"AWS:SOURCEVPCE":"vpce-1"}}}""", null, PrincipalGrantKind.Restricted)]
    // A pattern admits whatever account, organization or endpoint matches it, not known ones: it pins nothing.
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"ForAnyValue:StringLike":{"aws:PrincipalAccount":["1111*"]}}}""", null, PrincipalGrantKind.Open)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringLike":{"aws:PrincipalAccount":"9*"}}}""", "111122223333", PrincipalGrantKind.Open)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringLike":{"aws:SourceVpce":"vpce-0*"}}}""", null, PrincipalGrantKind.Open)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringLike":{"aws:PrincipalAccount":"111122223333"}}}""", null, PrincipalGrantKind.Restricted)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringNotEquals":{"aws:PrincipalAccount":"111122223333"}}}""", null, PrincipalGrantKind.Open)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1"}}}""", null, PrincipalGrantKind.Open)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringLike":{"aws:PrincipalAccount":"*"}}}""", null, PrincipalGrantKind.Open)]
    // ForAllValues: is true for a request without the key (an empty set); patterns that match every value pin nothing.
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"ForAllValues:StringEquals":{"aws:SourceVpce":"vpce-1"}}}""", null, PrincipalGrantKind.Open)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"ForAllValues:StringEquals":{"aws:SourceAccount":"111122223333"}}}""", null, PrincipalGrantKind.Open)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"ForAnyValue:StringEquals":{"aws:SourceVpce":"vpce-1"}}}""", null, PrincipalGrantKind.Restricted)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringLike":{"aws:PrincipalOrgID":"o-*"}}}""", null, PrincipalGrantKind.Open)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringLike":{"aws:PrincipalOrgID":"o-abc*"}}}""", null, PrincipalGrantKind.Open)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringLike":{"aws:SourceVpce":"VPCE-?*"}}}""", null, PrincipalGrantKind.Open)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringLike":{"aws:PrincipalAccount":"?*"}}}""", null, PrincipalGrantKind.Open)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringLike":{"aws:PrincipalAccount":"????????????"}}}""", null, PrincipalGrantKind.Open)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringLike":{"aws:PrincipalAccount":"1111????????"}}}""", null, PrincipalGrantKind.Open)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-*"}}}""", null, PrincipalGrantKind.Restricted)]
    [InlineData("""{"Effect":"Deny","Principal":"*"}""", null, PrincipalGrantKind.None)]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/api"}}""", "111122223333", PrincipalGrantKind.Restricted)]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","444455556666"]}}""", "111122223333", PrincipalGrantKind.Untrusted)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"444455556666"}}}""", "111122223333", PrincipalGrantKind.Untrusted)]
    [InlineData("""{"Effect":"Allow","Principal":{"Service":"dynamodb.amazonaws.com"}}""", "111122223333", PrincipalGrantKind.Restricted)]
    // Parts known only after apply (U+E000, as a template or jsonencode skeleton writes them): an ARN with an unknown
    // account is one principal, not everyone; a wholly unknown identifier, condition value or effect decides nothing.
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::\ue000:role/reader"}}""", null, PrincipalGrantKind.Restricted)]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::\ue000:role/reader"}}""", "111122223333", PrincipalGrantKind.Unknown)]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":["\ue000"]}}""", null, PrincipalGrantKind.Unknown)]
    // An exact pin (StringEquals, ArnEquals) to a value known only after apply (aws_vpc_endpoint.x.id, the caller's account)
    // still pins one endpoint or account; a pattern could become "*", and an unknown account cannot be checked against trustedAccounts.
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"\ue000"}}}""", null, PrincipalGrantKind.Restricted)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringEquals":{"aws:SourceVpce":["\ue000"]}}}""", null, PrincipalGrantKind.Restricted)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"\ue000"}}}""", "111122223333", PrincipalGrantKind.Unknown)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringLike":{"aws:SourceVpce":"\ue000"}}}""", null, PrincipalGrantKind.Unknown)]
    // A condition that could never pin (another key, ...IfExists, a negation) pins nothing whatever its value turns out to be.
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringEquals":{"aws:username":"\ue000"}}}""", null, PrincipalGrantKind.Open)]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":"*"},"Condition":{"StringEqualsIfExists":{"aws:SourceVpce":"\ue000"}}}""", null, PrincipalGrantKind.Open)]
    [InlineData("""{"Effect":"Allow","Principal":"*","Condition":{"StringNotEquals":{"aws:PrincipalAccount":["\ue000"]}}}""", null, PrincipalGrantKind.Open)]
    [InlineData("""{"Effect":"\ue000","Principal":"*"}""", null, PrincipalGrantKind.Unknown)]
    public void Principal_grants(string statement, string? trusted, PrincipalGrantKind expected)
    {
        var document = PolicyDocumentParser.Parse("{\"Statement\":[" + statement + "]}").Document!;
        var accounts = trusted is null ? null : new[] { trusted };
        Assert.Equal(expected, PrincipalGrant.Of(document.Statements[0], accounts).Kind);
    }
}
