using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Terraform.Evaluation;

namespace SecureDynamo.Lint.Terraform.Functions;

/// <summary>JSON as Terraform's <c>jsonencode</c>/<c>jsondecode</c> write and read it.</summary>
internal static class Json
{
    /// <summary>Compact JSON, object keys sorted, <c>&lt; &gt; &amp;</c> escaped as Go does.</summary>
    public static string Encode(Value v)
    {
        var sb = new StringBuilder();
        Write(sb, v, skeleton: false);
        return sb.ToString();
    }

    /// <summary>
    /// As <see cref="Encode"/> for a value with parts known only after apply: each such part is written as a
    /// string, its own template skeleton or <see cref="Expression.UnknownMarker"/> (see <see cref="Expression.Skeleton"/>).
    /// </summary>
    public static string Skeleton(Value v)
    {
        var sb = new StringBuilder();
        Write(sb, v, skeleton: true);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Value v, bool skeleton)
    {
        switch (v.Kind)
        {
            case ValueKind.Unknown when skeleton:
                var text = v.Expression?.Skeleton ?? Expression.UnknownMarker;
                // A part made from its references (dirname(aws_dynamodb_table.t.arn)) is none of them: it carries none.
                if (v.Expression is { References.Count: > 0, Derived: false } e)
                {
                    text = string.Concat(text, Expression.ReferencesMark, string.Join(Expression.ReferenceSeparator, e.References), Expression.ReferencesMark);
                }
                WriteString(sb, text);
                break;
            case ValueKind.Unknown: throw new UnknownEncountered();
            case ValueKind.Null: sb.Append("null"); break;
            case ValueKind.Bool: sb.Append(v.AsBool() == true ? "true" : "false"); break;
            case ValueKind.Number: sb.Append(v.AsString()); break;
            case ValueKind.String: WriteString(sb, v.AsString()!); break;
            case ValueKind.List:
                sb.Append('[');
                for (var i = 0; i < v.Items.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    Write(sb, v.Items[i], skeleton);
                }
                sb.Append(']');
                break;
            case ValueKind.Map:
                sb.Append('{');
                var first = true;
                foreach (var (k, f) in v.Fields.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first) sb.Append(',');
                    first = false;
                    WriteString(sb, k);
                    sb.Append(':');
                    Write(sb, f, skeleton);
                }
                sb.Append('}');
                break;
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029': sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    public static Value Decode(string text)
    {
        JToken token;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { FloatParseHandling = FloatParseHandling.Decimal, DateParseHandling = DateParseHandling.None };
            token = JToken.ReadFrom(reader);
            if (reader.Read()) throw new EvaluationError("extra characters after the JSON value");
        }
        catch (JsonException e)
        {
            throw new EvaluationError("invalid JSON: " + e.Message);
        }
        return FromToken(token);
    }

    public static Value FromToken(JToken t) => t.Type switch
    {
        JTokenType.Object => Value.Map(((JObject)t).Properties().ToDictionary(p => p.Name, p => FromToken(p.Value), StringComparer.Ordinal)),
        JTokenType.Array => Value.List(((JArray)t).Select(FromToken).ToList()),
        JTokenType.String => Value.String((string)t!),
        JTokenType.Integer or JTokenType.Float => Value.Number(Convert.ToString(((JValue)t).Value, CultureInfo.InvariantCulture)!),
        JTokenType.Boolean => Value.Bool((bool)t),
        _ => Value.Null,
    };
}
