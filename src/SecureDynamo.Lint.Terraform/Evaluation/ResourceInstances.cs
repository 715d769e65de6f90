using System.Runtime.CompilerServices;
using SecureDynamo.Lint.Core.Values;
using CoreExpression = SecureDynamo.Lint.Core.Values.Expression;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>
/// Values that stand for one instance of a resource (<c>each.value</c> under <c>for_each = aws_x.y</c>):
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
    public static Value Read(Value value, string module, string firstStep, string rest)
    {
        if (!Instances.TryGetValue(value, out var instance)) return value;
        var resource = value.Expression!.References[^1];
        return Value.Unknown(new CoreExpression(module, new[] { instance + firstStep, resource }, null, instance + rest));
    }
}
