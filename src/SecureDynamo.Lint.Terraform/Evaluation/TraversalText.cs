using System.Text;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>Renders traversals as Terraform writes references (<c>aws_kms_key.k[0].arn</c>).</summary>
internal static class TraversalText
{
    [ThreadStatic]
    private static StringBuilder? _builder;

    public static string Render(IReadOnlyList<TraversalStep> steps, int count = int.MaxValue)
    {
        // The common forms need no builder: a root alone, or a root and one attribute.
        var shown = Math.Min(count, steps.Count);
        if (shown == 1 && steps[0] is TraverseRoot only) return only.Name;
        if (shown == 2 && steps[0] is TraverseRoot r0 && steps[1] is TraverseAttr a1) return string.Concat(r0.Name, ".", a1.Name);
        var sb = _builder ?? new StringBuilder();
        _builder = null;
        sb.Clear();
        for (var i = 0; i < steps.Count && i < count; i++) Append(sb, steps[i]);
        var text = sb.ToString();
        if (sb.Capacity <= 1024) _builder = sb;
        return text;
    }

    /// <summary>
    /// The references a traversal makes, as a plan's configuration lists them: the traversal up to
    /// the attribute of the object, and the object itself (<c>aws_kms_key.k.arn</c>, <c>aws_kms_key.k</c>).
    /// </summary>
    public static IReadOnlyList<string> References(IReadOnlyList<TraversalStep> steps)
    {
        var root = ((TraverseRoot)steps[0]).Name;
        var objectSteps = root switch
        {
            "var" or "local" or "each" or "count" or "path" or "terraform" or "self" => 2,
            "module" => 2,
            "data" => 3,
            _ => 2,
        };
        if (steps.Count < objectSteps || !AttributesFrom(steps, 1, objectSteps)) return new[] { Render(steps) };
        var objectText = Render(steps, objectSteps);
        if (root is "local" or "each" or "count" or "path" or "terraform" or "self") return new[] { objectText };
        if (root == "var")
        {
            // The variable with the part of it read (var.cfg.protect, var.cfg), as Terraform lists them: the resolver reads that part.
            var read = objectSteps;
            while (read < steps.Count && steps[read] is TraverseAttr or TraverseIndex { Key: HclString or HclNumberValue }) read++;
            return read == objectSteps ? new[] { objectText } : new[] { Render(steps, read), objectText };
        }
        // One more step: an instance key and/or the attribute read from the object.
        var end = objectSteps;
        if (end < steps.Count && steps[end] is TraverseIndex) end++;
        if (end < steps.Count && steps[end] is TraverseAttr) end++;
        var full = Render(steps, end);
        return full == objectText ? new[] { objectText } : new[] { full, objectText };
    }

    /// <summary>Steps <paramref name="from"/> up to (not including) <paramref name="to"/>, as they follow a reference (<c>.resource_id</c>, <c>["a"]</c>).</summary>
    public static string RenderSteps(IReadOnlyList<TraversalStep> steps, int from, int to)
    {
        var sb = new StringBuilder();
        for (var i = from; i < steps.Count && i < to; i++) Append(sb, steps[i]);
        return sb.ToString();
    }

    /// <summary>One step as Terraform writes it: the root's name, <c>.attr</c>, <c>["key"]</c> or <c>[0]</c>.</summary>
    private static void Append(StringBuilder sb, TraversalStep step)
    {
        switch (step)
        {
            case TraverseRoot r: sb.Append(r.Name); break;
            case TraverseAttr a: sb.Append('.').Append(a.Name); break;
            case TraverseIndex { Key: HclString s }: sb.Append(ResourceAddress.FormatKey(s.Value)); break;
            case TraverseIndex { Key: HclNumberValue n }: sb.Append('[').Append(n.Value.ToString()).Append(']'); break;
            case TraverseIndex: sb.Append("[?]"); break;
        }
    }

    /// <summary>True when steps <paramref name="from"/> up to (not including) <paramref name="to"/> are all attribute steps.</summary>
    private static bool AttributesFrom(IReadOnlyList<TraversalStep> steps, int from, int to)
    {
        for (var i = from; i < to; i++) if (steps[i] is not TraverseAttr) return false;
        return true;
    }
}
