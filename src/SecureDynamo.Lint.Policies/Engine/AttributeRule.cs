using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>
/// A declarative attribute condition from a policy file's <c>"rule"</c>:
/// <c>{"attribute": "point_in_time_recovery[0].enabled", "operator": "equals", "value": true, "fix": "..."}</c>.
/// Operators: equals, notEquals, in, notIn, exists, notExists, matches, notMatches, atLeast, atMost.
/// </summary>
public sealed partial class AttributeRule
{
    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal) { "attribute", "operator", "value", "values", "pattern", "fix" };
    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal)
    {
        "equals", "notEquals", "in", "notIn", "exists", "notExists", "matches", "notMatches", "atLeast", "atMost",
    };

    private AttributeRule(AttributePath path, string op, IReadOnlyList<Value> operands, Regex? pattern, string fix)
    {
        Path = path;
        Operator = op;
        Operands = operands;
        Pattern = pattern;
        Fix = fix;
    }

    public AttributePath Path { get; }
    public string Operator { get; }
    public IReadOnlyList<Value> Operands { get; }
    public Regex? Pattern { get; }

    /// <summary>What to do when the rule fails, shown in the message.</summary>
    public string Fix { get; }

    public static AttributeRule Parse(string file, JObject rule)
    {
        foreach (var p in rule.Properties())
        {
            if (!Keys.Contains(p.Name)) throw new PolicyDefinitionException(file, $"unknown key \"rule.{p.Name}\"");
        }
        var attribute = Text(file, rule, "attribute") ?? throw new PolicyDefinitionException(file, "\"rule.attribute\" is required");
        var op = Text(file, rule, "operator") ?? throw new PolicyDefinitionException(file, "\"rule.operator\" is required");
        if (!Operators.Contains(op)) throw new PolicyDefinitionException(file, $"\"rule.operator\" \"{op}\" is not one of {string.Join(", ", Operators)}");
        var path = ParsePath(file, attribute);
        var used = op switch
        {
            "equals" or "notEquals" or "atLeast" or "atMost" => "value",
            "in" or "notIn" => "values",
            "matches" or "notMatches" => "pattern",
            _ => null,
        };
        foreach (var key in new[] { "value", "values", "pattern" })
        {
            // A key the operator ignores is a mistake in the file (e.g. "values" with equals): say so instead of guessing.
            if (key != used && rule.ContainsKey(key)) throw new PolicyDefinitionException(file, $"\"rule.{key}\" is not used by operator {op}");
        }
        var operands = new List<Value>();
        Regex? pattern = null;
        switch (op)
        {
            case "equals" or "notEquals" or "atLeast" or "atMost":
                if (rule["value"] is not JValue v) throw new PolicyDefinitionException(file, $"\"rule.value\" is required for {op} and must be a string, number, boolean or null");
                if (op is "atLeast" or "atMost" && v.Type is not (JTokenType.Integer or JTokenType.Float))
                {
                    throw new PolicyDefinitionException(file, $"\"rule.value\" must be a number for {op}");
                }
                operands.Add(ToValue(v));
                break;
            case "in" or "notIn":
                if (rule["values"] is not JArray vs || vs.Count == 0) throw new PolicyDefinitionException(file, $"\"rule.values\" must be a non-empty list for {op}");
                if (vs.Any(x => x is not JValue)) throw new PolicyDefinitionException(file, $"\"rule.values\" may hold only strings, numbers, booleans or null");
                operands.AddRange(vs.Cast<JValue>().Select(ToValue));
                break;
            case "matches" or "notMatches":
                var text = Text(file, rule, "pattern") ?? throw new PolicyDefinitionException(file, $"\"rule.pattern\" is required for {op}");
                try { pattern = new Regex(text, RegexOptions.CultureInvariant, MatchTimeout); }
                catch (ArgumentException e) { throw new PolicyDefinitionException(file, $"\"rule.pattern\" is not a valid regular expression: {e.Message}"); }
                break;
        }
        var fix = Text(file, rule, "fix") ?? Describe(path, op, operands, pattern);
        return new AttributeRule(path, op, operands, pattern, fix);
    }

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The string at <paramref name="key"/>; null when absent; an error when it is not a string.</summary>
    private static string? Text(string file, JObject rule, string key) => rule[key] switch
    {
        null => null,
        JValue { Type: JTokenType.String } v => (string)v!,
        _ => throw new PolicyDefinitionException(file, $"\"rule.{key}\" must be a string"),
    };

    /// <summary>True/false for a known value; null when the value is unknown.</summary>
    public bool? Holds(Value value)
    {
        if (value.IsUnknown) return null;
        switch (Operator)
        {
            case "exists": return !value.IsNull && !(value.Kind == ValueKind.List && value.Items.Count == 0);
            case "notExists": return value.IsNull || (value.Kind == ValueKind.List && value.Items.Count == 0);
            case "equals": return SameScalar(value, Operands[0]);
            case "notEquals": return !SameScalar(value, Operands[0]);
            case "in": return Operands.Any(o => SameScalar(value, o));
            case "notIn": return !Operands.Any(o => SameScalar(value, o));
            case "matches": return Matches(value);
            case "notMatches": return !Matches(value);
            case "atLeast": return value.AsNumber() is { } a && Operands[0].AsNumber() is { } min && a >= min;
            case "atMost": return value.AsNumber() is { } b && Operands[0].AsNumber() is { } max && b <= max;
            default: return null;
        }
    }

    /// <summary>Whether a known value's text matches; a match that runs out of time cannot decide (unknown).</summary>
    private bool? Matches(Value value)
    {
        if (value.AsString() is not { } text) return false;
        try { return Pattern!.IsMatch(text); }
        catch (RegexMatchTimeoutException) { return null; }
    }

    private static bool SameScalar(Value a, Value b)
    {
        if (a.IsNull || b.IsNull) return a.IsNull && b.IsNull;
        if (b.Kind == ValueKind.Bool) return a.AsBool() == b.AsBool();
        if (b.Kind == ValueKind.Number) return a.AsNumber() is { } x && b.AsNumber() is { } y && x == y;
        return a.AsString() == b.AsString();
    }

    private static Value ToValue(JValue v) => v.Type switch
    {
        JTokenType.Boolean => Value.Bool((bool)v),
        JTokenType.Integer or JTokenType.Float => Value.Number(v.ToString(Newtonsoft.Json.Formatting.None)),
        JTokenType.Null => Value.Null,
        _ => Value.String((string?)v ?? ""),
    };

    /// <summary>Parses <c>a[0].b</c> or <c>a.0.b</c>.</summary>
    public static AttributePath ParsePath(string file, string text)
    {
        var segments = new List<object>();
        foreach (var part in text.Split('.'))
        {
            var m = PathPart().Match(part);
            if (part.Length == 0 || !m.Success)
            {
                if (IndexPart().IsMatch(part) && segments.Count > 0) { segments.Add(int.Parse(part, CultureInfo.InvariantCulture)); continue; }
                throw new PolicyDefinitionException(file, $"\"rule.attribute\" \"{Escaped(text)}\" is not an attribute path such as a[0].b");
            }
            if (m.Groups[1].Success && m.Groups[1].Length > 0) segments.Add(m.Groups[1].Value);
            else if (segments.Count == 0) throw new PolicyDefinitionException(file, $"\"rule.attribute\" \"{Escaped(text)}\" must start with an attribute name");
            foreach (Match i in Digits().Matches(m.Groups[2].Value)) segments.Add(int.Parse(i.Value, CultureInfo.InvariantCulture));
        }
        return AttributePath.Of(segments.ToArray());
    }

    /// <summary>The path as written in JSON (line breaks and quotes escaped): the message stays one line.</summary>
    private static string Escaped(string text) => System.Text.Json.JsonEncodedText.Encode(text, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();

    private static string Describe(AttributePath path, string op, IReadOnlyList<Value> operands, Regex? pattern) => op switch
    {
        "equals" => $"set {path} = {operands[0].ToDisplayString()}",
        "notEquals" => $"{path} must not be {operands[0].ToDisplayString()}",
        "in" => $"set {path} to one of {string.Join(", ", operands.Select(o => o.ToDisplayString()))}",
        "notIn" => $"{path} must not be one of {string.Join(", ", operands.Select(o => o.ToDisplayString()))}",
        "exists" => $"set {path}",
        "notExists" => $"remove {path}",
        "matches" => $"{path} must match /{pattern}/",
        "notMatches" => $"{path} must not match /{pattern}/",
        "atLeast" => $"{path} must be at least {operands[0].ToDisplayString()}",
        "atMost" => $"{path} must be at most {operands[0].ToDisplayString()}",
        _ => op,
    };

    // Generated at build time: the built-in catalogue parses its rules' paths at every start. Indexes are ASCII
    // digits only: \d would also match other scripts' digits, which int.Parse then refuses with an exception; and \z,
    // not $, which also matches before a final line break.
    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_-]*)?((\[[0-9]{1,9}\])*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex PathPart();

    [GeneratedRegex(@"^[0-9]{1,9}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IndexPart();

    [GeneratedRegex(@"[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();
}
