using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Terraform.Evaluation;

namespace SecureDynamo.Lint.Terraform.Building;

/// <summary>
/// Evaluates a resource body to the object a plan's <c>after</c> would hold: arguments as values
/// (with their source range), nested blocks as lists of objects, <c>dynamic</c> blocks expanded.
/// </summary>
internal static class BodyEvaluator
{
    /// <summary>Meta-arguments and blocks that are not resource attributes.</summary>
    public static readonly HashSet<string> MetaArguments = new(StringComparer.Ordinal) { "count", "for_each", "provider", "depends_on" };
    public static readonly HashSet<string> MetaBlocks = new(StringComparer.Ordinal) { "lifecycle", "provisioner", "connection", "precondition", "postcondition" };

    public static Value Evaluate(Body body, ModuleInstance scope, Bindings bindings, bool topLevel) =>
        Value.Map(Fields(body, scope, bindings, topLevel));

    /// <summary>The attributes of the object <see cref="Evaluate"/> gives, for a caller that adds more before making it a value.</summary>
    public static Dictionary<string, Value> Fields(Body body, ModuleInstance scope, Bindings bindings, bool topLevel)
    {
        var fields = new Dictionary<string, Value>(body.Attributes.Count + body.Blocks.Count + 2, StringComparer.Ordinal);
        foreach (var a in body.Attributes)
        {
            if (topLevel && MetaArguments.Contains(a.Name)) continue;
            fields[a.Name] = scope.Guarded(a.Expression, bindings);
        }
        if (body.Blocks.Count == 0) return fields;
        var blocks = new Dictionary<string, List<Value>>(StringComparer.Ordinal);
        Dictionary<string, Value>? unknownBlocks = null;
        var firstBlock = new Dictionary<string, Core.Diagnostics.SourceRange>(StringComparer.Ordinal);
        foreach (var b in body.Blocks)
        {
            firstBlock.TryAdd(b.Type == "dynamic" && b.Labels.Count == 1 ? b.Labels[0] : b.Type, b.Range);
            if (topLevel && MetaBlocks.Contains(b.Type)) continue;
            if (b.Type == "dynamic" && b.Labels.Count == 1)
            {
                var name = b.Labels[0];
                var expanded = Dynamic(b, scope, bindings);
                if (expanded.IsUnknown) (unknownBlocks ??= new Dictionary<string, Value>(StringComparer.Ordinal))[name] = expanded;
                else List(blocks, name).AddRange(expanded.Items);
                continue;
            }
            List(blocks, b.Type).Add(Evaluate(b.Body, scope, bindings, topLevel: false).WithRange(b.Range));
        }
        // The list of a block type points at its first block (a dynamic block that generated nothing included).
        foreach (var (name, list) in blocks) fields[name] = Value.List(list).WithRange(firstBlock[name]);
        if (unknownBlocks is not null) foreach (var (name, unknown) in unknownBlocks) fields[name] = unknown;
        return fields;
    }

    private static List<Value> List(Dictionary<string, List<Value>> blocks, string name)
    {
        if (!blocks.TryGetValue(name, out var list)) blocks[name] = list = new List<Value>();
        return list;
    }

    /// <summary>The blocks a <c>dynamic</c> block generates, or an unknown value when its for_each is unknown.</summary>
    private static Value Dynamic(Block b, ModuleInstance scope, Bindings bindings)
    {
        var iterator = b.Labels[0];
        if (b.Body.Attributes.FirstOrDefault(a => a.Name == "iterator") is { } it && ModuleInstance.TraversalName(it.Expression) is { } named) iterator = named;
        var forEach = b.Body.Attributes.FirstOrDefault(a => a.Name == "for_each");
        var content = b.Body.Blocks.FirstOrDefault(x => x.Type == "content");
        if (forEach is null || content is null)
        {
            scope.Warn($"dynamic \"{b.Labels[0]}\" needs for_each and a content block", b.Range);
            return Value.List(Array.Empty<Value>());
        }
        var collection = scope.Guarded(forEach.Expression, bindings);
        if (collection.IsUnknown) scope.MarkUnknownDynamic(b);
        if (collection.IsUnknown) return Unknowns.From(scope.ModulePath, new[] { collection }).WithRange(forEach.Expression.Range);
        var pairs = collection.Kind switch
        {
            ValueKind.Map => collection.Fields.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (Key: Value.String(p.Key), p.Value)).ToList(),
            ValueKind.List => collection.Items.Select((v, i) => (Key: v.Kind == ValueKind.String ? v : ValueOps.Number(i), Value: v)).ToList(),
            ValueKind.Null => new List<(Value Key, Value Value)>(),
            _ => null,
        };
        if (collection.Kind == ValueKind.Null)
        {
            // Terraform refuses a null for_each here ("Cannot use a null value in for_each"): judged as no blocks, but said.
            scope.Warn($"dynamic \"{b.Labels[0]}\" for_each is null, which terraform plan rejects; judged as generating no blocks (use [] or a conditional)", forEach.Expression.Range);
        }
        if (pairs is null)
        {
            scope.Warn($"dynamic \"{b.Labels[0]}\" for_each must be a collection", forEach.Expression.Range);
            return Value.List(Array.Empty<Value>());
        }
        var items = new List<Value>();
        foreach (var (key, value) in pairs)
        {
            var inner = bindings.With(iterator, Value.Map(new Dictionary<string, Value> { ["key"] = key, ["value"] = value }));
            items.Add(Evaluate(content.Body, scope, inner, topLevel: false).WithRange(content.Range));
        }
        return Value.List(items);
    }
}
