using System.Runtime.CompilerServices;
using SecureDynamo.Lint.Core.Values;
using CoreExpression = SecureDynamo.Lint.Core.Values.Expression;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>
/// Values that stand for one instance of a resource (<c>each.value</c> under <c>for_each = aws_x.y</c>, an element
/// of <c>aws_x.y</c> with count/for_each in a splat or for expression):
/// unknown before apply like any resource, but an attribute read from one refers to that instance's
/// attribute (<c>aws_x.y["a"].resource_id</c>), so that linking finds the instance as it would for the
/// reference written out.
/// </summary>
internal static class ResourceInstances
{
    private static readonly ConditionalWeakTable<Value, string> Instances = new();

    /// <summary>The value of instance <paramref name="key"/> (<c>["a"]</c>) of <paramref name="resource"/> (<c>aws_x.y</c>).</summary>
    public static Value Reference(string module, string resource, string key)
    {
        var instance = resource + key;
        var value = Value.Unknown(new CoreExpression(module, new[] { instance, resource }, null, instance));
        Instances.AddOrUpdate(value, instance);
        return value;
    }

    /// <summary>
    /// <paramref name="value"/>, reached by a traversal that has <paramref name="rest"/> (rendered steps, <c>.resource_id</c>)
    /// still to go: for an instance value, the unknown attribute of that instance; otherwise the value itself.
    /// </summary>
    /// <remarks>The instance may be of another module (passed in a module argument): the attribute is named in the instance's module.</remarks>
    public static Value Read(Value value, string firstStep, string rest)
    {
        if (!Instances.TryGetValue(value, out var instance)) return value;
        var expression = value.Expression!;
        return Value.Unknown(new CoreExpression(expression.Module, new[] { instance + firstStep, expression.References[^1] }, null, instance + rest));
    }
}
