using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>
/// Converts a value to a <see cref="TypeConstraint"/> as Terraform converts input variable values.
/// Unknown parts stay unknown; values that Terraform would reject raise <see cref="EvaluationError"/>.
/// </summary>
internal static class TypeConversion
{
    public static Value Convert(Value v, TypeConstraint type) => Convert(v, type, "");

    private static Value Convert(Value v, TypeConstraint type, string path)
    {
        if (v.IsUnknown || v.IsNull || type.Kind == TypeKind.Any) return v;
        var converted = type.Kind switch
        {
            TypeKind.String => v.Kind is ValueKind.String or ValueKind.Number or ValueKind.Bool ? (v.Kind == ValueKind.String ? v : Value.String(v.AsString()!)) : throw Mismatch(v, "string", path),
            TypeKind.Number => ToNumber(v, path),
            TypeKind.Bool => ToBool(v, path),
            TypeKind.List => Value.List(Items(v, "list", path).Select((item, i) => Convert(item, type.Element!, $"{path}[{i}]")).ToList()),
            TypeKind.Set => ValueOps.ToSet(Items(v, "set", path).Select((item, i) => Convert(item, type.Element!, $"{path}[{i}]")).ToList()),
            TypeKind.Tuple => Tuple(v, type, path),
            TypeKind.Map => Value.Map(Fields(v, "map", path).ToDictionary(p => p.Key, p => Convert(p.Value, type.Element!, $"{path}[\"{p.Key}\"]"), StringComparer.Ordinal)),
            _ => Object(v, type, path),
        };
        converted = converted.WithRange(v.Range).WithExpression(v.Expression);
        return v.Sensitive ? converted.WithSensitive() : converted;
    }

    private static Value ToNumber(Value v, string path)
    {
        if (v.Kind == ValueKind.Number) return v;
        if (v.Kind == ValueKind.String && HclNumber.TryParse(v.AsString()!, out var n)) return ValueOps.Number(n);
        throw Mismatch(v, "number", path);
    }

    /// <summary>As Terraform (cty) converts: a bool, or the strings "true"/"1" and "false"/"0".</summary>
    private static Value ToBool(Value v, string path) => v.Kind switch
    {
        ValueKind.Bool => v,
        ValueKind.String when v.AsBool() is { } b => Value.Bool(b),
        _ => throw Mismatch(v, "bool", path),
    };

    private static Value Tuple(Value v, TypeConstraint type, string path)
    {
        var items = Items(v, "tuple", path);
        if (items.Count != type.Elements.Count) throw new EvaluationError($"{Where(path)}a tuple of {type.Elements.Count} elements is required, got {items.Count}");
        return Value.List(items.Select((item, i) => Convert(item, type.Elements[i], $"{path}[{i}]")).ToList());
    }

    private static Value Object(Value v, TypeConstraint type, string path)
    {
        var fields = Fields(v, "object", path);
        var result = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var (name, attribute) in type.Attributes)
        {
            var child = $"{path}.{name}";
            if (fields.TryGetValue(name, out var given) && !(given.IsNull && attribute.Default is not null))
            {
                result[name] = Convert(given, attribute.Type, child);
            }
            else if (attribute.Optional)
            {
                result[name] = attribute.Default is { } fallback ? Convert(fallback, attribute.Type, child) : Value.Null;
            }
            else
            {
                throw new EvaluationError($"{Where(path)}attribute \"{name}\" is required");
            }
        }
        return Value.Map(result);
    }

    private static IReadOnlyList<Value> Items(Value v, string wanted, string path) =>
        v.Kind == ValueKind.List ? v.Items : throw Mismatch(v, wanted, path);

    private static IReadOnlyDictionary<string, Value> Fields(Value v, string wanted, string path) =>
        v.Kind == ValueKind.Map ? v.Fields : throw Mismatch(v, wanted, path);

    private static EvaluationError Mismatch(Value v, string wanted, string path) =>
        new($"{Where(path)}{(wanted == "object" ? "an" : "a")} {wanted} is required, got {ValueOps.Describe(v)}");

    private static string Where(string path) => path.Length == 0 ? "" : $"{path.TrimStart('.')}: ";
}
