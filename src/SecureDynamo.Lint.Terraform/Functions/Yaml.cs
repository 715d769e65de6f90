using System.Text;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Terraform.Evaluation;

namespace SecureDynamo.Lint.Terraform.Functions;

/// <summary><c>yamlencode</c> in block style as Terraform writes it: keys sorted, strings double-quoted, lists not indented under their key.</summary>
internal static class Yaml
{
    public static string Encode(Value v)
    {
        var sb = new StringBuilder();
        if (v.Kind is ValueKind.List or ValueKind.Map && (v.Items.Count > 0 || v.Fields.Count > 0)) Block(sb, v, 0);
        else sb.Append(Scalar(v)).Append('\n');
        return sb.ToString();
    }

    private static void Block(StringBuilder sb, Value v, int indent)
    {
        var pad = new string(' ', indent);
        if (v.Kind == ValueKind.List)
        {
            foreach (var item in v.Items)
            {
                sb.Append(pad).Append('-');
                Child(sb, item, indent + 2, true);
            }
            return;
        }
        foreach (var (k, f) in v.Fields.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append(pad).Append(Quote(k)).Append(':');
            Child(sb, f, indent + 2, false);
        }
    }

    private static void Child(StringBuilder sb, Value v, int indent, bool inList)
    {
        if (v.IsUnknown) throw new UnknownEncountered();
        if (v.Kind is ValueKind.List or ValueKind.Map && (v.Items.Count > 0 || v.Fields.Count > 0))
        {
            sb.Append('\n');
            Block(sb, v, v.Kind == ValueKind.List && !inList ? indent - 2 : indent);
            return;
        }
        sb.Append(' ').Append(Scalar(v)).Append('\n');
    }

    private static string Scalar(Value v) => v.Kind switch
    {
        ValueKind.Unknown => throw new UnknownEncountered(),
        ValueKind.Null => "null",
        ValueKind.Bool or ValueKind.Number => v.AsString()!,
        ValueKind.String => Quote(v.AsString()!),
        ValueKind.List => "[]",
        _ => "{}",
    };

    /// <summary>Terraform's yamlencode writes every string (keys too) double-quoted.</summary>
    private static string Quote(string s) => Json.Encode(Value.String(s));
}
