using Newtonsoft.Json;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Debug;

/// <summary>
/// Prints a parse in the JSON shape of HashiCorp's <c>hcl2ast</c> oracle (file, mode, stats,
/// diagnostics, body/expr, comments), so that our parser can be compared with the reference.
/// </summary>
public static class HclAstWriter
{
    /// <summary>Values are computed for sub-expressions at most this deep below the attribute...</summary>
    private const int ValueDepth = 32;

    /// <summary>...and at most this high themselves (as the oracle does, to stay linear).</summary>
    private const int ValueHeight = 64;

    /// <summary>Parses <paramref name="source"/> in <paramref name="mode"/> (config, expr or template) and prints it.</summary>
    public static string Write(string fileName, byte[] source, string mode) => LargeStack.Run(() =>
    {
        using var text = new StringWriter();
        using var json = new JsonTextWriter(text) { Formatting = Formatting.None };
        json.WriteStartObject();
        json.WritePropertyName("file");
        json.WriteValue(fileName);
        json.WritePropertyName("mode");
        json.WriteValue(mode);
        if (mode == "config")
        {
            var file = HclParser.ParseConfigOnThisThread(fileName, source);
            var stats = new Stats();
            var bodyJson = new StringWriter();
            using (var bodyWriter = new JsonTextWriter(bodyJson) { Formatting = Formatting.None })
            {
                WriteBody(bodyWriter, file.Body, 0, stats);
            }
            stats.Comments = file.Comments.Count;
            json.WritePropertyName("stats");
            json.WriteStartObject();
            WriteInt(json, "attributes", stats.Attributes);
            WriteInt(json, "blocks", stats.Blocks);
            WriteInt(json, "max_block_depth", stats.MaxBlockDepth);
            WriteInt(json, "max_expr_height", stats.MaxExprHeight);
            WriteInt(json, "comments", stats.Comments);
            json.WriteEndObject();
            WriteDiagnostics(json, file.Diagnostics);
            json.WritePropertyName("body");
            json.WriteRawValue(bodyJson.ToString());
            if (file.Comments.Count > 0)
            {
                json.WritePropertyName("comments");
                json.WriteStartArray();
                foreach (var c in file.Comments)
                {
                    json.WriteStartObject();
                    json.WritePropertyName("text");
                    json.WriteValue(c.Text);
                    WriteRange(json, "range", c.Range);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
        }
        else
        {
            var result = HclParser.ParseStandalone(fileName, source, template: mode == "template");
            WriteDiagnostics(json, result.Diagnostics);
            json.WritePropertyName("expr");
            WriteExpr(json, result.Expression, 0);
        }
        json.WriteEndObject();
        json.Flush();
        return text.ToString();
    });

    private sealed class Stats
    {
        public int Attributes;
        public int Blocks;
        public int MaxBlockDepth;
        public int MaxExprHeight;
        public int Comments;
    }

    private static void WriteInt(JsonWriter json, string name, int value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    private static void WriteDiagnostics(JsonWriter json, IReadOnlyList<HclDiagnostic> diagnostics)
    {
        json.WritePropertyName("diagnostics");
        json.WriteStartArray();
        foreach (var d in diagnostics)
        {
            json.WriteStartObject();
            json.WritePropertyName("severity");
            json.WriteValue(d.Severity == HclSeverity.Error ? "error" : "warning");
            json.WritePropertyName("summary");
            json.WriteValue(d.Summary);
            json.WritePropertyName("detail");
            json.WriteValue(d.Detail);
            WriteRange(json, "range", d.Range);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteRange(JsonWriter json, string name, SourceRange range)
    {
        json.WritePropertyName(name);
        json.WriteStartObject();
        WritePos(json, "start", range.Start);
        WritePos(json, "end", range.End);
        json.WriteEndObject();
    }

    private static void WritePos(JsonWriter json, string name, SourcePosition pos)
    {
        json.WritePropertyName(name);
        json.WriteStartObject();
        WriteInt(json, "line", pos.Line);
        WriteInt(json, "column", pos.Column);
        WriteInt(json, "byte", pos.Byte);
        json.WriteEndObject();
    }

    private static void WriteBody(JsonWriter json, Body body, int depth, Stats stats)
    {
        stats.MaxBlockDepth = Math.Max(stats.MaxBlockDepth, depth);
        stats.Attributes += body.Attributes.Count;
        stats.Blocks += body.Blocks.Count;
        json.WriteStartObject();
        WriteRange(json, "range", body.Range);
        json.WritePropertyName("attributes");
        json.WriteStartArray();
        foreach (var a in body.Attributes)
        {
            json.WriteStartObject();
            json.WritePropertyName("name");
            json.WriteValue(a.Name);
            WriteRange(json, "range", a.Range);
            WriteRange(json, "name_range", a.NameRange);
            WriteRange(json, "equals_range", a.EqualsRange);
            json.WritePropertyName("expr");
            var height = WriteExpr(json, a.Expression, 0);
            stats.MaxExprHeight = Math.Max(stats.MaxExprHeight, height);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WritePropertyName("blocks");
        json.WriteStartArray();
        foreach (var b in body.Blocks)
        {
            json.WriteStartObject();
            json.WritePropertyName("type");
            json.WriteValue(b.Type);
            json.WritePropertyName("labels");
            json.WriteStartArray();
            foreach (var l in b.Labels)
            {
                json.WriteValue(l);
            }
            json.WriteEndArray();
            WriteRange(json, "range", b.Range);
            WriteRange(json, "type_range", b.TypeRange);
            json.WritePropertyName("label_ranges");
            json.WriteStartArray();
            foreach (var r in b.LabelRanges)
            {
                json.WriteStartObject();
                WritePos(json, "start", r.Start);
                WritePos(json, "end", r.End);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteRange(json, "open_brace_range", b.OpenBraceRange);
            WriteRange(json, "close_brace_range", b.CloseBraceRange);
            json.WritePropertyName("body");
            WriteBody(json, b.Body, depth + 1, stats);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The oracle's node kind names (hclsyntax type names).</summary>
    internal static string KindOf(Expression expr) => expr switch
    {
        LiteralValue or InvalidExpr => "LiteralValueExpr",
        TemplateExpr => "TemplateExpr",
        TemplateWrap => "TemplateWrapExpr",
        TemplateJoin => "TemplateJoinExpr",
        ScopeTraversal => "ScopeTraversalExpr",
        RelativeTraversal => "RelativeTraversalExpr",
        FunctionCall => "FunctionCallExpr",
        Conditional => "ConditionalExpr",
        BinaryOp => "BinaryOpExpr",
        UnaryOp => "UnaryOpExpr",
        TupleCons => "TupleConsExpr",
        ObjectCons => "ObjectConsExpr",
        ObjectConsKey => "ObjectConsKeyExpr",
        ForExpr => "ForExpr",
        IndexExpr => "IndexExpr",
        SplatExpr => "SplatExpr",
        AnonSymbol => "AnonSymbolExpr",
        Parenthesized => "ParenthesesExpr",
        _ => expr.GetType().Name,
    };

    /// <summary>Direct sub-expressions, in the oracle's order.</summary>
    internal static IEnumerable<Expression> Children(Expression expr) => expr switch
    {
        TemplateExpr t => t.Parts,
        TemplateWrap w => [w.Wrapped],
        TemplateJoin j => [j.Tuple],
        RelativeTraversal r => [r.Source],
        FunctionCall f => f.Args,
        Conditional c => [c.Condition, c.TrueResult, c.FalseResult],
        BinaryOp b => [b.Lhs, b.Rhs],
        UnaryOp u => [u.Operand],
        TupleCons t => t.Items,
        ObjectCons o => o.Items.SelectMany(i => new[] { (Expression)i.Key, i.Value }),
        ObjectConsKey k => [k.Wrapped],
        ForExpr f => new[] { f.Collection, f.KeyExpr, f.ValExpr, f.Condition }.OfType<Expression>(),
        IndexExpr i => [i.Collection, i.Key],
        SplatExpr s => [s.Source, s.Each],
        Parenthesized p => [p.Inner],
        _ => [],
    };

    /// <summary>Writes one expression; returns its height.</summary>
    private static int WriteExpr(JsonWriter json, Expression expr, int depth)
    {
        // Children are written to a buffer first: the value is printed before them, but whether
        // to compute it depends on the height, which is known only after visiting them.
        var childText = new StringWriter();
        int height;
        using (var child = new JsonTextWriter(childText) { Formatting = Formatting.None })
        {
            child.WriteStartObject();
            height = WriteDetail(child, expr, depth);
            child.WriteEndObject();
        }
        json.WriteStartObject();
        json.WritePropertyName("kind");
        json.WriteValue(KindOf(expr));
        WriteRange(json, "range", expr.Range);
        if (depth == 0 || (depth <= ValueDepth && height <= ValueHeight))
        {
            var (value, error) = ConstantEvaluator.Evaluate(expr);
            if (value is not null)
            {
                json.WritePropertyName("value");
                WriteValue(json, value);
                json.WritePropertyName("type");
                WriteType(json, value);
            }
            else
            {
                json.WritePropertyName("value_error");
                json.WriteValue(error);
            }
            var traversals = VariableCollector.Collect(expr);
            if (traversals.Count > 0)
            {
                json.WritePropertyName("traversals");
                json.WriteStartArray();
                foreach (var t in traversals)
                {
                    json.WriteValue(t);
                }
                json.WriteEndArray();
            }
        }
        var detail = childText.ToString().Trim();
        var inner = detail[1..^1].Trim();
        if (inner.Length > 0)
        {
            // Splice the buffered properties into this object.
            json.WriteRaw(",");
            json.WriteRaw(inner);
        }
        json.WriteEndObject();
        return height;
    }

    private static int WriteDetail(JsonWriter json, Expression expr, int depth)
    {
        var height = 1;
        int Sub(string name, Expression e)
        {
            json.WritePropertyName(name);
            var h = WriteExpr(json, e, depth + 1);
            height = Math.Max(height, h + 1);
            return h;
        }
        void List(string name, IEnumerable<Expression> items)
        {
            json.WritePropertyName(name);
            json.WriteStartArray();
            foreach (var e in items)
            {
                height = Math.Max(height, WriteExpr(json, e, depth + 1) + 1);
            }
            json.WriteEndArray();
        }
        void Str(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                json.WritePropertyName(name);
                json.WriteValue(value);
            }
        }
        void Flag(string name, bool value)
        {
            if (value)
            {
                json.WritePropertyName(name);
                json.WriteValue(true);
            }
        }
        switch (expr)
        {
            case ScopeTraversal s:
                Str("traversal", VariableCollector.Render(s.Traversal));
                break;
            case RelativeTraversal r:
                Sub("source", r.Source);
                Str("traversal", VariableCollector.Render(r.Traversal));
                break;
            case FunctionCall f:
                Str("name", f.Name);
                Flag("expand_final", f.ExpandFinal);
                if (f.Args.Count > 0)
                {
                    List("args", f.Args);
                }
                break;
            case Conditional c:
                Sub("condition", c.Condition);
                Sub("true_result", c.TrueResult);
                Sub("false_result", c.FalseResult);
                break;
            case IndexExpr i:
                Sub("collection", i.Collection);
                Sub("key", i.Key);
                break;
            case TupleCons t:
                if (t.Items.Count > 0)
                {
                    List("exprs", t.Items);
                }
                Flag("empty", t.Items.Count == 0);
                break;
            case ObjectCons o:
                if (o.Items.Count > 0)
                {
                    json.WritePropertyName("items");
                    json.WriteStartArray();
                    foreach (var item in o.Items)
                    {
                        json.WriteStartObject();
                        Sub("key", item.Key);
                        Sub("value", item.Value);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                Flag("empty", o.Items.Count == 0);
                break;
            case ObjectConsKey k:
                Sub("wrapped", k.Wrapped);
                Flag("force_non_literal", k.ForceNonLiteral);
                break;
            case ForExpr f:
                Str("key_var", f.KeyVar);
                Str("val_var", f.ValVar);
                Sub("collection", f.Collection);
                if (f.KeyExpr is not null)
                {
                    Sub("key", f.KeyExpr);
                }
                Sub("val", f.ValExpr);
                if (f.Condition is not null)
                {
                    Sub("condition", f.Condition);
                }
                Flag("group", f.Group);
                break;
            case SplatExpr s:
                Sub("source", s.Source);
                Sub("each", s.Each);
                break;
            case BinaryOp b:
                Str("op", OperatorText(b.Operator));
                Sub("lhs", b.Lhs);
                Sub("rhs", b.Rhs);
                break;
            case UnaryOp u:
                Str("op", u.Operator == UnaryOperator.Not ? "!" : "-");
                Sub("operand", u.Operand);
                break;
            case TemplateExpr t:
                List("parts", t.Parts);
                break;
            case TemplateWrap w:
                Sub("wrapped", w.Wrapped);
                break;
            case TemplateJoin j:
                Sub("wrapped", j.Tuple);
                break;
            case Parenthesized p:
                Sub("wrapped", p.Inner);
                break;
        }
        return height;
    }

    private static string OperatorText(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => "||",
        BinaryOperator.And => "&&",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.LessThan => "<",
        BinaryOperator.LessThanOrEqual => "<=",
        BinaryOperator.GreaterThan => ">",
        BinaryOperator.GreaterThanOrEqual => ">=",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => "%",
    };

    /// <summary>cty-JSON rendering of a value.</summary>
    internal static void WriteValue(JsonWriter json, HclValue value)
    {
        switch (value)
        {
            case HclNull:
                json.WriteNull();
                break;
            case HclBool b:
                json.WriteValue(b.Value);
                break;
            case HclString s:
                json.WriteValue(s.Value);
                break;
            case HclNumberValue n:
                json.WriteRawValue(n.Value.ToString());
                break;
            case HclTuple t:
                json.WriteStartArray();
                foreach (var item in t.Items)
                {
                    WriteValue(json, item);
                }
                json.WriteEndArray();
                break;
            case HclObject o:
                json.WriteStartObject();
                foreach (var (k, v) in o.Attributes)
                {
                    json.WritePropertyName(k);
                    WriteValue(json, v);
                }
                json.WriteEndObject();
                break;
        }
    }

    /// <summary>cty-JSON rendering of a value's type.</summary>
    internal static void WriteType(JsonWriter json, HclValue value)
    {
        switch (value)
        {
            case HclNull:
                json.WriteValue("dynamic");
                break;
            case HclBool:
                json.WriteValue("bool");
                break;
            case HclString:
                json.WriteValue("string");
                break;
            case HclNumberValue:
                json.WriteValue("number");
                break;
            case HclTuple t:
                json.WriteStartArray();
                json.WriteValue("tuple");
                json.WriteStartArray();
                foreach (var item in t.Items)
                {
                    WriteType(json, item);
                }
                json.WriteEndArray();
                json.WriteEndArray();
                break;
            case HclObject o:
                json.WriteStartArray();
                json.WriteValue("object");
                json.WriteStartObject();
                foreach (var (k, v) in o.Attributes)
                {
                    json.WritePropertyName(k);
                    WriteType(json, v);
                }
                json.WriteEndObject();
                json.WriteEndArray();
                break;
        }
    }
}
