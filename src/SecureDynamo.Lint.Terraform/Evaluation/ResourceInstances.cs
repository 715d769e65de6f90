using System.Runtime.CompilerServices;
using SecureDynamo.Lint.Core.Values;
using CoreExpression = SecureDynamo.Lint.Core.Values.Expression;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>
/// Values that stand for one instance of a managed resource: an element of <c>aws_x.y</c> (the list or map of its
/// instances, <see cref="IModuleScope.Resource"/>) reached by an index, a splat, a <c>for</c> or <c>each.value</c>
/// under <c>for_each = aws_x.y</c>, or <c>aws_x.y</c> itself without count or for_each. Unknown before apply like any
/// resource, but an attribute read from one is that instance's: its configured value when known
/// (<see cref="IModuleScope.ConfiguredAttribute"/>), else its unknown attribute (<c>aws_x.y["a"].resource_id</c>),
/// so that linking finds the instance as it would for the reference written out.
/// </summary>
internal static class ResourceInstances
{
    /// <summary>Instance <see cref="Key"/> (<c>["a"]</c>, <c>[0]</c>; null without count or for_each) of resource <c>Type.Name</c> of <see cref="Module"/>.</summary>
    /// <param name="ModuleInstance">The module instance it is declared in, with its keys (<c>module.t["a"]</c>).</param>
    public sealed record Instance(string Module, string Type, string Name, string? Key, string? ModuleInstance = null)
    {
        public string Resource => Type + "." + Name;

        public string Address => Resource + Key;
    }

    // Keyed by the value's expression, which the value keeps when evaluation gives it its source range.
    private static readonly ConditionalWeakTable<CoreExpression, Instance> Instances = new();

    /// <summary>The value of <paramref name="instance"/>, referring to it as the reference written out would.</summary>
    public static Value Reference(Instance instance)
    {
        var references = instance.Key is null ? new[] { instance.Resource } : new[] { instance.Address, instance.Resource };
        var value = Value.Unknown(new CoreExpression(instance.Module, references, null, instance.Address) { ModuleInstance = instance.ModuleInstance });
        Instances.AddOrUpdate(value.Expression!, instance);
        return value;
    }

    /// <summary>The instance <paramref name="value"/> stands for, if it stands for one.</summary>
    public static Instance? Of(Value value) => value.Expression is { } e && Instances.TryGetValue(e, out var instance) ? instance : null;

    /// <summary>
    /// The unknown value of <paramref name="instance"/> read by steps <paramref name="firstStep"/> (<c>.resource_id</c>)
    /// and on to <paramref name="rest"/>, named in the instance's module (it may be of another module, passed in a module argument).
    /// </summary>
    public static Value Read(Instance instance, string firstStep, string rest) =>
        Value.Unknown(new CoreExpression(instance.Module, new[] { instance.Address + firstStep, instance.Resource }, null, instance.Address + rest) { ModuleInstance = instance.ModuleInstance });
}
