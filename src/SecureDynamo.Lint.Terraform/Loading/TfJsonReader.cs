using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Hcl.Values;
using Attribute = SecureDynamo.Lint.Hcl.Syntax.Attribute;

namespace SecureDynamo.Lint.Terraform.Loading;

/// <summary>
/// Reads Terraform's JSON configuration syntax (<c>*.tf.json</c>) into the same syntax tree as
/// native files. Strings are templates (<c>"${aws_kms_key.k.arn}"</c>); inside resource bodies an
/// object (or array of objects) value is a nested block, except for map arguments such as <c>tags</c>.
/// </summary>
internal static class TfJsonReader
{
    // Arguments whose value is an object, not a nested block (for_each over a literal map among them).
    private static readonly HashSet<string> MapArguments = new(StringComparer.Ordinal) { "tags", "tags_all", "default_tags", "variables", "environment", "triggers", "labels", "for_each" };
    private static readonly HashSet<string> ExpressionArguments = new(StringComparer.Ordinal) { "provider", "depends_on" };

    /// <summary>How deep a .tf.json file may nest (Newtonsoft's default is 64, which real generated files can pass).</summary>
    private const int MaxDepth = 1000;

    public static HclFile Read(string fileName, byte[] bytes)
    {
        JObject root;
        try
        {
            var text = new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = MaxDepth };
            root = JToken.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load }) as JObject
                ?? throw new InputException(fileName, "a .tf.json file must hold one JSON object");
            // Terraform reads exactly one JSON value: anything after it ("{}{}", "{...}x") is an error.
            const string Extra = "more content after the JSON object (a .tf.json file holds exactly one)";
            var (endLine, endColumn) = (reader.LineNumber, reader.LinePosition);
            try
            {
                while (reader.Read())
                {
                    if (reader.TokenType != JsonToken.Comment) return Failed(fileName, "Invalid JSON", Extra, NextContent(text, endLine, endColumn));
                }
            }
            catch (JsonReaderException)
            {
                return Failed(fileName, "Invalid JSON", Extra, NextContent(text, endLine, endColumn));
            }
        }
        catch (JsonReaderException e) when (e.Message.Contains("MaxDepth", StringComparison.Ordinal))
        {
            return Failed(fileName, "Invalid JSON", $"nesting is deeper than {MaxDepth} levels; not a configuration this tool reads", e.LineNumber, e.LinePosition);
        }
        catch (JsonReaderException e)
        {
            return Failed(fileName, "Invalid JSON", OneLine(e.Message), e.LineNumber, e.LinePosition);
        }
        if (StrictProblem(bytes) is { } strict) return Failed(fileName, "Invalid JSON", strict.Problem, strict.Line, strict.Column);
        try
        {
            CheckShapes(root);
        }
        catch (ShapeError e)
        {
            var info = (IJsonLineInfo)e.Token;
            return Failed(fileName, "Incorrect JSON value type", e.Message, info.HasLineInfo() ? info.LineNumber : 1, info.HasLineInfo() ? info.LinePosition : 1);
        }
        var blocks = new List<Block>();
        var attributes = new List<Attribute>();
        foreach (var p in root.Properties())
        {
            switch (p.Name)
            {
                case "//": continue;
                case "resource" or "data":
                    foreach (var (type, byType) in Objects(p.Value))
                    foreach (var (name, body) in Objects(byType))
                    foreach (var one in Bodies(body)) blocks.Add(MakeBlock(fileName, p.Name, new[] { type, name }, one, nested: true));
                    break;
                case "variable" or "module" or "output" or "provider":
                    foreach (var (name, body) in Objects(p.Value))
                    foreach (var one in Bodies(body)) blocks.Add(MakeBlock(fileName, p.Name, new[] { name }, one, nested: p.Name == "provider"));
                    break;
                case "locals":
                    foreach (var one in Bodies(p.Value)) blocks.Add(MakeBlock(fileName, "locals", Array.Empty<string>(), one, nested: false));
                    break;
                default:
                    continue; // terraform, moved, import, check: nothing to analyse
            }
        }
        var range = RangeOf(fileName, root);
        return new HclFile(fileName, new Body(range, attributes, blocks), Array.Empty<HclDiagnostic>(), Array.Empty<HclComment>());
    }

    /// <summary>The label names of each top-level block type, as Terraform's configuration schema declares them.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> TopLevelLabels = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["resource"] = new[] { "type", "name" },
        ["data"] = new[] { "type", "name" },
        ["module"] = new[] { "name" },
        ["variable"] = new[] { "name" },
        ["output"] = new[] { "name" },
        ["provider"] = new[] { "name" },
        ["check"] = new[] { "name" },
        ["locals"] = Array.Empty<string>(),
        ["terraform"] = Array.Empty<string>(),
        ["moved"] = Array.Empty<string>(),
        ["import"] = Array.Empty<string>(),
        ["removed"] = Array.Empty<string>(),
    };

    private sealed class ShapeError(JToken token, string message) : Exception(message)
    {
        public JToken Token { get; } = token;
    }

    /// <summary>
    /// Rejects what Terraform's JSON syntax rejects as "Incorrect JSON value type" or "Missing block
    /// label" for the known top-level block types: each label level is an object (or an array of
    /// objects) keyed by the label, with at least one key; the body is an object or an array of objects.
    /// </summary>
    private static void CheckShapes(JObject root)
    {
        foreach (var p in root.Properties())
        {
            if (TopLevelLabels.TryGetValue(p.Name, out var labels)) CheckBlock(p.Name, p.Value, labels, 0);
        }
    }

    private static void CheckBlock(string type, JToken v, string[] labels, int level)
    {
        if (v.Type == JTokenType.Null) return;
        if (level < labels.Length)
        {
            var label = labels[level];
            var objects = v switch
            {
                JObject o => new[] { o },
                JArray a => a.Select(i => i as JObject ?? throw new ShapeError(i, $"\"{type}\": a JSON object is required here, to specify the {type} block's {label} label, found {Describe(i)}")).ToArray(),
                _ => throw new ShapeError(v, $"\"{type}\": a JSON object is required here, to specify the {type} block's {label} label, found {Describe(v)}"),
            };
            var properties = objects.SelectMany(o => o.Properties()).ToList();
            if (properties.Count == 0) throw new ShapeError(v, $"\"{type}\": missing block label: at least one object property is required, whose name is the {type} block's {label}");
            foreach (var p in properties) CheckBlock(type, p.Value, labels, level + 1);
            return;
        }
        switch (v)
        {
            case JObject:
                return;
            case JArray a:
                foreach (var i in a)
                {
                    if (i is not JObject && i.Type != JTokenType.Null) throw new ShapeError(i, $"\"{type}\": a JSON object is required here, for the contents of a {type} block, found {Describe(i)}");
                }
                return;
            default:
                throw new ShapeError(v, $"\"{type}\": either a JSON object or a JSON array is required here, for the contents of one or more {type} blocks, found {Describe(v)}");
        }
    }

    private static string Describe(JToken t) => t.Type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.String => "a string",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.Null => "null",
        _ => t.Type.ToString().ToLowerInvariant(),
    };

    /// <summary>Line and column of the first non-blank character after (1-based) <paramref name="line"/>, <paramref name="column"/>.</summary>
    private static (int Line, int Column) NextContent(string text, int line, int column)
    {
        var i = 0;
        for (var l = 1; l < line && i < text.Length; i++) if (text[i] == '\n') l++;
        i = Math.Min(text.Length, i + column);
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            if (text[i] == '\n') { line++; column = 0; }
            else column++;
            i++;
        }
        return (line, column + 1);
    }

    private static HclFile Failed(string fileName, string summary, string detail, (int Line, int Column) at) => Failed(fileName, summary, detail, at.Line, at.Column);

    /// <summary>
    /// What JSON itself forbids but the lenient reader above lets through (a comma after the last
    /// member or item, single quotes, NaN), as Terraform's parser refuses it; comments are left to that reader.
    /// </summary>
    private static (string Problem, int Line, int Column)? StrictProblem(byte[] bytes)
    {
        var json = bytes.AsSpan();
        if (json.StartsWith("\uFEFF"u8)) json = json[3..];
        var reader = new System.Text.Json.Utf8JsonReader(json, new System.Text.Json.JsonReaderOptions
        {
            CommentHandling = System.Text.Json.JsonCommentHandling.Skip,
            AllowTrailingCommas = false,
            MaxDepth = MaxDepth,
        });
        try
        {
            while (reader.Read()) { }
            return null;
        }
        catch (System.Text.Json.JsonException e)
        {
            return (OneLine(JsonReaderMessage.Of(e.Message)), (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
        }
    }

    private static string OneLine(string message) => string.Join(' ', message.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries));

    private static HclFile Failed(string fileName, string summary, string detail, int line, int column)
    {
        var pos = new SourcePosition(Math.Max(1, line), Math.Max(1, column), 0);
        var range = new SourceRange(fileName, pos, pos);
        return new HclFile(fileName, new Body(range, Array.Empty<Attribute>(), Array.Empty<Block>()),
            new[] { new HclDiagnostic(HclSeverity.Error, summary, detail, range) }, Array.Empty<HclComment>());
    }

    private static IEnumerable<(string, JToken)> Objects(JToken t)
    {
        foreach (var o in t is JArray a ? a.OfType<JObject>() : t is JObject single ? new[] { single } : Array.Empty<JObject>())
        foreach (var p in o.Properties()) yield return (p.Name, p.Value);
    }

    private static IEnumerable<JObject> Bodies(JToken t) =>
        t is JArray a ? a.OfType<JObject>() : t is JObject o ? new[] { o } : Array.Empty<JObject>();

    private static Block MakeBlock(string file, string type, IReadOnlyList<string> labels, JObject body, bool nested)
    {
        var range = RangeOf(file, body);
        return new Block(range, type, range, labels, labels.Select(_ => range).ToList(), range, range, MakeBody(file, body, nested));
    }

    private static Body MakeBody(string file, JObject o, bool nestedBlocks)
    {
        var attributes = new List<Attribute>();
        var blocks = new List<Block>();
        foreach (var p in o.Properties())
        {
            if (p.Name == "//") continue;
            if (nestedBlocks && p.Name == "dynamic")
            {
                foreach (var (label, body) in Objects(p.Value))
                foreach (var one in Bodies(body)) blocks.Add(MakeBlock(file, "dynamic", new[] { label }, one, nested: true));
                continue;
            }
            if (nestedBlocks && p.Name is "lifecycle" or "content" || (nestedBlocks && !MapArguments.Contains(p.Name) && IsBlockValue(p.Value)))
            {
                foreach (var one in Bodies(p.Value)) blocks.Add(MakeBlock(file, p.Name, Array.Empty<string>(), one, nested: true));
                continue;
            }
            var range = RangeOf(file, p);
            var expr = ExpressionArguments.Contains(p.Name) && p.Value.Type == JTokenType.String
                ? Traversal(file, (string)p.Value!, RangeOf(file, p.Value))
                : Expression(file, p.Value);
            attributes.Add(new Attribute(range, p.Name, range, range, expr));
        }
        return new Body(RangeOf(file, o), attributes, blocks);
    }

    private static bool IsBlockValue(JToken v) =>
        v is JObject || (v is JArray a && a.Count > 0 && a.All(i => i is JObject));

    private static Hcl.Syntax.Expression Expression(string file, JToken t)
    {
        var range = RangeOf(file, t);
        switch (t.Type)
        {
            case JTokenType.String:
                var s = (string)t!;
                if (!s.Contains("${", StringComparison.Ordinal) && !s.Contains("%{", StringComparison.Ordinal))
                {
                    return new TemplateExpr(range, new[] { new LiteralValue(range, new HclString(s)) });
                }
                var parsed = HclParser.ParseTemplate(file, Encoding.UTF8.GetBytes(s));
                if (parsed.HasErrors) return new Parenthesized(range, new InvalidExpr(range));
                // "${expr}" and nothing else is expr's own value, of any type (a set for for_each, a map of tags, null), as
                // Terraform passes a lone interpolation through; text around it makes a string.
                if (parsed.Expression is TemplateExpr { Parts: [var only] } && only is not LiteralValue && s.StartsWith("${", StringComparison.Ordinal) && s.EndsWith('}'))
                {
                    return new Parenthesized(range, only);
                }
                return new Parenthesized(range, parsed.Expression);
            case JTokenType.Integer or JTokenType.Float:
                HclNumber.TryParse(Convert.ToString(((JValue)t).Value, System.Globalization.CultureInfo.InvariantCulture)!, out var n);
                return new LiteralValue(range, new HclNumberValue(n));
            case JTokenType.Boolean:
                return new LiteralValue(range, (bool)t ? HclBool.True : HclBool.False);
            case JTokenType.Array:
                return new TupleCons(range, ((JArray)t).Select(i => Expression(file, i)).ToList());
            case JTokenType.Object:
                return new ObjectCons(range, ((JObject)t).Properties().Where(p => p.Name != "//").Select(p =>
                    new ObjectItem(new ObjectConsKey(range, new ScopeTraversal(range, new TraversalStep[] { new TraverseRoot(range, p.Name) }), false), Expression(file, p.Value))).ToList());
            default:
                return new LiteralValue(range, HclNull.Instance);
        }
    }

    private static Hcl.Syntax.Expression Traversal(string file, string text, SourceRange range)
    {
        var parsed = HclParser.ParseExpression(file, Encoding.UTF8.GetBytes(text));
        return new Parenthesized(range, parsed.HasErrors ? new InvalidExpr(range) : parsed.Expression);
    }

    private static SourceRange RangeOf(string file, JToken t)
    {
        var info = (IJsonLineInfo)t;
        var pos = info.HasLineInfo() ? new SourcePosition(info.LineNumber, Math.Max(1, info.LinePosition), 0) : new SourcePosition(1, 1, 0);
        return new SourceRange(file, pos, pos);
    }
}
