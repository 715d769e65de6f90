using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>Builds unknown values that carry the references of everything they were computed from.</summary>
internal static class Unknowns
{
    /// <summary>An unknown value whose references are the union of the unknowns inside <paramref name="sources"/>.</summary>
    public static Value From(string module, IEnumerable<Value> sources, string? text = null)
    {
        var refs = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sensitive = false;
        var modules = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in sources) Collect(s, refs, seen, modules, ref sensitive);
        // References are named in the module they were written in: keep that module when they all share one.
        var expr = new Expression(modules.Count == 1 ? modules.First() : module, refs, null, text);
        return Value.Unknown(expr).WithSensitive(sensitive);
    }

    private static void Collect(Value v, List<string> refs, HashSet<string> seen, HashSet<string> modules, ref bool sensitive)
    {
        sensitive |= v.Sensitive;
        if (v.IsUnknown)
        {
            if (v.Expression is { References.Count: > 0 } e) modules.Add(e.Module);
            foreach (var r in v.Expression?.References ?? Array.Empty<string>()) if (seen.Add(r)) refs.Add(r);
            return;
        }
        foreach (var i in v.Items) Collect(i, refs, seen, modules, ref sensitive);
        foreach (var f in v.Fields.Values) Collect(f, refs, seen, modules, ref sensitive);
    }
}
