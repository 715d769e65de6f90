using System.Globalization;
using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Plan;

/// <summary>
/// Builds a <see cref="Value"/> from a plan's value JSON and its <c>after_unknown</c> and
/// <c>after_sensitive</c> shadows (which mirror the value's shape, with <c>true</c> at the
/// unknown or sensitive parts).
/// </summary>
internal static class ValueConverter
{
    public static Value Convert(JToken? value, JToken? unknown, JToken? sensitive)
    {
        var isSensitive = sensitive is JValue { Type: JTokenType.Boolean } sv && (bool)sv.Value!;
        if (unknown is JValue { Type: JTokenType.Boolean } uv && (bool)uv.Value!)
        {
            return Value.Unknown().WithSensitive(isSensitive);
        }
        var converted = value switch
        {
            JObject o => ConvertObject(o, unknown as JObject, sensitive as JObject),
            JArray a => ConvertArray(a, unknown as JArray, sensitive as JArray),
            JValue v => ConvertScalar(v, unknown),
            null => ConvertAbsent(unknown, sensitive),
            _ => Value.Null,
        };
        return isSensitive ? converted.WithSensitive() : converted;
    }

    private static Value ConvertAbsent(JToken? unknown, JToken? sensitive) => unknown switch
    {
        JObject uo => ConvertObject(new JObject(), uo, sensitive as JObject),
        JArray ua => ConvertArray(new JArray(), ua, sensitive as JArray),
        _ => Value.Null,
    };

    private static Value ConvertObject(JObject o, JObject? unknown, JObject? sensitive)
    {
        var fields = new Dictionary<string, Value>(o.Count, StringComparer.Ordinal);
        foreach (var p in o.Properties())
        {
            fields[p.Name] = Convert(p.Value, unknown?[p.Name], sensitive?[p.Name]);
        }
        if (unknown is not null)
        {
            // Attributes unknown at plan time are left out of "after" entirely.
            foreach (var p in unknown.Properties())
            {
                if (!fields.ContainsKey(p.Name)) fields[p.Name] = Convert(null, p.Value, sensitive?[p.Name]);
            }
        }
        return Value.Map(fields);
    }

    private static Value ConvertArray(JArray a, JArray? unknown, JArray? sensitive)
    {
        var count = Math.Max(a.Count, unknown?.Count ?? 0);
        var items = new Value[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = Convert(i < a.Count ? a[i] : null, unknown is not null && i < unknown.Count ? unknown[i] : null,
                sensitive is not null && i < sensitive.Count ? sensitive[i] : null);
        }
        return Value.List(items);
    }

    private static Value ConvertScalar(JValue v, JToken? unknown)
    {
        switch (v.Type)
        {
            case JTokenType.Null:
            case JTokenType.Undefined:
                return unknown is JObject or JArray ? ConvertAbsent(unknown, null) : Value.Null;
            case JTokenType.Boolean: return Value.Bool((bool)v.Value!);
            case JTokenType.String: return Value.String((string)v.Value!);
            case JTokenType.Integer: return Value.Number(System.Convert.ToString(v.Value, CultureInfo.InvariantCulture)!);
            case JTokenType.Float:
                return Value.Number(v.Value switch
                {
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    decimal m => m.ToString(CultureInfo.InvariantCulture),
                    var o => System.Convert.ToString(o, CultureInfo.InvariantCulture)!,
                });
            default: return Value.String(System.Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "");
        }
    }
}
