using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Policies.Rules;

/// <summary>
/// One <c>replica</c> block of an <c>aws_dynamodb_table</c> (a global table version 2019.11.21
/// replica), with the configuration block that wrote it.
/// </summary>
/// <remarks>
/// <c>replica</c> is a set in the provider schema, so the plan may order its elements differently
/// from the configuration: blocks are matched by <c>region_name</c>, and by position only when
/// the regions cannot be told apart.
/// </remarks>
public sealed record ReplicaBlock(Resource Table, int Index, Value Values, ConfigBody? Config)
{
    private static readonly AttributePath Replicas = AttributePath.Of("replica");

    /// <summary>The replica's region for messages (<c>replica[1]</c> when unknown or sensitive).</summary>
    public string Region => Values.Get("region_name") is { Sensitive: false } region && region.AsString() is { } name ? name : $"replica[{Index}]";

    /// <summary>The path of <paramref name="argument"/> in this replica.</summary>
    public AttributePath PathOf(string argument) => AttributePath.Of("replica", Index, argument);

    /// <summary>
    /// The replica blocks of <paramref name="table"/>: empty when it has none; null when the set
    /// of replicas itself is known only after apply.
    /// </summary>
    public static IReadOnlyList<ReplicaBlock>? Of(Resource table, PolicyContext context)
    {
        var list = table.Get(Replicas);
        if (list.IsUnknown) return null;
        if (list.Kind != ValueKind.List) return Array.Empty<ReplicaBlock>();
        var configured = table.Config?.Body.Blocks.GetValueOrDefault("replica") ?? Array.Empty<ConfigBody>();
        var blocks = new List<ReplicaBlock>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            blocks.Add(new ReplicaBlock(table, i, list.Items[i], ConfigFor(list.Items[i], i, list.Items.Count, configured, context)));
        }
        return blocks;
    }

    /// <summary>
    /// The value of <paramref name="argument"/> with unknowns resolved through this block's
    /// configuration (rules 1–5 of POLICY-SEMANTICS.md): never written → null (provider default).
    /// </summary>
    public Value Effective(string argument, PolicyContext context)
    {
        var value = Values.Get(argument);
        if (value.IsKnown || Table.Config is null) return value;
        if (Config is null) return Value.Unknown();
        if (!Config.Attributes.TryGetValue(argument, out var expression)) return Value.Null;
        return context.Resolver.EffectiveUnknown(value, expression);
    }

    /// <summary>
    /// What kind of key this replica's <c>kms_key_arn</c> (<paramref name="value"/>, resolved) is, judged with the block's
    /// configuration: a key ARN the block does not set was read back from AWS (<see cref="KeyClassifier.Classify(Value, Resource, Expression?, bool)"/>).
    /// </summary>
    public KeyAssessment ClassifyKey(Value value, PolicyContext context)
    {
        var configured = Config?.Attributes.GetValueOrDefault("kms_key_arn");
        return context.Keys.Classify(value, Table, configured, unsetInConfiguration: Config is not null && configured is null);
    }

    private static ConfigBody? ConfigFor(Value replica, int index, int count, IReadOnlyList<ConfigBody> configured, PolicyContext context)
    {
        if (configured.Count == 0) return null;
        // One written block serves every element (a dynamic block).
        if (configured.Count == 1) return configured[0];
        var region = replica.Get("region_name").AsString();
        if (region is not null)
        {
            foreach (var body in configured)
            {
                if (body.Attributes.GetValueOrDefault("region_name") is { } e && RegionOf(e, context) == region) return body;
            }
        }
        return configured.Count == count ? configured[index] : null;
    }

    private static string? RegionOf(Expression expression, PolicyContext context) =>
        expression.References.Count == 0
            ? expression.Constant?.AsString()
            : (context.Resolver.Resolve(expression) as ConstantOrigin)?.Value.AsString();
}
