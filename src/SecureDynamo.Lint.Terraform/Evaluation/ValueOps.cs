using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>Terraform's conversions and comparisons over Core values.</summary>
internal static class ValueOps
{
    public static Value Number(HclNumber n) => Value.Number(n.ToString());

    public static Value Number(long n) => Value.Number(n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The value as a number (numbers, and strings holding one, as Terraform converts).</summary>
    public static HclNumber ToNumber(Value v)
    {
        if (v.IsUnknown) throw new UnknownEncountered();
        if (v.Kind is ValueKind.Number or ValueKind.String && HclNumber.TryParse(v.AsString()!, out var n)) return n;
        throw new EvaluationError($"a number is required, got {Describe(v)}");
    }

    public static int ToInt(Value v)
    {
        var n = ToNumber(v);
        if (!n.IsInteger) throw new EvaluationError($"a whole number is required, got {n}");
        return int.TryParse(n.ToString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var i)
            ? i
            : throw new EvaluationError($"{n} is too large here");
    }

    /// <summary>The value as a string (numbers and bools convert; null, lists and maps do not).</summary>
    public static string ToText(Value v)
    {
        if (v.IsUnknown) throw new UnknownEncountered();
        return v.Kind switch
        {
            ValueKind.String or ValueKind.Number or ValueKind.Bool => v.AsString()!,
            ValueKind.Null => throw new EvaluationError("a string is required, got null"),
            _ => throw new EvaluationError($"a string is required, got {Describe(v)}"),
        };
    }

    public static bool ToBool(Value v)
    {
        if (v.IsUnknown) throw new UnknownEncountered();
        return v.AsBool() ?? throw new EvaluationError($"a bool is required, got {Describe(v)}");
    }

    /// <summary>Elements of a list (a null or non-list is an error).</summary>
    public static IReadOnlyList<Value> ToItems(Value v)
    {
        if (v.IsUnknown) throw new UnknownEncountered();
        if (v.Kind == ValueKind.List) return v.Items;
        throw new EvaluationError($"a list is required, got {Describe(v)}");
    }

    public static IReadOnlyDictionary<string, Value> ToFields(Value v)
    {
        if (v.IsUnknown) throw new UnknownEncountered();
        if (v.Kind == ValueKind.Map) return v.Fields;
        throw new EvaluationError($"a map or object is required, got {Describe(v)}");
    }

    public static Value FromHcl(HclValue v) => v switch
    {
        HclString s => Value.String(s.Value),
        HclBool b => Value.Bool(b.Value),
        HclNumberValue n => Number(n.Value),
        HclTuple t => Value.List(t.Items.Select(FromHcl).ToList()),
        HclObject o => Value.Map(o.Attributes.ToDictionary(a => a.Key, a => FromHcl(a.Value), StringComparer.Ordinal)),
        _ => Value.Null,
    };

    /// <summary>Terraform equality: same type and same content; numbers compare by value.</summary>
    public static bool Same(Value a, Value b)
    {
        if (a.Kind != b.Kind) return false;
        switch (a.Kind)
        {
            case ValueKind.Null: return true;
            case ValueKind.Number: return ToNumber(a).CompareTo(ToNumber(b)) == 0;
            case ValueKind.String: return a.AsString() == b.AsString();
            case ValueKind.Bool: return a.AsBool() == b.AsBool();
            case ValueKind.List:
                if (a.Items.Count != b.Items.Count) return false;
                for (var i = 0; i < a.Items.Count; i++) if (!Same(a.Items[i], b.Items[i])) return false;
                return true;
            case ValueKind.Map:
                if (a.Fields.Count != b.Fields.Count) return false;
                foreach (var (k, v) in a.Fields) if (!b.Fields.TryGetValue(k, out var w) || !Same(v, w)) return false;
                return true;
            default: return false;
        }
    }

    /// <summary>A set of values in Terraform's order: distinct, strings sorted, others by first appearance.</summary>
    public static Value ToSet(IEnumerable<Value> items)
    {
        var distinct = new List<Value>();
        foreach (var i in items) if (!distinct.Any(d => Same(d, i))) distinct.Add(i);
        if (distinct.All(d => d.Kind is ValueKind.String or ValueKind.Number or ValueKind.Bool))
        {
            distinct = distinct.Select(d => d.Kind == ValueKind.String ? d : Value.String(d.AsString()!)).ToList();
            distinct.Sort((x, y) => string.CompareOrdinal(x.AsString(), y.AsString()));
        }
        return Value.List(distinct);
    }

    public static string Describe(Value v) => v.Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.String => "a string",
        ValueKind.Number => "a number",
        ValueKind.Bool => "a bool",
        ValueKind.List => "a list",
        ValueKind.Map => "an object",
        _ => "an unknown value",
    };
}
