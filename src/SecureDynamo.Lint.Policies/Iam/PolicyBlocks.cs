using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>
/// Builds a policy document from <c>aws_iam_policy_document</c> <c>statement</c> blocks (planned
/// values or configuration), keeping track of the parts known only after apply.
/// </summary>
public static class PolicyBlocks
{
    /// <param name="statements">The data source's <c>statement</c> list.</param>
    /// <param name="name">The data source, for messages.</param>
    /// <param name="tableReference">For a value known only after apply: its expression when it names specific tables' ARNs, else null.</param>
    public static PolicyDocument Statements(Value statements, string name, Func<Value, string?>? tableReference = null)
    {
        tableReference ??= _ => null;
        var list = new List<PolicyStatement>();
        string? incomplete = null;
        for (var i = 0; i < statements.Items.Count; i++)
        {
            var block = statements.Items[i];
            if (block.IsUnknown)
            {
                incomplete ??= $"{name} statement {i} is known only after apply";
                continue;
            }
            var where = $"{name} statement {i}";
            var effect = block.Get("effect");
            var (principals, principalsUnknown) = Principals(block.Get("principals"), where + " principals");
            var (notPrincipals, notPrincipalsUnknown) = Principals(block.Get("not_principals"), where + " not_principals");
            var (conditions, conditionsUnknown) = Conditions(block.Get("condition"), where + " condition");
            list.Add(new PolicyStatement(
                i,
                block.Get("sid").AsString(),
                effect.IsUnknown ? PolicyEffect.Unknown
                    : string.Equals(effect.AsString(), "Deny", StringComparison.OrdinalIgnoreCase) ? PolicyEffect.Deny : PolicyEffect.Allow,
                Element(block.Get("actions"), where + " actions"),
                Element(block.Get("not_actions"), where + " not_actions"),
                Element(block.Get("resources"), where + " resources", tableReference),
                Element(block.Get("not_resources"), where + " not_resources", tableReference),
                principals,
                notPrincipals,
                conditions)
            {
                EffectUnknown = effect.IsUnknown ? $"{where} effect is known only after apply{Why(effect)}" : null,
                PrincipalsUnknown = principalsUnknown ?? notPrincipalsUnknown,
                ConditionsUnknown = conditionsUnknown,
            });
        }
        return new PolicyDocument(list, incomplete);
    }

    /// <summary>A list argument as an element: null when absent or empty.</summary>
    /// <param name="tableReference">Names the unknown values that are specific tables' ARNs (for resources).</param>
    private static PolicyElement? Element(Value v, string where, Func<Value, string?>? tableReference = null)
    {
        if (v.IsNull) return null;
        if (v.IsUnknown)
        {
            return tableReference?.Invoke(v) is { } whole
                ? new PolicyElement(Array.Empty<string>()) { TableReferences = [whole] }
                : new PolicyElement(Array.Empty<string>(), $"{where} are known only after apply{Why(v)}");
        }
        var items = v.Kind == ValueKind.List ? v.Items : new[] { v };
        if (items.Count == 0) return null;
        var known = items.Where(x => x.IsKnown && x.AsString() is not null).Select(x => x.AsString()!).ToArray();
        var tables = new List<string>();
        var partial = new List<string>();
        Value? unknown = null;
        var whollyUnknown = false;
        foreach (var x in items.Where(x => x.IsUnknown))
        {
            if (tableReference?.Invoke(x) is { } table)
            {
                tables.Add(table);
                continue;
            }
            unknown ??= x;
            // A template's known text (arn:aws:dynamodb:*:${account}:table/*) may decide on its own.
            if (x.Expression?.Skeleton is { } skeleton) partial.Add(skeleton);
            else whollyUnknown = true;
        }
        return new PolicyElement(known, unknown is null ? null : $"{where} are partly known only after apply{Why(unknown)}")
        {
            TableReferences = tables,
            Partial = partial,
            OnlyPartlyUnknown = unknown is not null && !whollyUnknown,
        };
    }

    private static (IReadOnlyList<PolicyPrincipal>?, string?) Principals(Value blocks, string where)
    {
        if (blocks.IsNull) return (null, null);
        if (blocks.IsUnknown) return (Array.Empty<PolicyPrincipal>(), $"{where} are known only after apply{Why(blocks)}");
        if (blocks.Items.Count == 0) return (null, null);
        var list = new List<PolicyPrincipal>();
        string? unknown = null;
        foreach (var b in blocks.Items)
        {
            var type = b.Get("type");
            var ids = b.Get("identifiers");
            if (b.IsUnknown || type.IsUnknown || ids.IsUnknown)
            {
                unknown ??= $"{where} are known only after apply{Why(ids.IsUnknown ? ids : type)}";
                continue;
            }
            var kind = type.AsString() ?? "";
            foreach (var id in ids.Kind == ValueKind.List ? ids.Items : new[] { ids })
            {
                if (id.IsUnknown)
                {
                    unknown ??= $"{where} identifiers are partly known only after apply{Why(id)}";
                    continue;
                }
                if (id.AsString() is not { } text) continue;
                list.Add(kind == "*" ? new PolicyPrincipal("*", "*") : new PolicyPrincipal(kind, text));
            }
        }
        return (list, unknown);
    }

    private static (IReadOnlyList<PolicyCondition>, string?) Conditions(Value blocks, string where)
    {
        var list = new List<PolicyCondition>();
        if (blocks.IsNull) return (list, null);
        if (blocks.IsUnknown) return (list, $"{where} is known only after apply{Why(blocks)}");
        string? unknown = null;
        foreach (var b in blocks.Items)
        {
            var test = b.Get("test");
            var variable = b.Get("variable");
            var values = b.Get("values");
            if (b.IsUnknown || test.IsUnknown || variable.IsUnknown)
            {
                unknown ??= $"{where} is known only after apply";
                continue;
            }
            var items = values.IsUnknown ? [values] : values.Kind == ValueKind.List ? values.Items : new[] { values };
            var known = items.Where(x => x.IsKnown).Select(x => x.AsString()).OfType<string>().ToArray();
            if (known.Length < items.Count)
            {
                // A value known only after apply: kept where it cannot change the judgement (an exact pin), else undecided.
                if (values.IsUnknown || !PolicyCondition.KeepsWhenPartlyUnknown(test.AsString() ?? "", variable.AsString() ?? ""))
                {
                    unknown ??= $"{where} is known only after apply";
                    continue;
                }
                list.Add(new PolicyCondition(test.AsString() ?? "", variable.AsString() ?? "", known) { PartlyUnknown = true });
                continue;
            }
            list.Add(new PolicyCondition(test.AsString() ?? "", variable.AsString() ?? "", known));
        }
        return (list, unknown);
    }

    private static string Why(Value v) => v.Expression is { } e ? $" ({e.Describe()})" : "";
}
