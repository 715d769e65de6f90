using SecureDynamo.Lint.Hcl.Syntax;
using HclExpression = SecureDynamo.Lint.Hcl.Syntax.Expression;
using Attribute = SecureDynamo.Lint.Hcl.Syntax.Attribute;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>
/// The references an expression makes, in a plan configuration's form, with <c>local.*</c>
/// replaced by what the local refers to (locals are not in a plan's configuration, so the
/// resolver could not follow them).
/// </summary>
internal sealed class ReferenceCollector
{
    private readonly IReadOnlyDictionary<string, Attribute> _locals;

    public ReferenceCollector(IReadOnlyDictionary<string, Attribute> locals) => _locals = locals;

    public IReadOnlyList<string> Collect(HclExpression e) => Collect(e, new HashSet<string>(StringComparer.Ordinal), null);

    /// <summary>
    /// The references of <paramref name="e"/> where the names in <paramref name="iterators"/> are bound
    /// (a dynamic block's iterator); the iterators it uses are added to <paramref name="used"/>.
    /// </summary>
    public IReadOnlyList<string> Collect(HclExpression e, IReadOnlySet<string> iterators, ISet<string>? used)
    {
        var refs = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var visitedLocals = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(HclExpression Expr, HashSet<string> Bound)>();
        pending.Push((e, new HashSet<string>(StringComparer.Ordinal)));
        while (pending.Count > 0)
        {
            var (x, bound) = pending.Pop();
            switch (x)
            {
                case ScopeTraversal s:
                    if (bound.Contains(s.RootName)) break;
                    if (iterators.Contains(s.RootName))
                    {
                        used?.Add(s.RootName);
                        break;
                    }
                    if (s.RootName == "local" && s.Traversal.Count > 1 && s.Traversal[1] is TraverseAttr a)
                    {
                        if (visitedLocals.Add(a.Name) && _locals.TryGetValue(a.Name, out var local)) pending.Push((local.Expression, new HashSet<string>(StringComparer.Ordinal)));
                        break;
                    }
                    foreach (var r in TraversalText.References(s.Traversal)) if (seen.Add(r)) refs.Add(r);
                    break;
                case ForExpr f:
                    var inner = new HashSet<string>(bound, StringComparer.Ordinal) { f.ValVar };
                    if (f.KeyVar is not null) inner.Add(f.KeyVar);
                    pending.Push((f.Collection, bound));
                    foreach (var c in new[] { f.KeyExpr, f.ValExpr, f.Condition }) if (c is not null) pending.Push((c, inner));
                    break;
                default:
                    foreach (var c in Children(x).Reverse()) pending.Push((c, bound));
                    break;
            }
        }
        return refs;
    }

    /// <summary>The direct sub-expressions of <paramref name="e"/>.</summary>
    public static IEnumerable<HclExpression> Children(HclExpression e) => e switch
    {
        TemplateExpr t => t.Parts,
        TemplateWrap w => new[] { w.Wrapped },
        TemplateJoin j => new HclExpression[] { j.Tuple },
        Parenthesized p => new[] { p.Inner },
        TupleCons t => t.Items,
        ObjectCons o => o.Items.SelectMany(i => new HclExpression[] { i.Key, i.Value }),
        ObjectConsKey k => k.LiteralName is null ? new[] { k.Wrapped } : Array.Empty<HclExpression>(),
        RelativeTraversal r => new[] { r.Source },
        IndexExpr i => new[] { i.Collection, i.Key },
        SplatExpr s => new[] { s.Source, s.Each },
        FunctionCall f => f.Args,
        Conditional c => new[] { c.Condition, c.TrueResult, c.FalseResult },
        BinaryOp b => new[] { b.Lhs, b.Rhs },
        UnaryOp u => new[] { u.Operand },
        ForExpr f => new[] { f.Collection, f.KeyExpr, f.ValExpr, f.Condition }.OfType<HclExpression>(),
        _ => Array.Empty<HclExpression>(),
    };
}
