using System.Globalization;
using System.Text;
using SecureDynamo.Lint.Core.Diagnostics;

namespace SecureDynamo.Lint.Core.Values;

/// <summary>
/// An attribute value of a planned, stored or evaluated resource. Three-state: known, null or
/// unknown (not knowable before apply); any of them may be sensitive. Immutable.
/// </summary>
public sealed class Value
{
    private static readonly IReadOnlyList<Value> NoItems = Array.Empty<Value>();
    private static readonly IReadOnlyDictionary<string, Value> NoFields = new Dictionary<string, Value>();

    public static readonly Value Null = new(ValueKind.Null, null, NoItems, NoFields, false, null, null);
    public static readonly Value True = new(ValueKind.Bool, true, NoItems, NoFields, false, null, null);
    public static readonly Value False = new(ValueKind.Bool, false, NoItems, NoFields, false, null, null);
    public static readonly Value EmptyMap = new(ValueKind.Map, null, NoItems, NoFields, false, null, null);
    public static readonly Value EmptyList = new(ValueKind.List, null, NoItems, NoFields, false, null, null);
    private static readonly Value UnknownValue = new(ValueKind.Unknown, null, NoItems, NoFields, false, null, null);

    private readonly object? _scalar;

    private Value(ValueKind kind, object? scalar, IReadOnlyList<Value> items, IReadOnlyDictionary<string, Value> fields,
        bool sensitive, Expression? expression, SourceRange? range)
    {
        Kind = kind;
        _scalar = scalar;
        Items = items;
        Fields = fields;
        Sensitive = sensitive;
        Expression = expression;
        Range = range;
    }

    public ValueKind Kind { get; }

    /// <summary>Elements of a list (also tuples and sets).</summary>
    public IReadOnlyList<Value> Items { get; }

    /// <summary>Attributes of a map or object.</summary>
    public IReadOnlyDictionary<string, Value> Fields { get; }

    /// <summary>Marked sensitive: never printed.</summary>
    public bool Sensitive { get; }

    /// <summary>The configuration expression behind this value, where the front end knows it.</summary>
    public Expression? Expression { get; }

    /// <summary>Where the value was written (HCL input).</summary>
    public SourceRange? Range { get; }

    public bool IsNull => Kind == ValueKind.Null;
    public bool IsUnknown => Kind == ValueKind.Unknown;
    public bool IsKnown => Kind != ValueKind.Unknown;

    public static Value Bool(bool b) => b ? True : False;

    public static Value String(string s) => new(ValueKind.String, s, NoItems, NoFields, false, null, null);

    /// <summary>A number kept as its decimal text so big and precise numbers survive.</summary>
    public static Value Number(string text) => new(ValueKind.Number, text, NoItems, NoFields, false, null, null);

    public static Value Number(double d) => Number(d.ToString("R", CultureInfo.InvariantCulture));

    public static Value List(IReadOnlyList<Value> items) => new(ValueKind.List, null, items, NoFields, false, null, null);

    public static Value Map(IReadOnlyDictionary<string, Value> fields) => new(ValueKind.Map, null, NoItems, fields, false, null, null);

    public static Value Unknown(Expression? expression = null) =>
        expression is null ? UnknownValue : new(ValueKind.Unknown, null, NoItems, NoFields, false, expression, null);

    /// <summary>
    /// This value marked (or unmarked) sensitive. Marking reaches every element and attribute
    /// inside, so a part read out of a sensitive value is sensitive too.
    /// </summary>
    public Value WithSensitive(bool sensitive = true)
    {
        if (sensitive == Sensitive && (!sensitive || AllPartsSensitive())) return this;
        var items = sensitive && Items.Count > 0 ? Items.Select(i => i.WithSensitive()).ToArray() : Items;
        var fields = sensitive && Fields.Count > 0 ? Fields.ToDictionary(f => f.Key, f => f.Value.WithSensitive(), StringComparer.Ordinal) : Fields;
        return new Value(Kind, _scalar, items, fields, sensitive, Expression, Range);
    }

    private bool AllPartsSensitive() => Items.All(i => i.Sensitive) && Fields.Values.All(f => f.Sensitive);

    public Value WithExpression(Expression? expression) =>
        new(Kind, _scalar, Items, Fields, Sensitive, expression, Range);

    public Value WithRange(SourceRange? range) =>
        new(Kind, _scalar, Items, Fields, Sensitive, Expression, range);

    public bool? AsBool() => Kind switch
    {
        ValueKind.Bool => (bool)_scalar!,
        // The strings Terraform converts to a bool (cty): "1" and "0" too.
        ValueKind.String when (string)_scalar! is "true" or "1" => true,
        ValueKind.String when (string)_scalar! is "false" or "0" => false,
        _ => null,
    };

    public string? AsString() => Kind switch
    {
        ValueKind.String => (string)_scalar!,
        ValueKind.Number => (string)_scalar!,
        ValueKind.Bool => (bool)_scalar! ? "true" : "false",
        _ => null,
    };

    public double? AsNumber()
    {
        if (Kind is ValueKind.Number or ValueKind.String &&
            double.TryParse((string)_scalar!, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }
        return null;
    }

    /// <summary>The attribute <paramref name="name"/> of a map; null when absent or not a map.</summary>
    public Value Get(string name) =>
        Kind == ValueKind.Map && Fields.TryGetValue(name, out var v) ? v : Null;

    /// <summary>Element <paramref name="index"/> of a list; null when absent or not a list.</summary>
    public Value At(int index) =>
        Kind == ValueKind.List && index >= 0 && index < Items.Count ? Items[index] : Null;

    /// <summary>Follows <paramref name="path"/>; stops at the first unknown value (its parts are unknown too).</summary>
    public Value Navigate(AttributePath path)
    {
        var current = this;
        var segments = path.SegmentArray;
        for (var s = 0; s < segments.Length; s++)
        {
            if (current.IsUnknown) return current;
            var segment = segments[s];
            if (segment is int i) current = current.At(i);
            else if (current.Kind == ValueKind.Map && current.Fields is ShapedMap shaped) current = shaped.Get((string)segment, path.Hits, s);
            else current = current.Get((string)segment);
        }
        return current;
    }

    /// <summary>True when this value, or anything inside it, is unknown.</summary>
    public bool ContainsUnknown()
    {
        if (IsUnknown) return true;
        foreach (var i in Items) if (i.ContainsUnknown()) return true;
        foreach (var f in Fields.Values) if (f.ContainsUnknown()) return true;
        return false;
    }

    /// <summary>True when this value, or anything inside it, is sensitive.</summary>
    public bool ContainsSensitive()
    {
        if (Sensitive) return true;
        foreach (var i in Items) if (i.ContainsSensitive()) return true;
        foreach (var f in Fields.Values) if (f.ContainsSensitive()) return true;
        return false;
    }

    /// <summary>A rendering for messages: strings quoted, sensitive values masked, long values cut.</summary>
    public string ToDisplayString()
    {
        if (ContainsSensitive()) return "(sensitive value)";
        var sb = new StringBuilder();
        Render(sb, this, 0);
        var s = sb.ToString();
        return s.Length > 200 ? s[..197] + "..." : s;
    }

    private static void Render(StringBuilder sb, Value v, int depth)
    {
        if (depth > 8) { sb.Append("..."); return; }
        switch (v.Kind)
        {
            case ValueKind.Null: sb.Append("null"); break;
            case ValueKind.Unknown: sb.Append("(known after apply)"); break;
            case ValueKind.Bool: sb.Append((bool)v._scalar! ? "true" : "false"); break;
            case ValueKind.Number: sb.Append((string)v._scalar!); break;
            case ValueKind.String: sb.Append('"').Append((string)v._scalar!).Append('"'); break;
            case ValueKind.List:
                sb.Append('[');
                for (var i = 0; i < v.Items.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Render(sb, v.Items[i], depth + 1);
                }
                sb.Append(']');
                break;
            case ValueKind.Map:
                sb.Append('{');
                var first = true;
                foreach (var (k, f) in v.Fields.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    sb.Append(k).Append(" = ");
                    Render(sb, f, depth + 1);
                }
                sb.Append('}');
                break;
        }
    }

    public override string ToString() => ToDisplayString();
}
