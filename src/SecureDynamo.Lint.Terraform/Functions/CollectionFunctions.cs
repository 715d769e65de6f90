using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Terraform.Evaluation;
using static SecureDynamo.Lint.Terraform.Functions.FunctionLibrary;

namespace SecureDynamo.Lint.Terraform.Functions;

/// <summary>Terraform's collection and type-conversion functions.</summary>
internal static class CollectionFunctions
{
    /// <summary>The most combinations setproduct makes (a configuration never needs more; a hostile one could ask for billions).</summary>
    private const int MaxProduct = 100_000;

    public static void Register(Dictionary<string, Func<IReadOnlyList<Value>, FunctionContext, Value>> f)
    {
        f["length"] = (a, _) =>
        {
            Arity(a, 1);
            var v = a[0];
            if (v.IsUnknown) throw new UnknownEncountered();
            return v.Kind switch
            {
                ValueKind.List => ValueOps.Number(v.Items.Count),
                ValueKind.Map => ValueOps.Number(v.Fields.Count),
                ValueKind.String => ValueOps.Number(new System.Globalization.StringInfo(v.AsString()!).LengthInTextElements),
                _ => throw new EvaluationError($"cannot take the length of {ValueOps.Describe(v)}"),
            };
        };
        f["lookup"] = (a, _) =>
        {
            Arity(a, 2, 3);
            var fields = ValueOps.ToFields(a[0]);
            var key = ValueOps.ToText(a[1]);
            if (fields.TryGetValue(key, out var v)) return v;
            return a.Count == 3 ? a[2] : throw new EvaluationError($"the given key \"{key}\" is not in the map and no default was given");
        };
        f["merge"] = (a, _) =>
        {
            var result = new Dictionary<string, Value>(StringComparer.Ordinal);
            foreach (var m in a)
            {
                if (m.IsNull) continue;
                foreach (var (k, v) in ValueOps.ToFields(m)) result[k] = v;
            }
            return Value.Map(result);
        };
        f["concat"] = (a, _) => Value.List(a.SelectMany(ValueOps.ToItems).ToList());
        f["flatten"] = (a, _) => { Arity(a, 1); return Value.List(Flatten(ValueOps.ToItems(a[0])).ToList()); };
        f["keys"] = (a, _) => { Arity(a, 1); return Value.List(ValueOps.ToFields(a[0]).Keys.OrderBy(k => k, StringComparer.Ordinal).Select(Value.String).ToList()); };
        f["values"] = (a, _) => { Arity(a, 1); return Value.List(ValueOps.ToFields(a[0]).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToList()); };
        f["toset"] = (a, _) => { Arity(a, 1); RequireKnown(a); return ValueOps.ToSet(ValueOps.ToItems(a[0])); };
        f["tolist"] = (a, _) => { Arity(a, 1); return Value.List(ValueOps.ToItems(a[0])); };
        f["tomap"] = (a, _) => { Arity(a, 1); return Value.Map(ValueOps.ToFields(a[0])); };
        f["element"] = (a, _) =>
        {
            Arity(a, 2);
            var items = ValueOps.ToItems(a[0]);
            if (items.Count == 0) throw new EvaluationError("cannot use element function with an empty list");
            var i = ValueOps.ToInt(a[1]);
            if (i < 0) throw new EvaluationError("cannot use element function with a negative index");
            return items[i % items.Count];
        };
        f["coalesce"] = (a, _) =>
        {
            foreach (var v in a)
            {
                if (v.IsUnknown) throw new UnknownEncountered();
                if (v.IsNull || (v.Kind == ValueKind.String && v.AsString()!.Length == 0)) continue;
                return v;
            }
            throw new EvaluationError("no non-null, non-empty-string arguments");
        };
        f["coalescelist"] = (a, _) =>
        {
            foreach (var v in a)
            {
                if (v.IsNull) continue;
                if (ValueOps.ToItems(v).Count > 0) return v;
            }
            throw new EvaluationError("no non-null, non-empty list arguments");
        };
        f["compact"] = (a, _) =>
        {
            Arity(a, 1);
            var kept = new List<Value>();
            foreach (var v in ValueOps.ToItems(a[0]))
            {
                if (v.IsUnknown) throw new UnknownEncountered();
                if (!v.IsNull && ValueOps.ToText(v).Length > 0) kept.Add(v);
            }
            return Value.List(kept);
        };
        f["distinct"] = (a, _) =>
        {
            Arity(a, 1);
            RequireKnown(a);
            var kept = new List<Value>();
            foreach (var v in ValueOps.ToItems(a[0])) if (!kept.Any(k => ValueOps.Same(k, v))) kept.Add(v);
            return Value.List(kept);
        };
        f["zipmap"] = (a, _) =>
        {
            Arity(a, 2);
            var keys = ValueOps.ToItems(a[0]);
            var values = ValueOps.ToItems(a[1]);
            if (keys.Count != values.Count) throw new EvaluationError("the keys and values lists have different lengths");
            var result = new Dictionary<string, Value>(StringComparer.Ordinal);
            for (var i = 0; i < keys.Count; i++) result[ValueOps.ToText(keys[i])] = values[i];
            return Value.Map(result);
        };
        f["range"] = (a, _) => Range(a);
        f["slice"] = (a, _) =>
        {
            Arity(a, 3);
            var items = ValueOps.ToItems(a[0]);
            var start = ValueOps.ToInt(a[1]);
            var end = ValueOps.ToInt(a[2]);
            if (start < 0 || end > items.Count || start > end) throw new EvaluationError($"slice indexes {start}..{end} are out of range for a list of {items.Count}");
            return Value.List(items.Skip(start).Take(end - start).ToList());
        };
        f["one"] = (a, _) =>
        {
            Arity(a, 1);
            if (a[0].IsNull) return Value.Null;
            var items = ValueOps.ToItems(a[0]);
            return items.Count switch
            {
                0 => Value.Null,
                1 => items[0],
                _ => throw new EvaluationError($"must be a list, set, or tuple value with either zero or one elements, got {items.Count}"),
            };
        };
        f["sort"] = (a, _) =>
        {
            Arity(a, 1);
            RequireKnown(a);
            var texts = ValueOps.ToItems(a[0]).Select(ValueOps.ToText).ToList();
            texts.Sort(StringComparer.Ordinal);
            return Value.List(texts.Select(Value.String).ToList());
        };
        f["reverse"] = (a, _) => { Arity(a, 1); return Value.List(ValueOps.ToItems(a[0]).Reverse().ToList()); };
        f["contains"] = (a, _) =>
        {
            Arity(a, 2);
            RequireKnown(a);
            return Value.Bool(ValueOps.ToItems(a[0]).Any(v => ValueOps.Same(v, a[1]) || (v.Kind != a[1].Kind && v.AsString() is { } s && s == a[1].AsString())));
        };
        f["index"] = (a, _) =>
        {
            Arity(a, 2);
            RequireKnown(a);
            var items = ValueOps.ToItems(a[0]);
            for (var i = 0; i < items.Count; i++) if (ValueOps.Same(items[i], a[1])) return ValueOps.Number(i);
            throw new EvaluationError("item not found");
        };
        f["setproduct"] = (a, _) =>
        {
            RequireKnown(a);
            if (a.Count < 2) throw new EvaluationError("setproduct needs at least two collections");
            var lists = a.Select(ValueOps.ToItems).ToList();
            long size = 1;
            foreach (var l in lists) size = Math.Min(size * l.Count, MaxProduct + 1L);
            if (size > MaxProduct) throw new EvaluationError($"setproduct would make {size} combinations; more than {MaxProduct} are not evaluated");
            // Every combination, the first collection varying slowest, as Terraform lists them.
            IEnumerable<IReadOnlyList<Value>> combinations = [[]];
            foreach (var l in lists) combinations = combinations.SelectMany(c => l.Select(item => (IReadOnlyList<Value>)[.. c, item])).ToList();
            return Value.List(combinations.Select(c => Value.List(c.ToList())).ToList());
        };
        f["setunion"] = (a, _) => { RequireKnown(a); return ValueOps.ToSet(a.SelectMany(ValueOps.ToItems)); };
        f["setintersection"] = (a, _) =>
        {
            RequireKnown(a);
            if (a.Count == 0) throw new EvaluationError("takes at least one set");
            var result = ValueOps.ToItems(ValueOps.ToSet(ValueOps.ToItems(a[0])));
            foreach (var other in a.Skip(1))
            {
                var items = ValueOps.ToItems(ValueOps.ToSet(ValueOps.ToItems(other)));
                result = result.Where(r => items.Any(i => ValueOps.Same(i, r))).ToList();
            }
            return Value.List(result);
        };
        f["setsubtract"] = (a, _) =>
        {
            Arity(a, 2);
            RequireKnown(a);
            var remove = ValueOps.ToItems(a[1]);
            return ValueOps.ToSet(ValueOps.ToItems(a[0]).Where(v => !remove.Any(r => ValueOps.Same(r, v))));
        };
        f["alltrue"] = (a, _) => { Arity(a, 1); return Value.Bool(ValueOps.ToItems(a[0]).All(ValueOps.ToBool)); };
        f["anytrue"] = (a, _) => { Arity(a, 1); return Value.Bool(ValueOps.ToItems(a[0]).Any(ValueOps.ToBool)); };
        f["tostring"] = (a, _) => { Arity(a, 1); return a[0].IsNull ? Value.Null : Value.String(ValueOps.ToText(a[0])); };
        f["tonumber"] = (a, _) => { Arity(a, 1); return a[0].IsNull ? Value.Null : ValueOps.Number(ValueOps.ToNumber(a[0])); };
        f["tobool"] = (a, _) => { Arity(a, 1); return a[0].IsNull ? Value.Null : Value.Bool(ValueOps.ToBool(a[0])); };
        f["sensitive"] = (a, _) => { Arity(a, 1); return a[0].WithSensitive(); };
        f["nonsensitive"] = (a, _) => { Arity(a, 1); return a[0].WithSensitive(false); };
        // Whether the value itself is marked sensitive (known even when the value is not).
        f["issensitive"] = (a, _) => { Arity(a, 1); return Value.Bool(a[0].Sensitive); };
        // Nothing here is ephemeral: the value as it is.
        f["ephemeralasnull"] = (a, _) => { Arity(a, 1); return a[0]; };
        f["timestamp"] = (a, _) => { Arity(a, 0); throw new UnknownEncountered(); };
        f["uuid"] = (a, _) => { Arity(a, 0); throw new UnknownEncountered(); };
    }

    private static IEnumerable<Value> Flatten(IEnumerable<Value> items)
    {
        foreach (var i in items)
        {
            if (i.IsUnknown) throw new UnknownEncountered();
            if (i.Kind == ValueKind.List)
            {
                foreach (var inner in Flatten(i.Items)) yield return inner;
            }
            else yield return i;
        }
    }

    private static Value Range(IReadOnlyList<Value> a)
    {
        Arity(a, 1, 3);
        var nums = a.Select(ValueOps.ToNumber).Select(n => double.Parse(n.ToString(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        double start = 0, end, step = 1;
        if (nums.Count == 1) end = nums[0];
        else
        {
            start = nums[0];
            end = nums[1];
            step = nums.Count == 3 ? nums[2] : (end >= start ? 1 : -1);
        }
        if (step == 0) throw new EvaluationError("step must not be zero");
        var result = new List<Value>();
        for (var x = start; step > 0 ? x < end : x > end; x += step)
        {
            if (result.Count > 1024) throw new EvaluationError("more than 1024 elements");
            result.Add(Value.Number(x));
        }
        return Value.List(result);
    }
}
