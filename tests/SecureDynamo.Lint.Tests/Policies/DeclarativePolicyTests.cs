using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Plan;
using SecureDynamo.Lint.Policies.Engine;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>Custom policies from <c>--policy-dir</c>: loading, errors, and verdicts on a plan.</summary>
public sealed class DeclarativePolicyTests
{
    private static string SampleDir => RepositoryPaths.InFixtures("custom-policies", "acme");
    private static string SamplePlan => RepositoryPaths.InFixtures("custom-policies", "tables.plan.json");

    private const string Metadata = """
        "title": "t", "severity": "low", "description": "d", "rationale": "r", "remediation": "resource \"x\" \"y\" {}",
        "resourceTypes": ["aws_dynamodb_table"], "outcomes": ["pass", "fail"], "references": []
        """;

    private static string Policy(string id, string rule, string extra = "") => $$"""{"id": "{{id}}", {{Metadata}}{{extra}}, "rule": {{rule}}}""";

    [Fact]
    public void The_sample_folder_loads_both_file_shapes()
    {
        var policies = CustomPolicyLoader.Load(SampleDir);
        Assert.Equal(["acme:table-class", "acme:table-naming"], policies.Select(p => p.Id).Order(StringComparer.Ordinal));
        var tableClass = policies.Single(p => p.Id == "acme:table-class");
        Assert.Equal("table-class", tableClass.Metadata.Slug);
        Assert.Contains("## Why", tableClass.Metadata.Documentation, StringComparison.Ordinal);
        Assert.Equal(Severity.Medium, tableClass.Metadata.Severity);
        Assert.EndsWith(Path.Combine("table-class", "policy.json"), tableClass.DefinitionFile, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_policies_judge_the_plan()
    {
        var catalog = PolicyCatalog.BuiltIn().With(CustomPolicyLoader.Load(SampleDir));
        var graph = PlanReader.ReadFile(SamplePlan, new PlanReadOptions(catalog.ResourceTypes()));
        var engine = new PolicyEngine(catalog, new PolicySelection(new HashSet<string> { "acme:table-class", "acme:table-naming" }, new HashSet<string>(), new Dictionary<string, PolicyOptions>()));
        var verdicts = engine.Run(graph).ToDictionary(r => (r.PolicyId, r.ResourceAddress), r => r);

        Assert.Equal(Status.Pass, verdicts[("acme:table-class", "aws_dynamodb_table.orders")].Status);
        Assert.Equal(Status.Fail, verdicts[("acme:table-class", "aws_dynamodb_table.archive")].Status);
        Assert.Equal("aws_dynamodb_table.archive: table_class is \"STANDARD_INFREQUENT_ACCESS\"; set table_class = \"STANDARD\" or ask the platform team for a cost review",
            verdicts[("acme:table-class", "aws_dynamodb_table.archive")].Message);
        Assert.Equal(Status.Unknown, verdicts[("acme:table-class", "aws_dynamodb_table.computed")].Status);
        Assert.Contains("local.table_class", verdicts[("acme:table-class", "aws_dynamodb_table.computed")].Message, StringComparison.Ordinal);
        Assert.Equal(Status.Pass, verdicts[("acme:table-naming", "aws_dynamodb_table.orders")].Status);
        Assert.Equal(Status.Fail, verdicts[("acme:table-naming", "aws_dynamodb_table.legacy")].Status);
        Assert.Equal(8, verdicts.Count);
    }

    [Theory]
    [InlineData("bad.json", "{\"id\": \"acme:x\",\n \"title\": }", "invalid JSON at line 2")]
    [InlineData("extra.json", "{\"id\": \"acme:x\"} {}", "invalid JSON")]
    [InlineData("dup-key.json", "{\"id\": \"acme:x\", \"id\": \"acme:y\"}", "invalid JSON")]
    [InlineData("norule.json", "{\"id\": \"acme:x\"}", "a custom policy needs a \"rule\" object")]
    public void Unreadable_files_are_reported_naming_the_file(string name, string text, string problem)
    {
        using var dir = new TemporaryDirectory();
        var file = dir.Write(name, text);
        var e = Assert.Throws<PolicyDefinitionException>(() => CustomPolicyLoader.Load(dir.Path));
        Assert.StartsWith(file + ": " + problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_with_a_trailing_line_break_is_refused()
    {
        // "$" would match before the final line break, and the id would reach every report with it.
        using var dir = new TemporaryDirectory();
        var file = dir.Write("p.json", Policy("acme:x\\n", """{"attribute": "name", "operator": "exists"}"""));
        var e = Assert.Throws<PolicyDefinitionException>(() => CustomPolicyLoader.Load(dir.Path));
        Assert.StartsWith(file + ": \"id\" must look like", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_metadata_key_is_reported()
    {
        using var dir = new TemporaryDirectory();
        var file = dir.Write("p.json", Policy("acme:x", """{"attribute": "name", "operator": "exists"}""", ", \"colour\": \"red\""));
        var e = Assert.Throws<PolicyDefinitionException>(() => CustomPolicyLoader.Load(dir.Path));
        Assert.Equal(file + ": unknown key \"colour\"", e.Message);
    }

    [Fact]
    public void A_bad_operator_is_reported()
    {
        using var dir = new TemporaryDirectory();
        var file = dir.Write(Path.Combine("naming", "policy.json"), Policy("acme:x", """{"attribute": "name", "operator": "like", "value": "x"}"""));
        var e = Assert.Throws<PolicyDefinitionException>(() => CustomPolicyLoader.Load(dir.Path));
        Assert.StartsWith(file + ": \"rule.operator\" \"like\" is not one of equals, notEquals", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_custom_files_with_one_id_are_reported()
    {
        using var dir = new TemporaryDirectory();
        var first = dir.Write("a.json", Policy("acme:x", """{"attribute": "name", "operator": "exists"}"""));
        var second = dir.Write("b.json", Policy("acme:x", """{"attribute": "name", "operator": "exists"}"""));
        var e = Assert.Throws<PolicyDefinitionException>(() => CustomPolicyLoader.Load(dir.Path));
        Assert.Equal($"{second}: policy id acme:x is already defined by {first}; ids must be unique", e.Message);
    }

    [Fact]
    public void A_custom_policy_cannot_take_a_built_in_id()
    {
        using var dir = new TemporaryDirectory();
        var file = dir.Write("mine.json", Policy("dynamodb:003", """{"attribute": "name", "operator": "exists"}"""));
        var e = Assert.Throws<PolicyDefinitionException>(() => PolicyCatalog.BuiltIn().With(CustomPolicyLoader.Load(dir.Path)));
        Assert.Equal($"{file}: policy id dynamodb:003 is already defined by policies/dynamodb-003-table-has-deletion-protection/policy.json (built in); ids must be unique", e.Message);
    }

    [Fact]
    public void A_date_like_value_in_a_custom_file_is_compared_as_written()
    {
        using var dir = new TemporaryDirectory();
        dir.Write("restore.json", Policy("acme:restore", """{"attribute": "restore_date_time", "operator": "notEquals", "value": "2024-01-01T00:00:00Z"}"""));
        var rule = CustomPolicyLoader.Load(dir.Path).Single().Rule;
        Assert.False(rule.Holds(SecureDynamo.Lint.Core.Values.Value.String("2024-01-01T00:00:00Z")));
        Assert.Equal("restore_date_time must not be \"2024-01-01T00:00:00Z\"", rule.Fix);
    }

    [Fact]
    public void A_missing_folder_is_reported()
    {
        var missing = Path.Combine(Path.GetTempPath(), "securedynamo-no-such-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<PolicyDefinitionException>(() => CustomPolicyLoader.Load(missing));
        Assert.Equal($"{missing}: policy directory does not exist", e.Message);
    }
}
