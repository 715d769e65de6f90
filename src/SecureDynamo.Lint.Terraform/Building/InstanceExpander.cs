using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Terraform.Evaluation;
using CoreExpression = SecureDynamo.Lint.Core.Values.Expression;

namespace SecureDynamo.Lint.Terraform.Building;

/// <summary>
/// Expands <c>count</c> and <c>for_each</c> into instance keys exactly as Terraform addresses them.
/// When the count or for_each value is unknown before apply, the instance set is unknown: the block
/// is judged once under its configuration address (no key), with <c>count.index</c>, <c>each.key</c>
/// and <c>each.value</c> unknown, and a warning says so.
/// </summary>
internal static class InstanceExpander
{
    public static IReadOnlyList<InstanceKey> Expand(Block block, ExpressionEvaluator evaluator, string what)
    {
        var count = block.Body.Attributes.FirstOrDefault(a => a.Name == "count");
        var forEach = block.Body.Attributes.FirstOrDefault(a => a.Name == "for_each");
        var module = evaluator.Scope.ModulePath;
        if (count is not null)
        {
            var v = EvaluateMeta(count, evaluator);
            if (v.IsUnknown)
            {
                evaluator.Scope.Warn($"the count of {what} is unknown before apply; it is judged once under its configuration address, with count.index unknown", count.Expression.Range);
                var index = Value.Unknown(new CoreExpression(module, new[] { "count.index" }, null, "count.index"));
                return new[] { new InstanceKey(null, null, Bindings.Empty.With("count", Value.Map(new Dictionary<string, Value> { ["index"] = index }))) };
            }
            if (v.IsNull) throw new EvaluationError("count cannot be null", count.Expression.Range);
            var n = ValueOps.ToInt(v);
            if (n < 0) throw new EvaluationError("count cannot be negative", count.Expression.Range);
            return Enumerable.Range(0, n).Select(i => new InstanceKey(ResourceAddress.FormatKey(i), i,
                Bindings.Empty.With("count", Value.Map(new Dictionary<string, Value> { ["index"] = ValueOps.Number(i) })))).ToList();
        }
        if (forEach is not null)
        {
            var v = EvaluateMeta(forEach, evaluator);
            var keysUnknown = v.IsUnknown || (v.Kind == ValueKind.List && v.Items.Any(i => i.ContainsUnknown()));
            if (keysUnknown)
            {
                evaluator.Scope.Warn($"the for_each of {what} is unknown before apply; it is judged once under its configuration address, with each.key and each.value unknown", forEach.Expression.Range);
                var each = Value.Map(new Dictionary<string, Value>
                {
                    ["key"] = Value.Unknown(new CoreExpression(module, new[] { "each.key" }, null, "each.key")),
                    ["value"] = Value.Unknown(new CoreExpression(module, new[] { "each.value" }, null, "each.value")),
                });
                return new[] { new InstanceKey(null, null, Bindings.Empty.With("each", each)) };
            }
            if (v.IsNull) throw new EvaluationError("for_each cannot be null", forEach.Expression.Range);
            var pairs = v.Kind switch
            {
                ValueKind.Map => v.Fields.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToList(),
                ValueKind.List => ValueOps.ToSet(v.Items).Items.Select(i => i.Kind == ValueKind.String
                    ? (i.AsString()!, i)
                    : throw new EvaluationError("for_each over a set needs a set of strings; use a map for other elements", forEach.Expression.Range)).ToList(),
                _ => throw new EvaluationError($"for_each needs a map or a set of strings, got {ValueOps.Describe(v)}", forEach.Expression.Range),
            };
            return pairs.Select(p => new InstanceKey(ResourceAddress.FormatKey(p.Item1), p.Item1,
                Bindings.Empty.With("each", Value.Map(new Dictionary<string, Value> { ["key"] = Value.String(p.Item1), ["value"] = p.Item2 })))).ToList();
        }
        return new[] { new InstanceKey(null, null, Bindings.Empty) };
    }

    private static Value EvaluateMeta(SecureDynamo.Lint.Hcl.Syntax.Attribute a, ExpressionEvaluator evaluator) =>
        evaluator.Evaluate(a.Expression, Bindings.Empty);
}
