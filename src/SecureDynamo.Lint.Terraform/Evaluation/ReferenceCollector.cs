using System.Runtime.CompilerServices;
using SecureDynamo.Lint.Hcl.Syntax;
using HclExpression = SecureDynamo.Lint.Hcl.Syntax.Expression;
using Attribute = SecureDynamo.Lint.Hcl.Syntax.Attribute;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>
/// The references an expression makes, in a plan configuration's form, with <c>local.*</c>
/// replaced by what the local refers to (locals are not in a plan's configuration, so the
/// resolver could not follow them). One collector serves one module instance (one thread); the
/// references of each traversal are rendered once and its working sets are reused between calls.
/// </summary>
internal sealed class ReferenceCollector
{
    /// <summary>Above this many references, duplicates are found with a set instead of a scan of the list.</summary>
    private const int ScanLimit = 8;

    private readonly IReadOnlyDictionary<string, Attribute> _locals;
    // By the traversal's start offset (cheaper to hash than the node); a hit must be the same node (another file may use the offset).
    private readonly Dictionary<int, (ScopeTraversal Node, IReadOnlyList<string> References)> _rendered = new();
    private Stack<(HclExpression Expr, HashSet<string>? Bound)>? _pending;
    private HashSet<string>? _visitedLocals;

    public ReferenceCollector(IReadOnlyDictionary<string, Attribute> locals) => _locals = locals;

    public IReadOnlyList<string> Collect(HclExpression e) => Collect(e, null, null);

    /// <summary>
    /// The references of <paramref name="e"/> where the names in <paramref name="iterators"/> are bound
    /// (a dynamic block's iterator); the iterators it uses are added to <paramref name="used"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<string> Collect(HclExpression e, IReadOnlySet<string>? iterators, ISet<string>? used)
    {
        // The working sets are borrowed for the call (and given back after), so a nested call would get its own.
        var pending = _pending ?? new Stack<(HclExpression, HashSet<string>?)>();
        var visitedLocals = _visitedLocals ?? new HashSet<string>(StringComparer.Ordinal);
        _pending = null;
        _visitedLocals = null;
        var refs = new List<string>();
        HashSet<string>? seen = null;
        try
        {
            pending.Push((e, null));
            while (pending.Count > 0)
            {
                var (x, bound) = pending.Pop();
                switch (x)
                {
                    case ScopeTraversal s:
                        var rootName = s.RootName;
                        if (bound is not null && bound.Contains(rootName)) break;
                        if (iterators is not null && iterators.Contains(rootName))
                        {
                            used?.Add(rootName);
                            break;
                        }
                        if (rootName == "local" && s.Traversal.Count > 1 && s.Traversal[1] is TraverseAttr a)
                        {
                            if (visitedLocals.Add(a.Name) && _locals.TryGetValue(a.Name, out var local)) pending.Push((local.Expression, null));
                            break;
                        }
                        foreach (var r in Rendered(s)) Add(refs, ref seen, r);
                        break;
                    case SplatExpr
                    {
                        Source: ScopeTraversal { Traversal: [TraverseRoot { Name: "module" }, TraverseAttr call] },
                        Each: RelativeTraversal { Source: AnonSymbol, Traversal: [TraverseAttr output, ..] },
                    } when bound is null || !bound.Contains("module"):
                        // module.x[*].out: the output of every instance of the call (a count module's usual reference),
                        // followed like module.x["a"].out is; the bare call accompanies it, as Terraform lists it.
                        Add(refs, ref seen, $"module.{call.Name}[*].{output.Name}");
                        Add(refs, ref seen, $"module.{call.Name}");
                        break;
                    case ForExpr f:
                        var inner = bound is null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(bound, StringComparer.Ordinal);
                        inner.Add(f.ValVar);
                        if (f.KeyVar is not null) inner.Add(f.KeyVar);
                        pending.Push((f.Collection, bound));
                        if (f.KeyExpr is not null) pending.Push((f.KeyExpr, inner));
                        pending.Push((f.ValExpr, inner));
                        if (f.Condition is not null) pending.Push((f.Condition, inner));
                        break;
                    default:
                        PushChildren(pending, x, bound);
                        break;
                }
            }
        }
        finally
        {
            pending.Clear();
            visitedLocals.Clear();
            _pending = pending;
            _visitedLocals = visitedLocals;
        }
        return refs;
    }

    private IReadOnlyList<string> Rendered(ScopeTraversal s)
    {
        var key = s.Range.Start.Byte;
        if (_rendered.TryGetValue(key, out var hit) && ReferenceEquals(hit.Node, s)) return hit.References;
        var rendered = TraversalText.References(s.Traversal);
        _rendered[key] = (s, rendered);
        return rendered;
    }

    /// <summary>Adds <paramref name="r"/> unless already there (in the order first seen).</summary>
    private static void Add(List<string> refs, ref HashSet<string>? seen, string r)
    {
        if (seen is not null)
        {
            if (seen.Add(r)) refs.Add(r);
            return;
        }
        foreach (var existing in refs) if (string.Equals(existing, r, StringComparison.Ordinal)) return;
        refs.Add(r);
        if (refs.Count > ScanLimit) seen = new HashSet<string>(refs, StringComparer.Ordinal);
    }

    /// <summary>Pushes the direct sub-expressions of <paramref name="e"/> so that they pop in source order.</summary>
    private static void PushChildren(Stack<(HclExpression, HashSet<string>?)> pending, HclExpression e, HashSet<string>? bound)
    {
        switch (e)
        {
            case TemplateExpr t:
                for (var i = t.Parts.Count - 1; i >= 0; i--) pending.Push((t.Parts[i], bound));
                break;
            case TemplateWrap w:
                pending.Push((w.Wrapped, bound));
                break;
            case TemplateJoin j:
                pending.Push((j.Tuple, bound));
                break;
            case Parenthesized p:
                pending.Push((p.Inner, bound));
                break;
            case TupleCons t:
                for (var i = t.Items.Count - 1; i >= 0; i--) pending.Push((t.Items[i], bound));
                break;
            case ObjectCons o:
                for (var i = o.Items.Count - 1; i >= 0; i--)
                {
                    pending.Push((o.Items[i].Value, bound));
                    pending.Push((o.Items[i].Key, bound));
                }
                break;
            case ObjectConsKey k:
                if (k.LiteralName is null) pending.Push((k.Wrapped, bound));
                break;
            case RelativeTraversal r:
                pending.Push((r.Source, bound));
                break;
            case IndexExpr i:
                pending.Push((i.Key, bound));
                pending.Push((i.Collection, bound));
                break;
            case SplatExpr s:
                pending.Push((s.Each, bound));
                pending.Push((s.Source, bound));
                break;
            case FunctionCall f:
                for (var i = f.Args.Count - 1; i >= 0; i--) pending.Push((f.Args[i], bound));
                break;
            case Conditional c:
                pending.Push((c.FalseResult, bound));
                pending.Push((c.TrueResult, bound));
                pending.Push((c.Condition, bound));
                break;
            case BinaryOp b:
                pending.Push((b.Rhs, bound));
                pending.Push((b.Lhs, bound));
                break;
            case UnaryOp u:
                pending.Push((u.Operand, bound));
                break;
        }
    }
}
