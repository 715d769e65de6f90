using System.Globalization;
using System.Text.Json;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Plan;

/// <summary>
/// Builds a <see cref="Value"/> from a plan's value JSON and its <c>after_unknown</c> and
/// <c>after_sensitive</c> shadows (which mirror the value's shape, with <c>true</c> at the
/// unknown or sensitive parts). An absent element is <c>default(JsonElement)</c>.
/// </summary>
internal static class ValueConverter
{
    public static Value Convert(JsonElement value, JsonElement unknown, JsonElement sensitive)
    {
        var isSensitive = sensitive.ValueKind == JsonValueKind.True;
        if (unknown.ValueKind == JsonValueKind.True) return Value.Unknown().WithSensitive(isSensitive);
        var converted = value.ValueKind switch
        {
            JsonValueKind.Object => ConvertObject(value, ObjectOrAbsent(unknown), ObjectOrAbsent(sensitive)),
            JsonValueKind.Array => ConvertArray(value, ArrayOrAbsent(unknown), ArrayOrAbsent(sensitive)),
            JsonValueKind.Undefined => ConvertAbsent(unknown, sensitive),
            _ => ConvertScalar(value, unknown),
        };
        return isSensitive ? converted.WithSensitive() : converted;
    }

    public static Value Convert(JsonElement value) => Convert(value, default, default);

    /// <summary>A value left out of <c>after</c> because it is (partly) unknown: its shape comes from the shadow.</summary>
    private static Value ConvertAbsent(JsonElement unknown, JsonElement sensitive) => unknown.ValueKind switch
    {
        JsonValueKind.Object => ConvertObject(default, unknown, ObjectOrAbsent(sensitive)),
        JsonValueKind.Array => ConvertArray(default, unknown, ArrayOrAbsent(sensitive)),
        _ => Value.Null,
    };

    private static Value ConvertObject(JsonElement o, JsonElement unknown, JsonElement sensitive)
    {
        var fields = new Dictionary<string, Value>(StringComparer.Ordinal);
        if (o.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in o.EnumerateObject())
            {
                fields[p.Name] = Convert(p.Value, Property(unknown, p.Name), Property(sensitive, p.Name));
            }
        }
        if (unknown.ValueKind == JsonValueKind.Object)
        {
            // Attributes unknown at plan time are left out of "after" entirely.
            foreach (var p in unknown.EnumerateObject())
            {
                if (!fields.ContainsKey(p.Name)) fields[p.Name] = Convert(default, p.Value, Property(sensitive, p.Name));
            }
        }
        return Value.Map(fields);
    }

    private static Value ConvertArray(JsonElement a, JsonElement unknown, JsonElement sensitive)
    {
        // Walk the three arrays side by side: indexing a JsonElement array is not constant time.
        var items = new List<Value>();
        var values = Items(a);
        var unknowns = Items(unknown);
        var sensitives = Items(sensitive);
        while (true)
        {
            var hasValue = values.MoveNext();
            var hasUnknown = unknowns.MoveNext();
            if (!hasValue && !hasUnknown) break;
            var s = sensitives.MoveNext() ? sensitives.Current : default;
            items.Add(Convert(hasValue ? values.Current : default, hasUnknown ? unknowns.Current : default, s));
        }
        return Value.List(items.ToArray());
    }

    private static JsonElement.ArrayEnumerator Items(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : default;

    private static Value ConvertScalar(JsonElement v, JsonElement unknown) => v.ValueKind switch
    {
        JsonValueKind.True => Value.Bool(true),
        JsonValueKind.False => Value.Bool(false),
        JsonValueKind.String => Value.String(v.GetString()!),
        JsonValueKind.Number => Value.Number(NumberText(v)),
        _ => unknown.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? ConvertAbsent(unknown, default) : Value.Null,
    };

    /// <summary>Integers as written; other numbers in their shortest round-trip form ("1.0" is "1").</summary>
    internal static string NumberText(JsonElement number)
    {
        var raw = number.GetRawText();
        if (raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0)
        {
            return number.TryGetInt64(out var l) ? l.ToString(CultureInfo.InvariantCulture) : raw;
        }
        return number.TryGetDouble(out var d) ? d.ToString("R", CultureInfo.InvariantCulture) : raw;
    }

    internal static JsonElement Property(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) ? v : default;

    private static JsonElement ObjectOrAbsent(JsonElement e) => e.ValueKind == JsonValueKind.Object ? e : default;

    private static JsonElement ArrayOrAbsent(JsonElement e) => e.ValueKind == JsonValueKind.Array ? e : default;
}
