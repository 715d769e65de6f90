using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Hcl.Values;
using SecureDynamo.Lint.Terraform.Functions;
using HclExpression = SecureDynamo.Lint.Hcl.Syntax.Expression;
using CoreExpression = SecureDynamo.Lint.Core.Values.Expression;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>
/// Evaluates HCL expressions of one module instance to values, as Terraform would at plan time:
/// anything only known after apply (resource attributes, data sources) is unknown and carries the
/// references it was computed from. Terraform errors raise <see cref="EvaluationError"/>.
/// </summary>
internal sealed class ExpressionEvaluator
{
    private readonly IModuleScope _scope;

    public ExpressionEvaluator(IModuleScope scope) => _scope = scope;

    /// <summary>
    /// The for-expression iterations one evaluator (one module instance) follows. Nested <c>for</c>s over
    /// <c>range(1024)</c> reach a billion in one line and kept a scan busy past a minute at gigabytes; real modules
    /// stay far below. Past it, each further <c>for</c> is an evaluation warning and its value unknown.
    /// </summary>
    internal const long MaxForIterations = 1_000_000;

    private long _forIterations;

    public IModuleScope Scope => _scope;

    public Value Evaluate(HclExpression e, Bindings b) => EvaluateBare(e, b).WithRange(e.Range);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Value EvaluateBare(HclExpression e, Bindings b)
    {
        switch (e)
        {
            case LiteralValue l: return ValueOps.FromHcl(l.Value);
            case TemplateExpr t: return Template(t, b);
            case TemplateWrap w: return Evaluate(w.Wrapped, b);
            case TemplateJoin j: return Join(j, b);
            case Parenthesized p: return Evaluate(p.Inner, b);
            case TupleCons t: return Value.List(EvaluateAll(t.Items, b));
            case ObjectCons o: return ObjectValue(o, b);
            case ObjectConsKey k: return Evaluate(k.Wrapped, b);
            case ScopeTraversal s: return Traverse(s, b);
            case RelativeTraversal r: return ApplyStepsReadingInstances(Evaluate(r.Source, b), r.Traversal, 0);
            case IndexExpr i: return Index(Evaluate(i.Collection, b), Evaluate(i.Key, b));
            case SplatExpr s: return Splat(s, b);
            case AnonSymbol a: return b.TryGet(AnonName(a), out var item) ? item : throw new EvaluationError("splat item used outside a splat", a.Range);
            case FunctionCall f: return Call(f, b);
            case Conditional c: return Condition(c, b);
            case BinaryOp o: return Operators.Binary(o.Operator, Evaluate(o.Lhs, b), Evaluate(o.Rhs, b), _scope.ModulePath);
            case UnaryOp u: return Operators.Unary(u.Operator, Evaluate(u.Operand, b), _scope.ModulePath);
            case ForExpr f: return For(f, b);
            default: throw new EvaluationError("the expression is invalid", e.Range);
        }
    }

    /// <summary>The values of <paramref name="expressions"/>, in order.</summary>
    private List<Value> EvaluateAll(IReadOnlyList<HclExpression> expressions, Bindings b)
    {
        var values = new List<Value>(expressions.Count);
        foreach (var e in expressions) values.Add(Evaluate(e, b));
        return values;
    }

    private static string AnonName(AnonSymbol a) => "\0splat@" + a.Range.Start.Byte;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Value Template(TemplateExpr t, Bindings b)
    {
        if (t.Parts.Count == 1 && t.Parts[0] is LiteralValue { Value: HclString s }) return Value.String(s.Value);
        var parts = new List<Value>(t.Parts.Count);
        var anyUnknown = false;
        foreach (var p in t.Parts)
        {
            var v = Evaluate(p, b);
            parts.Add(v);
            anyUnknown |= v.IsUnknown;
        }
        if (anyUnknown)
        {
            var unknown = Unknowns.From(_scope.ModulePath, parts);
            var (skeleton, references) = Skeleton(parts);
            return unknown.WithExpression(unknown.Expression! with { Skeleton = skeleton, SkeletonReferences = references, Derived = AnyDerived(parts) });
        }
        var texts = new string[parts.Count];
        var sensitive = false;
        for (var i = 0; i < texts.Length; i++)
        {
            var p = parts[i];
            texts[i] = p.IsNull ? throw new EvaluationError("a template cannot interpolate null", t.Range) : ValueOps.ToText(p);
            sensitive |= p.Sensitive;
        }
        string text;
        try { text = StringLimit.Join("", texts); }
        catch (EvaluationError e) when (e.Range is null) { throw new EvaluationError(e.Message, t.Range); }
        return Value.String(text).WithSensitive(sensitive);
    }

    /// <summary>
    /// Functions whose result is one of their arguments' values, or a collection of them, unchanged (or written whole into
    /// fixed text, as format and formatlist do: <c>formatlist("%s/index/*", arns)</c>): an ARN passed through them is still
    /// that ARN. Any other function makes new text (<see cref="CoreExpression.Derived"/>).
    /// </summary>
    private static readonly HashSet<string> KeepsValues = new(StringComparer.Ordinal)
    {
        "coalesce", "coalescelist", "compact", "concat", "distinct", "element", "flatten", "format", "formatlist", "join", "lookup", "merge",
        "one", "reverse", "setintersection", "setunion", "slice", "sort", "tolist", "tomap", "toset", "tostring", "values",
    };

    /// <summary>The unknown result of function <paramref name="name"/>: derived unless the function keeps its arguments' values (and they are not derived).</summary>
    private static Value Made(string name, Value unknown, IReadOnlyList<Value> arguments) =>
        KeepsValues.Contains(name) && !AnyDerived(arguments) ? unknown : unknown.WithExpression(unknown.Expression! with { Derived = true });

    /// <summary>Whether a value among <paramref name="values"/> holds a derived unknown.</summary>
    private static bool AnyDerived(IReadOnlyList<Value> values)
    {
        foreach (var v in values) if (HoldsDerived(v)) return true;
        return false;

        static bool HoldsDerived(Value v)
        {
            if (v.IsUnknown) return v.Expression?.Derived == true;
            foreach (var i in v.Items) if (HoldsDerived(i)) return true;
            foreach (var f in v.Fields.Values) if (HoldsDerived(f)) return true;
            return false;
        }
    }

    /// <summary>
    /// The template's text with a marker for each unknown part, and the references of each marker in order
    /// (null when a part cannot be shown as text).
    /// </summary>
    private static (string? Skeleton, IReadOnlyList<IReadOnlyList<string>>? References) Skeleton(IReadOnlyList<Value> parts)
    {
        var sb = new System.Text.StringBuilder();
        var references = new List<IReadOnlyList<string>>();
        foreach (var p in parts)
        {
            if (p.IsUnknown)
            {
                if (p.Expression?.Skeleton is { } inner)
                {
                    sb.Append(inner);
                    var markers = inner.Count(c => c == CoreExpression.UnknownMarker[0]);
                    // A part's own references per marker where it has them; a jsonencode skeleton writes them inline.
                    references.AddRange(p.Expression.SkeletonReferences is { } own && own.Count == markers ? own : Enumerable.Repeat<IReadOnlyList<string>>([], markers));
                }
                else
                {
                    sb.Append(CoreExpression.UnknownMarker);
                    // A part made from its references (dirname(aws_dynamodb_table.t.arn)) is none of them.
                    references.Add(p.Expression is { Derived: false } e ? e.References : []);
                }
            }
            else if (p.IsNull || p.Kind is ValueKind.List or ValueKind.Map) return (null, null);
            else sb.Append(ValueOps.ToText(p));
        }
        return (sb.ToString(), references);
    }

    private Value Join(TemplateJoin j, Bindings b)
    {
        var list = Evaluate(j.Tuple, b);
        if (list.ContainsUnknown()) return Unknowns.From(_scope.ModulePath, new[] { list });
        try { return Value.String(StringLimit.Join("", list.Items.Select(ValueOps.ToText).ToList())); }
        catch (EvaluationError e) when (e.Range is null) { throw new EvaluationError(e.Message, j.Range); }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Value ObjectValue(ObjectCons o, Bindings b)
    {
        var fields = new Dictionary<string, Value>(o.Items.Count, StringComparer.Ordinal);
        foreach (var item in o.Items)
        {
            var keyValue = item.Key.LiteralName is { } literal ? Value.String(literal) : Evaluate(item.Key.Wrapped, b);
            var value = Evaluate(item.Value, b);
            if (keyValue.IsUnknown) return Unknowns.From(_scope.ModulePath, new[] { keyValue, value });
            if (keyValue.IsNull) throw new EvaluationError("an object key cannot be null", item.Key.Range);
            fields[ValueOps.ToText(keyValue)] = value;
        }
        return Value.Map(fields);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Value Traverse(ScopeTraversal s, Bindings b)
    {
        var steps = s.Traversal;
        var root = s.RootName;
        if (b.TryGet(root, out var bound)) return ApplyStepsReadingInstances(bound, steps, 1);
        var module = _scope.ModulePath;
        string? AttrAt(int i) => i < steps.Count && steps[i] is TraverseAttr a ? a.Name : null;
        switch (root)
        {
            case "var" when AttrAt(1) is { } name:
                return Retag(ApplySteps(_scope.Variable(name, s.Range), steps, 2), steps);
            case "local" when AttrAt(1) is { } name:
                return ApplySteps(_scope.Local(name, s.Range), steps, 2);
            case "module" when AttrAt(1) is { } name:
                return Retag(ApplySteps(_scope.ModuleCall(name, s.Range), steps, 2), steps);
            case "data" when AttrAt(1) is { } dataType && AttrAt(2) is { } dataName:
                // As a managed resource: its instances when they are known, each with its configured arguments; what the provider reads is unknown.
                if (_scope.Resource("data." + dataType, dataName) is { } data) return ApplyStepsReadingInstances(data, steps, 3);
                return Value.Unknown(new CoreExpression(module, TraversalText.References(steps), null, TraversalText.Render(steps)));
            case "path" when AttrAt(1) is { } what:
                return what switch
                {
                    "module" => Value.String(_scope.ModuleDirectory),
                    "root" or "cwd" => Value.String("."),
                    _ => throw new EvaluationError($"path.{what} is not a path Terraform knows", s.Range),
                };
            case "terraform" when AttrAt(1) == "workspace":
                return Value.String(_scope.Workspace);
            case "self":
                return Value.Unknown(new CoreExpression(module, new[] { TraversalText.Render(steps) }, null, TraversalText.Render(steps)));
            case "each" or "count":
                throw new EvaluationError($"{root} is only available in a resource or module block with {(root == "each" ? "for_each" : "count")}", s.Range);
        }
        if (AttrAt(1) is { } resourceName && root.Contains('_'))
        {
            if (!_scope.DeclaresResource(root, resourceName))
            {
                _scope.Warn($"reference to undeclared resource {root}.{resourceName}", s.Range);
            }
            // aws_x.y is the list (count) or map (for_each) of its instances, or its one instance: an index, splat or for
            // reaches an instance, and an attribute read from it is that instance's.
            else if (_scope.Resource(root, resourceName) is { } resource)
            {
                return ApplyStepsReadingInstances(resource, steps, 2);
            }
            return Value.Unknown(new CoreExpression(module, TraversalText.References(steps), null, TraversalText.Render(steps)));
        }
        _scope.Warn($"undefined reference \"{TraversalText.Render(steps)}\"" + (root is "True" or "False" ? $" (HCL booleans are lower case: {root.ToLowerInvariant()})" : ""), s.Range);
        return Value.Unknown(new CoreExpression(module, new[] { TraversalText.Render(steps) }, null, TraversalText.Render(steps)));
    }

    /// <summary>
    /// An unknown read through a variable or module output refers to that name in this module, and keeps what the
    /// name was evaluated to where it was given its value (<see cref="CoreExpression.Passed"/>).
    /// </summary>
    private Value Retag(Value v, IReadOnlyList<TraversalStep> steps)
    {
        if (!v.IsUnknown) return v;
        var passed = v.Expression is { References.Count: > 0 } e ? e : null;
        return Value.Unknown(new CoreExpression(_scope.ModulePath, TraversalText.References(steps), null, TraversalText.Render(steps)) { Passed = passed }).WithSensitive(v.Sensitive);
    }

    private Value ApplySteps(Value v, IReadOnlyList<TraversalStep> steps, int from) => ApplySteps(v, steps, from, out _);

    /// <summary>
    /// <see cref="ApplySteps(Value, IReadOnlyList{TraversalStep}, int)"/>, where a value standing for a resource instance
    /// (<see cref="ResourceInstances"/>) reads that instance's attribute: its configured value when that is known before
    /// apply (for an instance of this module or of the root), else its unknown attribute.
    /// </summary>
    private Value ApplyStepsReadingInstances(Value v, IReadOnlyList<TraversalStep> steps, int from)
    {
        var reached = ApplySteps(v, steps, from, out var at);
        if (at == steps.Count || ResourceInstances.Of(reached) is not { } instance) return reached;
        if (steps[at] is TraverseAttr a && _scope.ConfiguredAttribute(instance.Module, instance.Type, instance.Name, instance.Key, a.Name) is { } configured)
        {
            return ApplySteps(configured, steps, at + 1);
        }
        return ResourceInstances.Read(instance, TraversalText.RenderSteps(steps, at, at + 1), TraversalText.RenderSteps(steps, at, steps.Count));
    }

    /// <param name="stoppedAt">The first step not taken (at an unknown value), or the number of steps.</param>
    private Value ApplySteps(Value v, IReadOnlyList<TraversalStep> steps, int from, out int stoppedAt)
    {
        stoppedAt = steps.Count;
        for (var i = from; i < steps.Count; i++)
        {
            if (v.IsUnknown)
            {
                stoppedAt = i;
                return v;
            }
            v = steps[i] switch
            {
                TraverseAttr a => Attribute(v, a.Name, a),
                TraverseIndex x => Index(v, ValueOps.FromHcl(x.Key), x),
                _ => throw new EvaluationError("unsupported traversal step", steps[i].Range),
            };
        }
        return v;
    }

    private static Value Attribute(Value v, string name, TraversalStep step)
    {
        if (v.IsNull) throw new EvaluationError($"attempt to get attribute \"{name}\" from a null value", step.Range);
        if (v.Kind != ValueKind.Map) throw new EvaluationError($"cannot get attribute \"{name}\" from {ValueOps.Describe(v)}", step.Range);
        return v.Fields.TryGetValue(name, out var f) ? f.WithSensitive(f.Sensitive || v.Sensitive)
            : throw new EvaluationError($"this object does not have an attribute named \"{name}\"", step.Range);
    }

    private Value Index(Value collection, Value key, TraversalStep? step = null)
    {
        if (collection.IsUnknown) return collection;
        if (key.IsUnknown)
        {
            // Picked by a key known only after apply from elements all known only after apply (aws_kms_key.k[var.env]):
            // it is one of them, so it refers to what they refer to (every instance of the key), not to the key.
            var elements = collection.Kind == ValueKind.List ? collection.Items : collection.Kind == ValueKind.Map ? collection.Fields.Values.ToList() : [];
            if (elements.Count == 0 || !elements.All(e => e.IsUnknown)) return Unknowns.From(_scope.ModulePath, new[] { key });
            var picked = Unknowns.From(_scope.ModulePath, elements);
            // Named as the whole resource (aws_kms_key.k), not as its first instance.
            var references = picked.Expression!.References.OrderBy(r => r.Contains('[', StringComparison.Ordinal)).ToList();
            return Value.Unknown(picked.Expression with { References = references }).WithSensitive(picked.Sensitive);
        }
        if (collection.IsNull) throw new EvaluationError("cannot index a null value", step?.Range);
        if (collection.Kind == ValueKind.List)
        {
            var i = ValueOps.ToInt(key);
            if (i < 0 || i >= collection.Items.Count) throw new EvaluationError($"index {i} out of range for a list of {collection.Items.Count}", step?.Range);
            return collection.Items[i];
        }
        if (collection.Kind == ValueKind.Map)
        {
            var k = ValueOps.ToText(key);
            return collection.Fields.TryGetValue(k, out var f) ? f : throw new EvaluationError($"the given key \"{k}\" does not identify an element in this collection", step?.Range);
        }
        throw new EvaluationError($"cannot index {ValueOps.Describe(collection)}", step?.Range);
    }

    private Value Splat(SplatExpr s, Bindings b)
    {
        var source = Evaluate(s.Source, b);
        if (source.IsUnknown) return source;
        if (source.IsNull) return Value.List(Array.Empty<Value>());
        var items = source.Kind == ValueKind.List ? source.Items : new[] { source };
        var name = AnonName(s.Item);
        return Value.List(items.Select(i => Evaluate(s.Each, b.With(name, i))).ToList());
    }

    private Value Condition(Conditional c, Bindings b)
    {
        var cond = Evaluate(c.Condition, b);
        if (cond.IsUnknown)
        {
            var sides = new List<Value> { cond };
            var knownSide = false;
            foreach (var side in new[] { c.TrueResult, c.FalseResult })
            {
                try
                {
                    var v = Evaluate(side, b);
                    sides.Add(v);
                    knownSide |= !v.ContainsUnknown();
                }
                catch (EvaluationError) { }
            }
            // A side known now ("alias/aws/dynamodb", null) may be the value: it is not made of the other side's references
            // (each.value.cmk ? aws_kms_key.k.arn : var.fallback_key is not aws_kms_key.k's ARN), only of the condition's.
            return knownSide
                ? Unknowns.From(_scope.ModulePath, [cond], "a conditional whose condition is known only after apply")
                : Unknowns.From(_scope.ModulePath, sides);
        }
        if (cond.IsNull) throw new EvaluationError("the condition value is null", c.Condition.Range);
        return ValueOps.ToBool(cond) ? Evaluate(c.TrueResult, b) : Evaluate(c.FalseResult, b);
    }

    private Value For(ForExpr f, Bindings b)
    {
        var collection = Evaluate(f.Collection, b);
        if (collection.IsUnknown) return Unknowns.From(_scope.ModulePath, new[] { collection });
        if (collection.IsNull) throw new EvaluationError("cannot iterate over a null value", f.Collection.Range);
        var pairs = collection.Kind switch
        {
            ValueKind.List => collection.Items.Select((v, i) => (Key: ValueOps.Number(i), Value: v)).ToList(),
            ValueKind.Map => collection.Fields.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (Key: Value.String(p.Key), Value: p.Value)).ToList(),
            _ => throw new EvaluationError($"cannot iterate over {ValueOps.Describe(collection)}", f.Collection.Range),
        };
        var listItems = new List<Value>();
        var fields = new Dictionary<string, Value>(StringComparer.Ordinal);
        var groups = new Dictionary<string, List<Value>>(StringComparer.Ordinal);
        var order = new List<string>();
        var unknowns = new List<Value>();
        foreach (var (key, value) in pairs)
        {
            if (++_forIterations > MaxForIterations)
            {
                throw new EvaluationError($"for expressions in this module iterate more than {MaxForIterations:N0} times; this tool follows no further", f.Range);
            }
            var inner = f.KeyVar is null ? b.With(f.ValVar, value) : b.With(f.KeyVar, key).With(f.ValVar, value);
            if (f.Condition is not null)
            {
                var keep = Evaluate(f.Condition, inner);
                if (keep.IsUnknown) { unknowns.Add(keep); continue; }
                if (!ValueOps.ToBool(keep)) continue;
            }
            var v = Evaluate(f.ValExpr, inner);
            if (f.KeyExpr is null)
            {
                listItems.Add(v);
                continue;
            }
            var k = Evaluate(f.KeyExpr, inner);
            if (k.IsUnknown) { unknowns.Add(k); continue; }
            var name = ValueOps.ToText(k);
            if (f.Group)
            {
                if (!groups.TryGetValue(name, out var g)) { groups[name] = g = new List<Value>(); order.Add(name); }
                g.Add(v);
            }
            else
            {
                if (fields.ContainsKey(name)) throw new EvaluationError($"two different items produced the key \"{name}\" in this for expression; use ... to group", f.Range);
                fields[name] = v;
            }
        }
        if (unknowns.Count > 0) return Unknowns.From(_scope.ModulePath, unknowns);
        if (f.KeyExpr is null) return Value.List(listItems);
        if (f.Group) return Value.Map(groups.ToDictionary(g => g.Key, g => Value.List(g.Value), StringComparer.Ordinal));
        return Value.Map(fields);
    }

    private Value Call(FunctionCall f, Bindings b)
    {
        var name = f.Name;
        if (name == "try") return Try(f, b);
        if (name == "can") return Can(f, b);
        if (!FunctionLibrary.Has(name))
        {
            _scope.Warn($"function \"{name}\" is not supported by securedynamo; its result is treated as unknown", f.NameRange);
            var args = new List<Value>();
            foreach (var a in f.Args)
            {
                try { args.Add(Evaluate(a, b)); }
                catch (EvaluationError) { }
            }
            return Unknowns.From(_scope.ModulePath, args, name + "(...)");
        }
        var values = EvaluateAll(f.Args, b);
        if (f.ExpandFinal && values.Count > 0)
        {
            var last = values[^1];
            if (last.IsUnknown) return Made(name, Unknowns.From(_scope.ModulePath, values), values);
            values.RemoveAt(values.Count - 1);
            values.AddRange(ValueOps.ToItems(last));
        }
        // jsonencode of a value holding an unknown is unknown, as the encoder would find (without an exception thrown through it);
        // what is known of the document can still be judged (a policy's actions): the encoding with a marker for each unknown part.
        if (name == "jsonencode" && values.Count == 1 && values[0].ContainsUnknown())
        {
            var unknown = Unknowns.From(_scope.ModulePath, values);
            return unknown.WithExpression(unknown.Expression! with { Skeleton = Json.Skeleton(values[0]) });
        }
        // format("arn:aws:kms:%s:%s:alias/aws/dynamodb", var.region, var.account) with unknown arguments: what is known of
        // the text (as for a template) is kept in the unknown result's skeleton.
        if (name is "format" or ProviderFunctions.ArnBuild
            && FormatVerbs.Skeleton(name == "format" ? values : [Value.String(ProviderFunctions.ArnFormat), .. values]) is { } formatted)
        {
            var unknown = Unknowns.From(_scope.ModulePath, values);
            return unknown.WithExpression(unknown.Expression! with { Skeleton = formatted.Text, SkeletonReferences = formatted.References, Derived = AnyDerived(values) });
        }
        try
        {
            var result = FunctionLibrary.Call(name, values, new FunctionContext(_scope, f.Range));
            // As in Terraform, a result computed from a sensitive value anywhere in an argument (jsonencode of an object
            // holding one) is sensitive.
            foreach (var v in values) if (v.ContainsSensitive()) return result.WithSensitive();
            return result;
        }
        catch (UnknownEncountered)
        {
            return Made(name, Unknowns.From(_scope.ModulePath, values), values);
        }
        catch (EvaluationError e) when (e.Range is null)
        {
            throw new EvaluationError($"{name}: {e.Message}", f.Range);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidOperationException or RegexMatchTimeoutException)
        {
            // Bad arguments the library itself rejects (an invalid regular expression, a number out of range).
            throw new EvaluationError($"{name}: {e.Message}", f.Range);
        }
    }

    private Value Try(FunctionCall f, Bindings b)
    {
        EvaluationError? last = null;
        foreach (var arg in f.Args)
        {
            try
            {
                var v = Evaluate(arg, b);
                // Terraform cannot tell yet whether an unknown argument will fail, so the result is unknown.
                if (v.ContainsUnknown()) return Unknowns.From(_scope.ModulePath, new[] { v });
                return v;
            }
            catch (EvaluationError e)
            {
                last = e;
            }
        }
        throw new EvaluationError("no expression given to try succeeded" + (last is null ? "" : ": " + last.Message), f.Range);
    }

    private Value Can(FunctionCall f, Bindings b)
    {
        if (f.Args.Count != 1) throw new EvaluationError("can takes exactly one argument", f.Range);
        try
        {
            var v = Evaluate(f.Args[0], b);
            return v.ContainsUnknown() ? Unknowns.From(_scope.ModulePath, new[] { v }) : Value.True;
        }
        catch (EvaluationError)
        {
            return Value.False;
        }
    }
}
