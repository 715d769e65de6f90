using SecureDynamo.Lint.Policies.Iam;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>Table-driven tests of the IAM policy document parser: element shapes, effects and malformed input.</summary>
public sealed class PolicyDocumentParserTests
{
    public static TheoryData<string, string, string[], string[]> Elements() => new()
    {
        // name, document, actions of statement 0, resources of statement 0
        { "string action and resource", """{"Statement":[{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"arn:aws:dynamodb:eu-west-1:111122223333:table/t"}]}""",
            ["dynamodb:GetItem"], ["arn:aws:dynamodb:eu-west-1:111122223333:table/t"] },
        { "list action and resource", """{"Statement":[{"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:Query"],"Resource":["a","b"]}]}""",
            ["dynamodb:GetItem", "dynamodb:Query"], ["a", "b"] },
        { "statement as an object", """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}""", ["s3:*"], ["*"] },
        { "lower-case element names", """{"statement":[{"effect":"allow","action":"dynamodb:Query","resource":"*"}]}""", ["dynamodb:Query"], ["*"] },
        { "CRLF heredoc rendering", "{\r\n  \"Statement\": [\r\n    {\r\n      \"Action\": [\"s3:Get*\"],\r\n      \"Effect\": \"Allow\",\r\n      \"Resource\": \"*\"\r\n    }\r\n  ]\r\n}\r\n", ["s3:Get*"], ["*"] },
    };

    [Theory]
    [MemberData(nameof(Elements))]
    public void Parses_actions_and_resources_as_strings_or_lists(string name, string json, string[] actions, string[] resources)
    {
        var result = PolicyDocumentParser.Parse(json);
        Assert.True(result.Succeeded, $"{name}: {result.Error}");
        var s = Assert.Single(result.Document!.Statements);
        Assert.Equal(actions, s.Action!.Values);
        Assert.Equal(resources, s.Resource!.Values);
        Assert.Equal(PolicyEffect.Allow, s.Effect);
    }

    [Fact]
    public void Reads_not_action_not_resource_deny_principals_and_conditions()
    {
        var result = PolicyDocumentParser.Parse("""
            {"Statement":[
              {"Sid":"Everything","Effect":"Allow","NotAction":"iam:*","NotResource":["arn:aws:s3:::x"]},
              {"Effect":"Deny","Principal":"*","Action":"dynamodb:DeleteTable","Resource":"*"},
              {"Effect":"Allow","Principal":{"AWS":["111122223333","*"],"Service":"lambda.amazonaws.com"},"Action":"dynamodb:GetItem","Resource":"*",
               "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc","aws:SourceAccount":["111122223333",123456789012]}}}
            ]}
            """);
        Assert.True(result.Succeeded, result.Error);
        var s = result.Document!.Statements;
        Assert.Equal("statement \"Everything\"", s[0].Name);
        Assert.Equal(["iam:*"], s[0].NotAction!.Values);
        Assert.Null(s[0].Action);
        Assert.Equal(["arn:aws:s3:::x"], s[0].NotResource!.Values);
        Assert.Equal(PolicyEffect.Deny, s[1].Effect);
        Assert.True(Assert.Single(s[1].Principals!).IsEveryone);
        Assert.Equal(["AWS:111122223333", "AWS:*", "Service:lambda.amazonaws.com"], s[2].Principals!.Select(p => $"{p.Kind}:{p.Identifier}"));
        Assert.Equal("111122223333", s[2].Principals![0].Account);
        Assert.True(s[2].Principals![1].IsEveryone);
        Assert.Equal(["aws:PrincipalOrgID", "aws:SourceAccount"], s[2].Conditions.Select(c => c.Key));
        Assert.Equal(["111122223333", "123456789012"], s[2].Conditions[1].Values);
    }

    [Fact]
    public void A_document_without_statements_grants_nothing()
    {
        var result = PolicyDocumentParser.Parse("""{"Version":"2012-10-17"}""");
        Assert.True(result.Succeeded);
        Assert.Empty(result.Document!.Statements);
    }

    public static TheoryData<string, string> Malformed() => new()
    {
        { "", "is empty" },
        { "   \n", "is empty" },
        { "{\"Statement\": [", "is not valid JSON: " },
        { "{\"Statement\": []} {}", "is not valid JSON: more content after the document" },
        { "[1, 2]", "is not a JSON object (found a list)" },
        { "\"policy\"", "is not a JSON object (found a string)" },
        { "{\"Statement\": \"everyone\"}", "is malformed: Statement must be an object or a list (found a string)" },
        { "{\"Statement\": [42]}", "is malformed: Statement[0] is not an object (found a number)" },
        { "{\"Statement\": [{\"Action\": \"s3:*\"}]}", "is malformed: Statement[0] has no Effect" },
        { "{\"Statement\": [{\"Effect\": \"Maybe\", \"Action\": \"s3:*\"}]}", "is malformed: Statement[0].Effect must be \"Allow\" or \"Deny\" (found a string)" },
        { "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": {\"a\": 1}}]}", "is malformed: Statement[0].Action must be a string or a list of strings (found an object)" },
        { "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"s3:*\", [\"x\"]]}]}", "is malformed: Statement[0].Action must be a string or a list of strings (found a list)" },
        { "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": 7}]}", "is malformed: Statement[0].Principal must be \"*\" or an object such as {\"AWS\": [...]} (found a number)" },
        { "{\"Statement\": [{\"Effect\": \"Allow\", \"Condition\": {\"StringEquals\": \"x\"}}]}", "is malformed: Statement[0].Condition.StringEquals must be an object of condition keys (found a string)" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_documents_are_errors_never_exceptions(string json, string error)
    {
        var result = PolicyDocumentParser.Parse(json);
        Assert.False(result.Succeeded);
        Assert.Null(result.Document);
        Assert.StartsWith(error, result.Error);
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_crash()
    {
        var json = "{\"Statement\":" + new string('[', 5000) + new string(']', 5000) + "}";
        var result = PolicyDocumentParser.Parse(json);
        Assert.False(result.Succeeded);
        Assert.StartsWith("is not valid JSON", result.Error);
    }
}
