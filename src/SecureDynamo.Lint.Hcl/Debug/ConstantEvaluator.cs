using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Debug;

/// <summary>
/// Evaluates an expression with no variables and no functions (like HCL's <c>Value(nil)</c>), for
/// the AST printer. Returns the value, or the summary of why there is none.
/// </summary>
internal static class ConstantEvaluator
{
    private sealed class Unknown : Exception
    {
        public Unknown(string message) : base(message) { }
    }

    public static (HclValue? Value, string? Error) Evaluate(Expression expr)
    {
        try
        {
            return (Eval(expr, new Dictionary<string, HclValue>(), null), null);
        }
        catch (Unknown e)
        {
            return (null, e.Message);
        }
    }

    private static HclValue Eval(Expression expr, Dictionary<string, HclValue> scope, HclValue? item) => expr switch
    {
        LiteralValue l => l.Value,
        InvalidExpr => throw new Unknown("value is not wholly known"),
        TemplateWrap w => Eval(w.Wrapped, scope, item),
        Parenthesized p => Eval(p.Inner, scope, item),
        TemplateExpr t => new HclString(string.Concat(t.Parts.Select(p => AsString(Eval(p, scope, item))))),
        TemplateJoin j => new HclString(string.Concat(((HclTuple)Eval(j.Tuple, scope, item)).Items.Select(AsString))),
        ScopeTraversal s => scope.TryGetValue(s.RootName, out var root)
            ? Apply(root, s.Traversal.Skip(1))
            : throw new Unknown("Variables not allowed"),
        RelativeTraversal r => Apply(Eval(r.Source, scope, item), r.Traversal),
        AnonSymbol => item ?? throw new Unknown("value is not wholly known"),
        FunctionCall => throw new Unknown("Function calls not allowed"),
        Conditional c => Eval(c.Condition, scope, item) is HclBool b
            ? Eval(b.Value ? c.TrueResult : c.FalseResult, scope, item)
            : throw new Unknown("Incorrect condition type"),
        UnaryOp u => Unary(u, Eval(u.Operand, scope, item)),
        BinaryOp b => Binary(b.Operator, Eval(b.Lhs, scope, item), Eval(b.Rhs, scope, item)),
        TupleCons t => new HclTuple(t.Items.Select(i => Eval(i, scope, item)).ToList()),
        ObjectCons o => HclObject.From(o.Items.Select(i => new KeyValuePair<string, HclValue>(
            AsString(Eval(i.Key, scope, item)), Eval(i.Value, scope, item)))),
        ObjectConsKey k => k.LiteralName is { } name ? new HclString(name) : Eval(k.Wrapped, scope, item),
        IndexExpr i => Index(Eval(i.Collection, scope, item), Eval(i.Key, scope, item)),
        SplatExpr s => Splat(s, Eval(s.Source, scope, item), scope),
        ForExpr f => For(f, scope, item),
        _ => throw new Unknown("unsupported expression"),
    };

    private static HclValue Splat(SplatExpr s, HclValue source, Dictionary<string, HclValue> scope) => source switch
    {
        HclNull => new HclTuple([]),
        HclTuple t => new HclTuple(t.Items.Select(x => Eval(s.Each, scope, x)).ToList()),
        _ => new HclTuple([Eval(s.Each, scope, source)]),
    };

    private static HclValue For(ForExpr f, Dictionary<string, HclValue> scope, HclValue? item)
    {
        var collection = Eval(f.Collection, scope, item);
        IEnumerable<(HclValue Key, HclValue Value)> pairs = collection switch
        {
            HclTuple t => t.Items.Select((v, i) => ((HclValue)new HclNumberValue(HclNumber.FromInt(i)), v)),
            HclObject o => o.Attributes.Select(a => ((HclValue)new HclString(a.Key), a.Value)),
            _ => throw new Unknown("Iteration over non-iterable value"),
        };
        var values = new List<HclValue>();
        var keyed = new List<KeyValuePair<string, HclValue>>();
        foreach (var (key, value) in pairs)
        {
            var inner = new Dictionary<string, HclValue>(scope) { [f.ValVar] = value };
            if (f.KeyVar is not null)
            {
                inner[f.KeyVar] = key;
            }
            if (f.Condition is not null && Eval(f.Condition, inner, item) is HclBool { Value: false })
            {
                continue;
            }
            var v = Eval(f.ValExpr, inner, item);
            if (f.KeyExpr is null)
            {
                values.Add(v);
            }
            else
            {
                keyed.Add(new(AsString(Eval(f.KeyExpr, inner, item)), v));
            }
        }
        if (f.KeyExpr is null)
        {
            return new HclTuple(values);
        }
        if (f.Group)
        {
            return HclObject.From(keyed.GroupBy(k => k.Key).Select(g =>
                new KeyValuePair<string, HclValue>(g.Key, new HclTuple(g.Select(x => x.Value).ToList()))));
        }
        return HclObject.From(keyed);
    }

    private static HclValue Apply(HclValue value, IEnumerable<TraversalStep> steps)
    {
        foreach (var step in steps)
        {
            value = step switch
            {
                TraverseAttr a => value is HclObject o ? o.Get(a.Name) ?? throw new Unknown("Unsupported attribute") : throw new Unknown("Unsupported attribute"),
                TraverseIndex i => Index(value, i.Key),
                _ => throw new Unknown("Invalid traversal"),
            };
        }
        return value;
    }

    private static HclValue Index(HclValue collection, HclValue key) => (collection, key) switch
    {
        (HclTuple t, HclNumberValue n) when n.Value.IsInteger && n.Value.CompareTo(HclNumber.FromInt(0)) >= 0
            && n.Value.CompareTo(HclNumber.FromInt(t.Items.Count)) < 0 => t.Items[int.Parse(n.Value.ToString(), System.Globalization.CultureInfo.InvariantCulture)],
        (HclObject o, HclString s) => o.Get(s.Value) ?? throw new Unknown("Invalid index"),
        _ => throw new Unknown("Invalid index"),
    };

    private static HclValue Unary(UnaryOp u, HclValue v) => (u.Operator, v) switch
    {
        (UnaryOperator.Negate, HclNumberValue n) => new HclNumberValue(-n.Value),
        (UnaryOperator.Not, HclBool b) => new HclBool(!b.Value),
        _ => throw new Unknown("Invalid operand"),
    };

    private static HclValue Binary(BinaryOperator op, HclValue l, HclValue r)
    {
        switch (op)
        {
            case BinaryOperator.Equal:
                return new HclBool(Equal(l, r));
            case BinaryOperator.NotEqual:
                return new HclBool(!Equal(l, r));
            case BinaryOperator.And or BinaryOperator.Or:
                var a = Bool(l);
                var b = Bool(r);
                return new HclBool(op == BinaryOperator.And ? a && b : a || b);
        }
        var x = Number(l);
        var y = Number(r);
        return op switch
        {
            BinaryOperator.Add => new HclNumberValue(x + y),
            BinaryOperator.Subtract => new HclNumberValue(x - y),
            BinaryOperator.Multiply => new HclNumberValue(x * y),
            BinaryOperator.Divide => y.Mantissa.IsZero ? throw new Unknown("Division by zero") : new HclNumberValue(HclNumber.Divide(x, y)),
            BinaryOperator.Modulo => y.Mantissa.IsZero ? throw new Unknown("Division by zero") : new HclNumberValue(HclNumber.Modulo(x, y)),
            BinaryOperator.LessThan => new HclBool(x.CompareTo(y) < 0),
            BinaryOperator.LessThanOrEqual => new HclBool(x.CompareTo(y) <= 0),
            BinaryOperator.GreaterThan => new HclBool(x.CompareTo(y) > 0),
            _ => new HclBool(x.CompareTo(y) >= 0),
        };
    }

    private static bool Equal(HclValue l, HclValue r) => (l, r) switch
    {
        (HclNumberValue a, HclNumberValue b) => a.Value.CompareTo(b.Value) == 0,
        (HclTuple a, HclTuple b) => a.Items.Count == b.Items.Count && a.Items.Zip(b.Items).All(p => Equal(p.First, p.Second)),
        (HclObject a, HclObject b) => a.Attributes.Count == b.Attributes.Count
            && a.Attributes.Zip(b.Attributes).All(p => p.First.Key == p.Second.Key && Equal(p.First.Value, p.Second.Value)),
        _ => l.Equals(r),
    };

    private static bool Bool(HclValue v) => v switch
    {
        HclBool b => b.Value,
        HclString { Value: "true" } => true,
        HclString { Value: "false" } => false,
        _ => throw new Unknown("Invalid operand"),
    };

    private static HclNumber Number(HclValue v) => v switch
    {
        HclNumberValue n => n.Value,
        HclString s when HclNumber.TryParse(s.Value, out var n) => n,
        _ => throw new Unknown("Invalid operand"),
    };

    private static string AsString(HclValue v) => v switch
    {
        HclString s => s.Value,
        HclNumberValue n => n.Value.ToString(),
        HclBool b => b.Value ? "true" : "false",
        HclNull => throw new Unknown("Invalid template interpolation value"),
        _ => throw new Unknown("Invalid template interpolation value"),
    };
}
