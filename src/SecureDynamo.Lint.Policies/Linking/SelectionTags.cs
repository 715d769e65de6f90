using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Policies.Linking;

/// <summary>Matches an <c>aws_backup_selection</c>'s <c>selection_tag</c> and <c>condition</c> blocks against a table's tags.</summary>
public static class SelectionTags
{
    private static readonly AttributePath Tags = AttributePath.Of("selection_tag");
    private static readonly AttributePath Condition = AttributePath.Of("condition");
    private const string TagKeyPrefix = "aws:ResourceTag/";

    /// <summary>Whether any <c>selection_tag</c> (they are ORed) matches the table's tags.</summary>
    public static bool? Match(Resource selection, Resource table, PolicyContext context, out string why)
    {
        var blocks = context.Effective(selection, Tags);
        why = "";
        if (blocks.IsUnknown) { why = "selection_tag is known only after apply"; return null; }
        bool? result = false;
        foreach (var block in blocks.Items)
        {
            var key = block.Get("key").AsString();
            var value = block.Get("value");
            var type = block.Get("type").AsString() ?? "STRINGEQUALS";
            if (key is null || !value.IsKnown) { result = null; why = "a selection_tag is known only after apply"; continue; }
            var m = TagMatches(table, context.Graph, key, v => type == "STRINGEQUALS" && v == value.AsString());
            if (m == true) { why = $"selection_tag {key} = {value.ToDisplayString()}"; return true; }
            if (m == null) { result = null; why = $"the table's tags are known only after apply (selection_tag {key})"; }
        }
        return result;
    }

    public static bool HasConditions(Resource selection) => selection.Get(Condition).Items.Count > 0;

    /// <summary>Whether every <c>condition</c> (they are ANDed) holds for the table's tags; true when there are none.</summary>
    public static bool? Conditions(Resource selection, Resource table, PolicyContext context, out string why)
    {
        var blocks = context.Effective(selection, Condition);
        why = "";
        if (blocks.IsUnknown) { why = "condition is known only after apply"; return null; }
        bool? result = true;
        foreach (var block in blocks.Items)
        {
            foreach (var (kind, entries) in block.Fields)
            {
                foreach (var entry in entries.Items)
                {
                    var key = entry.Get("key").AsString();
                    var value = entry.Get("value").AsString();
                    if (key is null || value is null || !key.StartsWith(TagKeyPrefix, StringComparison.Ordinal)) { result = result == false ? false : null; why = $"condition {kind} is known only after apply"; continue; }
                    var tag = key[TagKeyPrefix.Length..];
                    var m = kind switch
                    {
                        "string_equals" => TagMatches(table, context.Graph, tag, v => v == value),
                        "string_like" => TagMatches(table, context.Graph, tag, v => ArnPattern.Matches(value, v)),
                        "string_not_equals" => Not(TagMatches(table, context.Graph, tag, v => v == value)),
                        "string_not_like" => Not(TagMatches(table, context.Graph, tag, v => ArnPattern.Matches(value, v))),
                        _ => null,
                    };
                    if (m == false) { why = $"condition {kind} {key} does not hold"; return false; }
                    if (m == null) { result = null; why = $"condition {kind} {key} cannot be decided before apply"; }
                    else if (why.Length == 0) why = $"condition {kind} {key} holds";
                }
            }
        }
        return result;
    }

    private static bool? Not(bool? b) => b is null ? null : !b;

    /// <summary>
    /// Whether the table's tag <paramref name="key"/> passes <paramref name="test"/>: read from <c>tags_all</c> (the
    /// provider's default tags with the table's own over them), or, where a plan knows it only after apply, from the
    /// table's own <c>tags</c> (they win) and else the provider's <c>default_tags</c>. Null when that cannot be told.
    /// </summary>
    private static bool? TagMatches(Resource table, ResourceGraph graph, string key, Func<string, bool> test)
    {
        var all = table.Get(AttributePath.Of("tags_all"));
        if (all.IsKnown && !all.IsNull) return Test(all.Get(key), test);
        var tags = table.Get(AttributePath.Of("tags"));
        if (tags.IsUnknown) return null;
        var own = tags.Get(key);
        // tags_all absent (a provider without it) or the table's own tag, which no default overrides.
        if (all.IsNull || !own.IsNull) return Test(own, test);
        return DefaultTags(table, graph) is { } defaults ? Test(defaults.Get(key), test) : null;
    }

    private static bool? Test(Value tag, Func<string, bool> test) => tag.IsUnknown ? null : tag.AsString() is { } s && test(s);

    /// <summary>
    /// The <c>default_tags { tags = ... }</c> of the table's provider configuration in a plan when known (an empty map
    /// when the configuration writes none); null when not known or not found.
    /// </summary>
    private static Value? DefaultTags(Resource table, ResourceGraph graph)
    {
        if (graph.Kind != InputKind.Plan || table.ProviderConfigKey is not { } key) return null;
        var provider = graph.Providers.FirstOrDefault(p => p.Key == key);
        if (provider is null) return null;
        if (!provider.Arguments.TryGetValue("default_tags.tags", out var tags)) return Value.EmptyMap;
        return tags.References.Count == 0 && tags.Constant is { Kind: ValueKind.Map } constant ? constant : null;
    }
}
