using System.Text;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>Renders traversals as Terraform writes references (<c>aws_kms_key.k[0].arn</c>).</summary>
internal static class TraversalText
{
    public static string Render(IReadOnlyList<TraversalStep> steps, int count = int.MaxValue)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < steps.Count && i < count; i++)
        {
            switch (steps[i])
            {
                case TraverseRoot r: sb.Append(r.Name); break;
                case TraverseAttr a: sb.Append('.').Append(a.Name); break;
                case TraverseIndex { Key: HclString s }: sb.Append(ResourceAddress.FormatKey(s.Value)); break;
                case TraverseIndex { Key: HclNumberValue n }: sb.Append('[').Append(n.Value.ToString()).Append(']'); break;
                case TraverseIndex: sb.Append("[?]"); break;
            }
        }
        return sb.ToString();
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
        if (steps.Count < objectSteps || steps.Skip(1).Take(objectSteps - 1).Any(s => s is not TraverseAttr)) return new[] { Render(steps) };
        var objectText = Render(steps, objectSteps);
        if (root is "var" or "local" or "each" or "count" or "path" or "terraform" or "self") return new[] { objectText };
        // One more step: an instance key and/or the attribute read from the object.
        var end = objectSteps;
        if (end < steps.Count && steps[end] is TraverseIndex) end++;
        if (end < steps.Count && steps[end] is TraverseAttr) end++;
        var full = Render(steps, end);
        return full == objectText ? new[] { objectText } : new[] { full, objectText };
    }
}
