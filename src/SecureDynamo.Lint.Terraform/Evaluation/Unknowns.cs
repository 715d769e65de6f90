using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>Builds unknown values that carry the references of everything they were computed from.</summary>
internal static class Unknowns
{
    /// <summary>True when <paramref name="v"/> or anything inside it is unknown.</summary>
    public static bool ContainsUnknown(Value v)
    {
        if (v.IsUnknown) return true;
        foreach (var i in v.Items) if (ContainsUnknown(i)) return true;
        foreach (var f in v.Fields.Values) if (ContainsUnknown(f)) return true;
        return false;
    }

    /// <summary>An unknown value whose references are the union of the unknowns inside <paramref name="sources"/>.</summary>
    public static Value From(string module, IEnumerable<Value> sources, string? text = null)
    {
        var refs = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sensitive = false;
        foreach (var s in sources) Collect(s, refs, seen, ref sensitive);
        var expr = new Expression(module, refs, null, text);
        return Value.Unknown(expr).WithSensitive(sensitive);
    }

    private static void Collect(Value v, List<string> refs, HashSet<string> seen, ref bool sensitive)
    {
        sensitive |= v.Sensitive;
        if (v.IsUnknown)
        {
            foreach (var r in v.Expression?.References ?? Array.Empty<string>()) if (seen.Add(r)) refs.Add(r);
            return;
        }
        foreach (var i in v.Items) Collect(i, refs, seen, ref sensitive);
        foreach (var f in v.Fields.Values) Collect(f, refs, seen, ref sensitive);
    }
}
