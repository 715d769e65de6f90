using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>The declarative rule operators on known, null and unknown values, and the rule file checks.</summary>
public sealed class AttributeRuleTests
{
    private static AttributeRule Rule(string json) => AttributeRule.Parse("rule.json", PolicyJson.Parse(json)); // as the loaders read it

    private static Value S(string s) => Value.String(s);

    public static TheoryData<string, Value, bool?> Cases() => new()
    {
        // equals / notEquals: strings, booleans, numbers, null
        { """{"attribute": "table_class", "operator": "equals", "value": "STANDARD"}""", S("STANDARD"), true },
        { """{"attribute": "table_class", "operator": "equals", "value": "STANDARD"}""", S("STANDARD_INFREQUENT_ACCESS"), false },
        { """{"attribute": "table_class", "operator": "equals", "value": "STANDARD"}""", Value.Null, false },
        { """{"attribute": "deletion_protection_enabled", "operator": "equals", "value": true}""", Value.True, true },
        { """{"attribute": "deletion_protection_enabled", "operator": "equals", "value": true}""", Value.False, false },
        { """{"attribute": "deletion_protection_enabled", "operator": "equals", "value": true}""", Value.Null, false },
        { """{"attribute": "read_capacity", "operator": "equals", "value": 5}""", Value.Number("5.0"), true },
        { """{"attribute": "description", "operator": "equals", "value": null}""", Value.Null, true },
        { """{"attribute": "table_class", "operator": "notEquals", "value": "STANDARD_INFREQUENT_ACCESS"}""", S("STANDARD"), true },
        { """{"attribute": "table_class", "operator": "notEquals", "value": "STANDARD_INFREQUENT_ACCESS"}""", S("STANDARD_INFREQUENT_ACCESS"), false },
        // in / notIn
        { """{"attribute": "stream_view_type", "operator": "in", "values": ["NEW_IMAGE", "NEW_AND_OLD_IMAGES"]}""", S("NEW_IMAGE"), true },
        { """{"attribute": "stream_view_type", "operator": "in", "values": ["NEW_IMAGE", "NEW_AND_OLD_IMAGES"]}""", S("KEYS_ONLY"), false },
        { """{"attribute": "stream_view_type", "operator": "in", "values": ["NEW_IMAGE"]}""", Value.Null, false },
        { """{"attribute": "stream_view_type", "operator": "notIn", "values": ["KEYS_ONLY"]}""", S("NEW_IMAGE"), true },
        { """{"attribute": "stream_view_type", "operator": "notIn", "values": ["KEYS_ONLY"]}""", S("KEYS_ONLY"), false },
        // exists / notExists: null and empty blocks are absent
        { """{"attribute": "ttl", "operator": "exists"}""", Value.List([Value.Map(new Dictionary<string, Value> { ["enabled"] = Value.True })]), true },
        { """{"attribute": "ttl", "operator": "exists"}""", Value.List([]), false },
        { """{"attribute": "ttl", "operator": "exists"}""", Value.Null, false },
        { """{"attribute": "restore_source_name", "operator": "notExists"}""", Value.Null, true },
        { """{"attribute": "restore_source_name", "operator": "notExists"}""", S("orders-backup"), false },
        // matches / notMatches (a null value never matches)
        { """{"attribute": "name", "operator": "matches", "pattern": "-(dev|prod)$"}""", S("orders-prod"), true },
        { """{"attribute": "name", "operator": "matches", "pattern": "-(dev|prod)$"}""", S("OrdersTable"), false },
        { """{"attribute": "name", "operator": "matches", "pattern": "-(dev|prod)$"}""", Value.Null, false },
        { """{"attribute": "name", "operator": "notMatches", "pattern": "^tmp-"}""", S("orders-prod"), true },
        { """{"attribute": "name", "operator": "notMatches", "pattern": "^tmp-"}""", S("tmp-orders"), false },
        // atLeast / atMost, numbers given as numbers or numeric strings; null is not a number
        { """{"attribute": "replication_factor", "operator": "atLeast", "value": 3}""", Value.Number("3"), true },
        { """{"attribute": "replication_factor", "operator": "atLeast", "value": 3}""", Value.Number("2"), false },
        { """{"attribute": "replication_factor", "operator": "atLeast", "value": 3}""", S("4"), true },
        { """{"attribute": "replication_factor", "operator": "atLeast", "value": 3}""", Value.Null, false },
        { """{"attribute": "point_in_time_recovery[0].recovery_period_in_days", "operator": "atMost", "value": 35}""", Value.Number("35"), true },
        { """{"attribute": "point_in_time_recovery[0].recovery_period_in_days", "operator": "atMost", "value": 35}""", Value.Number("36"), false },
        // a date-like string stays the string it was written as
        { """{"attribute": "restore_date_time", "operator": "equals", "value": "2024-01-01T00:00:00Z"}""", S("2024-01-01T00:00:00Z"), true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Operator_decides_known_values(string rule, Value value, bool? expected) => Assert.Equal(expected, Rule(rule).Holds(value));

    [Theory]
    [InlineData("""{"attribute": "a", "operator": "equals", "value": true}""")]
    [InlineData("""{"attribute": "a", "operator": "notEquals", "value": true}""")]
    [InlineData("""{"attribute": "a", "operator": "in", "values": ["x"]}""")]
    [InlineData("""{"attribute": "a", "operator": "notIn", "values": ["x"]}""")]
    [InlineData("""{"attribute": "a", "operator": "exists"}""")]
    [InlineData("""{"attribute": "a", "operator": "notExists"}""")]
    [InlineData("""{"attribute": "a", "operator": "matches", "pattern": "x"}""")]
    [InlineData("""{"attribute": "a", "operator": "notMatches", "pattern": "x"}""")]
    [InlineData("""{"attribute": "a", "operator": "atLeast", "value": 1}""")]
    [InlineData("""{"attribute": "a", "operator": "atMost", "value": 1}""")]
    public void Every_operator_leaves_an_unknown_value_undecided(string rule) => Assert.Null(Rule(rule).Holds(Value.Unknown()));

    [Fact]
    public void Paths_accept_brackets_and_dotted_indexes()
    {
        Assert.Equal(AttributePath.Of("server_side_encryption", 0, "kms_key_arn"), Rule("""{"attribute": "server_side_encryption[0].kms_key_arn", "operator": "exists"}""").Path);
        Assert.Equal(AttributePath.Of("server_side_encryption", 0, "kms_key_arn"), Rule("""{"attribute": "server_side_encryption.0.kms_key_arn", "operator": "exists"}""").Path);
    }

    [Fact]
    public void A_rule_without_fix_describes_the_requirement()
    {
        Assert.Equal("set table_class = \"STANDARD\"", Rule("""{"attribute": "table_class", "operator": "equals", "value": "STANDARD"}""").Fix);
        Assert.Equal("custom fix", Rule("""{"attribute": "table_class", "operator": "equals", "value": "STANDARD", "fix": "custom fix"}""").Fix);
    }

    [Theory]
    [InlineData("""{"attribute": "a", "operator": "equals", "value": 1, "colour": "red"}""", "rule.json: unknown key \"rule.colour\"")]
    [InlineData("""{"operator": "exists"}""", "rule.json: \"rule.attribute\" is required")]
    [InlineData("""{"attribute": "a"}""", "rule.json: \"rule.operator\" is required")]
    [InlineData("""{"attribute": "a", "operator": "greaterThan", "value": 1}""", "rule.json: \"rule.operator\" \"greaterThan\" is not one of")]
    [InlineData("""{"attribute": 5, "operator": "exists"}""", "rule.json: \"rule.attribute\" must be a string")]
    [InlineData("""{"attribute": "a b", "operator": "exists"}""", "rule.json: \"rule.attribute\" \"a b\" is not an attribute path")]
    [InlineData("""{"attribute": "[0].a", "operator": "exists"}""", "rule.json: \"rule.attribute\" \"[0].a\" must start with an attribute name")]
    // A line break at the end is not part of a path ("$" would have let it through).
    [InlineData("""{"attribute": "a\n", "operator": "exists"}""", "rule.json: \"rule.attribute\" \"a\\n\" is not an attribute path")]
    [InlineData("""{"attribute": "a.1\n", "operator": "exists"}""", "rule.json: \"rule.attribute\" \"a.1\\n\" is not an attribute path")]
    // Digits of other scripts are not indexes (they once reached int.Parse and threw).
    [InlineData("""{"attribute": "a[\u0661]", "operator": "exists"}""", "rule.json: \"rule.attribute\" \"a[١]\" is not an attribute path")]
    [InlineData("""{"attribute": "a.\u0661", "operator": "exists"}""", "rule.json: \"rule.attribute\" \"a.١\" is not an attribute path")]
    [InlineData("""{"attribute": "a", "operator": "equals"}""", "rule.json: \"rule.value\" is required for equals")]
    [InlineData("""{"attribute": "a", "operator": "equals", "value": ["x"]}""", "rule.json: \"rule.value\" is required for equals")]
    [InlineData("""{"attribute": "a", "operator": "equals", "values": ["x"]}""", "rule.json: \"rule.values\" is not used by operator equals")]
    [InlineData("""{"attribute": "a", "operator": "atLeast", "value": "three"}""", "rule.json: \"rule.value\" must be a number for atLeast")]
    [InlineData("""{"attribute": "a", "operator": "in", "values": []}""", "rule.json: \"rule.values\" must be a non-empty list for in")]
    [InlineData("""{"attribute": "a", "operator": "in", "values": [{"x": 1}]}""", "rule.json: \"rule.values\" may hold only strings")]
    [InlineData("""{"attribute": "a", "operator": "matches", "pattern": "("}""", "rule.json: \"rule.pattern\" is not a valid regular expression")]
    [InlineData("""{"attribute": "a", "operator": "exists", "value": true}""", "rule.json: \"rule.value\" is not used by operator exists")]
    [InlineData("""{"attribute": "a", "operator": "exists", "fix": ["x"]}""", "rule.json: \"rule.fix\" must be a string")]
    public void A_bad_rule_is_reported_naming_the_file(string rule, string message)
    {
        var e = Assert.Throws<PolicyDefinitionException>(() => Rule(rule));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }
}
