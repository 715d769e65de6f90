using SecureDynamo.Lint.Core.Values;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>
/// Parses IAM policy JSON. Never throws on bad input: a malformed document is returned as an
/// error that says what is wrong. Element names are matched case-insensitively; elements that
/// may be a string or a list (<c>Action</c>, <c>Resource</c>, principals, condition values) accept both.
/// </summary>
public static class PolicyDocumentParser
{
    private const int MaxDepth = 32;

    public static PolicyParseResult Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return PolicyParseResult.Failed("is empty");
        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
                MaxDepth = MaxDepth,
                SupportMultipleContent = true,
            };
            root = JToken.ReadFrom(reader);
            if (reader.Read()) return PolicyParseResult.Failed($"is not valid JSON: more content after the document at line {reader.LineNumber}");
        }
        catch (JsonException e)
        {
            return PolicyParseResult.Failed("is not valid JSON: " + Shorten(e.Message));
        }
        if (root is not JObject doc) return PolicyParseResult.Failed($"is not a JSON object (found {Describe(root)})");
        var references = TakeReferences(root);

        var statements = new List<PolicyStatement>();
        var element = Field(doc, "Statement");
        switch (element)
        {
            case null:
                break;
            case JObject single:
                {
                    var s = ParseStatement(single, 0, references, out var error);
                    if (s is null) return PolicyParseResult.Failed("is malformed: " + error);
                    statements.Add(s);
                    break;
                }
            case JArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is not JObject o) return PolicyParseResult.Failed($"is malformed: Statement[{i}] is not an object (found {Describe(list[i])})");
                    var s = ParseStatement(o, i, references, out var error);
                    if (s is null) return PolicyParseResult.Failed("is malformed: " + error);
                    statements.Add(s);
                }
                break;
            default:
                return PolicyParseResult.Failed($"is malformed: Statement must be an object or a list (found {Describe(element)})");
        }
        return PolicyParseResult.Ok(new PolicyDocument(statements));
    }

    /// <summary>
    /// Takes the references written after the unknown strings of a <c>jsonencode</c> skeleton out of the
    /// document (every reader of it sees the plain skeleton) and returns them by the string they followed.
    /// </summary>
    private static Dictionary<JValue, IReadOnlyList<string>>? TakeReferences(JToken root)
    {
        Dictionary<JValue, IReadOnlyList<string>>? found = null;
        IEnumerable<JToken> all = root is JContainer c ? c.DescendantsAndSelf() : [root];
        foreach (var v in all.OfType<JValue>())
        {
            if (v.Type != JTokenType.String || v.Value is not string text || !text.Contains(Expression.ReferencesMark, StringComparison.Ordinal)) continue;
            // One string may hold several parts known only after apply, each followed by its references (a template).
            var plain = new System.Text.StringBuilder(text.Length);
            var references = new List<string>();
            var at = 0;
            while (at < text.Length)
            {
                var open = text.IndexOf(Expression.ReferencesMark, at, StringComparison.Ordinal);
                if (open < 0)
                {
                    plain.Append(text, at, text.Length - at);
                    break;
                }
                plain.Append(text, at, open - at);
                var close = text.IndexOf(Expression.ReferencesMark, open + 1, StringComparison.Ordinal);
                var inner = close < 0 ? text[(open + 1)..] : text[(open + 1)..close];
                foreach (var r in inner.Split(Expression.ReferenceSeparator)) if (!references.Contains(r)) references.Add(r);
                at = close < 0 ? text.Length : close + 1;
            }
            v.Value = plain.ToString();
            (found ??= new Dictionary<JValue, IReadOnlyList<string>>(ReferenceEqualityComparer.Instance))[v] = references;
        }
        return found;
    }

    private static PolicyStatement? ParseStatement(JObject o, int index, Dictionary<JValue, IReadOnlyList<string>>? references, out string? error)
    {
        error = null;
        var where = $"Statement[{index}]";
        var sid = Field(o, "Sid") is JValue { Type: JTokenType.String } sv ? (string?)sv : null;

        PolicyEffect effect;
        string? effectUnknown = null;
        switch (Field(o, "Effect"))
        {
            case JValue { Type: JTokenType.String } e when IsPartlyUnknown((string?)e):
                effect = PolicyEffect.Unknown;
                effectUnknown = $"{where}.Effect is known only after apply";
                break;
            case JValue { Type: JTokenType.String } e when string.Equals((string?)e, "Allow", StringComparison.OrdinalIgnoreCase):
                effect = PolicyEffect.Allow;
                break;
            case JValue { Type: JTokenType.String } e when string.Equals((string?)e, "Deny", StringComparison.OrdinalIgnoreCase):
                effect = PolicyEffect.Deny;
                break;
            case null:
                error = $"{where} has no Effect";
                return null;
            case var other:
                error = $"{where}.Effect must be \"Allow\" or \"Deny\" (found {Describe(other)})";
                return null;
        }

        if (!TryElement(o, "Action", where, out var action, out error) ||
            !TryElement(o, "NotAction", where, out var notAction, out error) ||
            !TryElement(o, "Resource", where, out var resource, out error) ||
            !TryElement(o, "NotResource", where, out var notResource, out error) ||
            !TryPrincipals(o, "Principal", where, out var principals, out var principalsUnknown, out error) ||
            !TryPrincipals(o, "NotPrincipal", where, out var notPrincipals, out var notPrincipalsUnknown, out error) ||
            !TryConditions(o, where, out var conditions, out var conditionsUnknown, out error))
        {
            return null;
        }
        if (references is not null && resource is { HasUnknown: true }) resource = Named(resource, Referenced(Field(o, "Resource")!, references));
        if (references is not null && notResource is { HasUnknown: true }) notResource = Named(notResource, Referenced(Field(o, "NotResource")!, references));
        return new PolicyStatement(index, sid, effect, action, notAction, resource, notResource, principals, notPrincipals, conditions)
        {
            EffectUnknown = effectUnknown,
            PrincipalsUnknown = principalsUnknown ?? notPrincipalsUnknown,
            ConditionsUnknown = conditionsUnknown,
        };
    }

    private static bool TryElement(JObject o, string name, string where, out PolicyElement? element, out string? error)
    {
        element = null;
        error = null;
        var token = Field(o, name);
        if (token is null) return true;
        var values = Strings(token);
        if (values is null)
        {
            error = $"{where}.{name} must be a string or a list of strings (found {Describe(token)})";
            return false;
        }
        // In a document whose template parts are known only after apply, those parts carry the marker.
        var unknown = values.Where(IsPartlyUnknown).ToList();
        element = unknown.Count == 0
            ? new PolicyElement(values)
            : new PolicyElement(values.Except(unknown).ToList(), $"{name} has values known only after apply") { Partial = unknown, OnlyPartlyUnknown = true };
        return true;
    }

    /// <summary>
    /// <paramref name="element"/> with its values known only after apply and what they are made of, which its message names
    /// ("Resource has values known only after apply (var.table_arn)").
    /// </summary>
    private static PolicyElement Named(PolicyElement element, IReadOnlyList<ReferencedValue> referenced)
    {
        var made = referenced.SelectMany(r => r.References).Distinct(StringComparer.Ordinal).Take(3).ToList();
        return element with { Referenced = referenced, Unknown = made.Count == 0 ? element.Unknown : $"{element.Unknown} ({string.Join(", ", made)})" };
    }

    /// <summary>Each value of <paramref name="token"/> known only after apply, with the references it was made from.</summary>
    private static IReadOnlyList<ReferencedValue> Referenced(JToken token, Dictionary<JValue, IReadOnlyList<string>> references)
    {
        IEnumerable<JToken> items = token is JArray a ? a.Children() : [token];
        return items.OfType<JValue>()
            .Where(v => v.Type == JTokenType.String && IsPartlyUnknown((string?)v))
            .Select(v => new ReferencedValue((string)v!, references.TryGetValue(v, out var r) ? r : Array.Empty<string>()))
            .ToList();
    }

    /// <summary>Whether <paramref name="text"/> holds a part known only after apply (see <see cref="Expression.Skeleton"/>).</summary>
    private static bool IsPartlyUnknown(string? text) => text is not null && text.Contains(Expression.UnknownMarker, StringComparison.Ordinal);

    private static bool TryPrincipals(JObject o, string name, string where, out IReadOnlyList<PolicyPrincipal>? principals, out string? unknown, out string? error)
    {
        principals = null;
        unknown = null;
        error = null;
        var token = Field(o, name);
        switch (token)
        {
            case null:
                return true;
            case JValue { Type: JTokenType.String } s when (string?)s == "*":
                principals = new[] { new PolicyPrincipal("*", "*") };
                return true;
            case JValue { Type: JTokenType.String } s when IsPartlyUnknown((string?)s):
                principals = Array.Empty<PolicyPrincipal>();
                unknown = $"{where}.{name} is known only after apply";
                return true;
            case JObject kinds:
                var list = new List<PolicyPrincipal>();
                foreach (var p in kinds.Properties())
                {
                    var ids = Strings(p.Value);
                    if (ids is null)
                    {
                        error = $"{where}.{name}.{p.Name} must be a string or a list of strings (found {Describe(p.Value)})";
                        return false;
                    }
                    foreach (var id in ids)
                    {
                        // Wholly unknown, it could be "*"; an ARN with an unknown part (its account) names one principal.
                        if (id == Expression.UnknownMarker) unknown ??= $"{where}.{name}.{p.Name} has identifiers known only after apply";
                        else list.Add(new PolicyPrincipal(p.Name, id.Replace(Expression.UnknownMarker, PolicyPrincipal.UnknownPart, StringComparison.Ordinal)));
                    }
                }
                principals = list;
                return true;
            default:
                error = $"{where}.{name} must be \"*\" or an object such as {{\"AWS\": [...]}} (found {Describe(token)})";
                return false;
        }
    }

    private static bool TryConditions(JObject o, string where, out IReadOnlyList<PolicyCondition> conditions, out string? unknown, out string? error)
    {
        var list = new List<PolicyCondition>();
        conditions = list;
        unknown = null;
        error = null;
        var token = Field(o, "Condition");
        if (token is null) return true;
        if (token is not JObject operators)
        {
            error = $"{where}.Condition must be an object (found {Describe(token)})";
            return false;
        }
        foreach (var op in operators.Properties())
        {
            if (op.Value is not JObject keys)
            {
                error = $"{where}.Condition.{op.Name} must be an object of condition keys (found {Describe(op.Value)})";
                return false;
            }
            foreach (var key in keys.Properties())
            {
                var values = Strings(key.Value);
                if (values is null)
                {
                    error = $"{where}.Condition.{op.Name}.{key.Name} must be a value or a list of values (found {Describe(key.Value)})";
                    return false;
                }
                if (values.Any(IsPartlyUnknown))
                {
                    if (PolicyCondition.KeepsWhenPartlyUnknown(op.Name, key.Name))
                    {
                        list.Add(new PolicyCondition(op.Name, key.Name, values.Where(v => !IsPartlyUnknown(v)).ToArray()) { PartlyUnknown = true });
                        continue;
                    }
                    unknown ??= $"{where}.Condition.{op.Name}.{key.Name} is known only after apply";
                    continue;
                }
                list.Add(new PolicyCondition(op.Name, key.Name, values));
            }
        }
        return true;
    }

    /// <summary>A string, number or boolean, or a list of them, as strings; null for anything else.</summary>
    private static IReadOnlyList<string>? Strings(JToken token)
    {
        if (token is JValue v) return Scalar(v) is { } s ? new[] { s } : null;
        if (token is not JArray a) return null;
        var list = new List<string>(a.Count);
        foreach (var item in a)
        {
            if (item is not JValue iv || Scalar(iv) is not { } s) return null;
            list.Add(s);
        }
        return list;
    }

    private static string? Scalar(JValue v) => v.Type switch
    {
        JTokenType.String => (string?)v,
        JTokenType.Boolean => (bool)v ? "true" : "false",
        JTokenType.Integer or JTokenType.Float => Convert.ToString(v.Value, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static JToken? Field(JObject o, string name) => o.GetValue(name, StringComparison.OrdinalIgnoreCase);

    private static string Describe(JToken? token) => token?.Type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "a list",
        JTokenType.String => "a string",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.Null => "null",
        null => "nothing",
        var t => t.ToString()!.ToLowerInvariant(),
    };

    private static string Shorten(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).TrimEnd('.');
        return text.Length > 160 ? text[..157] + "..." : text;
    }
}
