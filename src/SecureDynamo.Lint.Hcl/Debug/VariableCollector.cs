using System.Text;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Debug;

/// <summary>The references (absolute traversals) an expression makes, like HCL's <c>Variables()</c>.</summary>
internal static class VariableCollector
{
    public static List<string> Collect(Expression expr)
    {
        var found = new List<ScopeTraversal>();
        Walk(expr, found, []);
        return found.Select(Render).ToList();
    }

    private static void Walk(Expression? expr, List<ScopeTraversal> found, HashSet<string> bound)
    {
        switch (expr)
        {
            case null:
                return;
            case ScopeTraversal s:
                if (!bound.Contains(s.RootName))
                {
                    found.Add(s);
                }
                return;
            case ObjectConsKey k:
                if (k.LiteralName is null)
                {
                    Walk(k.Wrapped, found, bound);
                }
                return;
            case ForExpr f:
                Walk(f.Collection, found, bound);
                var inner = new HashSet<string>(bound) { f.ValVar };
                if (f.KeyVar is not null)
                {
                    inner.Add(f.KeyVar);
                }
                Walk(f.KeyExpr, found, inner);
                Walk(f.ValExpr, found, inner);
                Walk(f.Condition, found, inner);
                return;
        }
        foreach (var child in HclAstWriter.Children(expr))
        {
            Walk(child, found, bound);
        }
    }

    /// <summary>Renders a traversal like the oracle: <c>aws_kms_key.k.arn</c>, <c>var.list[0]</c>, <c>x["k"]</c>.</summary>
    public static string Render(IEnumerable<TraversalStep> steps)
    {
        var sb = new StringBuilder();
        foreach (var step in steps)
        {
            switch (step)
            {
                case TraverseRoot r:
                    sb.Append(r.Name);
                    break;
                case TraverseAttr a:
                    sb.Append('.').Append(a.Name);
                    break;
                case TraverseIndex i:
                    sb.Append('[').Append(i.Key switch
                    {
                        HclString s => Newtonsoft.Json.JsonConvert.ToString(s.Value),
                        HclNumberValue n => n.Value.ToString(),
                        HclBool b => b.Value ? "true" : "false",
                        HclNull => "null",
                        _ => "?",
                    }).Append(']');
                    break;
            }
        }
        return sb.ToString();
    }

    private static string Render(ScopeTraversal s) => Render(s.Traversal);
}
