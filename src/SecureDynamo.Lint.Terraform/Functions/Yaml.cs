using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Hcl.Values;
using SecureDynamo.Lint.Terraform.Evaluation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SecureDynamo.Lint.Terraform.Functions;

/// <summary>
/// <c>yamlencode</c> in block style as Terraform writes it: keys sorted, strings double-quoted, lists not indented under
/// their key; and <c>yamldecode</c>, which resolves plain scalars as Terraform does (YAML 1.1 style: <c>yes</c>/<c>on</c>
/// are true, <c>010</c> is ten, a date is an RFC 3339 timestamp).
/// </summary>
internal static partial class Yaml
{
    /// <summary>Nesting deeper than this is refused rather than followed (no stack exhaustion on hostile input).</summary>
    private const int MaxDepth = 500;

    /// <summary>Decodes one YAML document as <c>yamldecode</c>: mappings are objects, sequences tuples.</summary>
    public static Value Decode(string text)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, Value>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _)) throw new EvaluationError("the YAML text holds no document");
            var value = Node(parser, anchors, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _)) throw new EvaluationError("the YAML text holds more than one document");
            return value;
        }
        catch (YamlException e)
        {
            throw new EvaluationError($"invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }
    }

    private static Value Node(IParser parser, Dictionary<string, Value> anchors, int depth)
    {
        if (depth > MaxDepth) throw new EvaluationError($"the YAML text nests deeper than {MaxDepth} levels");
        var current = parser.Current ?? throw new EvaluationError("the YAML text ends early");
        parser.MoveNext();
        switch (current)
        {
            case AnchorAlias alias:
                return anchors.TryGetValue(alias.Value.Value, out var anchored) ? anchored : throw new EvaluationError($"the YAML alias *{alias.Value.Value} names no anchor");
            case Scalar scalar:
                return Anchor(scalar.Anchor, ScalarValue(scalar), anchors);
            case SequenceStart sequence:
                var items = new List<Value>();
                while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(Node(parser, anchors, depth + 1));
                return Anchor(sequence.Anchor, Value.List(items), anchors);
            case MappingStart mapping:
                var fields = new Dictionary<string, Value>(StringComparer.Ordinal);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = Node(parser, anchors, depth + 1);
                    var item = Node(parser, anchors, depth + 1);
                    if (key.Kind is ValueKind.List or ValueKind.Map) throw new EvaluationError("a YAML mapping key must be a scalar");
                    var name = key.IsNull ? "null" : key.AsString()!;
                    if (!fields.TryAdd(name, item)) throw new EvaluationError($"the YAML mapping key \"{name}\" is already defined");
                }
                return Anchor(mapping.Anchor, Value.Map(fields), anchors);
            default:
                throw new EvaluationError($"unexpected YAML {current.GetType().Name}");
        }
    }

    private static Value Anchor(AnchorName anchor, Value value, Dictionary<string, Value> anchors)
    {
        if (!anchor.IsEmpty) anchors[anchor.Value] = value;
        return value;
    }

    private const string CoreTag = "tag:yaml.org,2002:";

    /// <summary>A scalar as Terraform resolves it: quoted and block scalars are strings; plain ones may be null, a bool, a number or a timestamp.</summary>
    private static Value ScalarValue(Scalar scalar)
    {
        var text = scalar.Value;
        if (!scalar.Tag.IsEmpty && scalar.Tag.Value.StartsWith(CoreTag, StringComparison.Ordinal))
        {
            switch (scalar.Tag.Value[CoreTag.Length..])
            {
                case "str": return Value.String(text);
                case "null": return Value.Null;
                case "bool": return Bool(text) is { } b ? Value.Bool(b) : throw new EvaluationError($"cannot decode \"{text}\" as a YAML bool");
                case "int":
                case "float": return Number(text) ?? throw new EvaluationError($"cannot decode \"{text}\" as a YAML number");
            }
        }
        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty) return Value.String(text);
        if (text is "" or "~" or "null" or "Null" or "NULL") return Value.Null;
        if (Bool(text) is { } flag) return Value.Bool(flag);
        if (Number(text) is { } number) return number;
        if (DateOnly().IsMatch(text)) return Value.String(text + "T00:00:00Z");
        return Value.String(text);
    }

    private static bool? Bool(string text) => text switch
    {
        "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON" => true,
        "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF" => false,
        _ => null,
    };

    /// <summary>Decimal (leading zeros are decimal, as Terraform reads them), 0x hexadecimal, 0o octal, and decimal fractions with exponents.</summary>
    private static Value? Number(string text)
    {
        var negative = text.StartsWith('-');
        var digits = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
        BigInteger whole;
        if (digits.StartsWith("0x", StringComparison.Ordinal) && digits.Length > 2 && digits[2..].All(Uri.IsHexDigit))
        {
            whole = BigInteger.Parse("0" + digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }
        else if (digits.StartsWith("0o", StringComparison.Ordinal) && digits.Length > 2 && digits[2..].All(c => c is >= '0' and <= '7'))
        {
            whole = digits[2..].Aggregate(BigInteger.Zero, (n, c) => n * 8 + (c - '0'));
        }
        else if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
        {
            whole = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        else
        {
            if (!Fraction().IsMatch(digits) || !HclNumber.TryParse(digits.StartsWith('.') ? "0" + digits : digits, out var fraction)) return null;
            var shown = ValueOps.Number(fraction).AsString()!;
            return Value.Number(negative && shown != "0" ? "-" + shown : shown);
        }
        return Value.Number((negative ? -whole : whole).ToString(CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex DateOnly();

    [GeneratedRegex(@"^(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Fraction();

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
