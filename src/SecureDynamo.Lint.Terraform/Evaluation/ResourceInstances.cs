using System.Runtime.CompilerServices;
using SecureDynamo.Lint.Core.Values;
using CoreExpression = SecureDynamo.Lint.Core.Values.Expression;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>
/// Values that stand for a managed resource of this module (<c>aws_x.y</c>) or one of its instances
/// (<c>each.value</c> under <c>for_each = aws_x.y</c>, <c>aws_x.y[each.key]</c>): unknown before apply like any
/// resource, but indexing the resource with a known key gives that instance, and an attribute read from an
/// instance is that instance's attribute (<c>aws_x.y["a"].resource_id</c>), so that its configured value can be
/// read and linking finds the instance as it would for the reference written out.
/// </summary>
internal static class ResourceInstances
{
    /// <summary>A resource (<c>aws_x.y</c>) and, for one of its instances, its key as Terraform prints it (<c>["a"]</c>, <c>[0]</c>).</summary>
    public sealed record Tag(string Type, string Name, string? Key)
    {
        public string Resource => Type + "." + Name;
    }

    // Keyed by the value's expression, which the value keeps when evaluation gives it its source range.
    private static readonly ConditionalWeakTable<CoreExpression, Tag> Tags = new();

    /// <summary>The value of resource <c>type.name</c> as a whole (before any instance key or attribute).</summary>
    public static Value Whole(string module, string type, string name)
    {
        var resource = type + "." + name;
        var value = Value.Unknown(new CoreExpression(module, new[] { resource }, null, resource));
        Tags.AddOrUpdate(value.Expression!, new Tag(type, name, null));
        return value;
    }

    /// <summary>The value of instance <paramref name="key"/> (<c>["a"]</c>) of <paramref name="resource"/> (<c>aws_x.y</c>).</summary>
    public static Value Reference(string module, string resource, string key)
    {
        var instance = resource + key;
        var value = Value.Unknown(new CoreExpression(module, new[] { instance, resource }, null, instance));
        var dot = resource.IndexOf('.');
        Tags.AddOrUpdate(value.Expression!, new Tag(resource[..dot], resource[(dot + 1)..], key));
        return value;
    }

    /// <summary>What <paramref name="value"/> stands for, if it stands for a resource or one of its instances.</summary>
    public static Tag? Of(Value value) => value.Expression is { } e && Tags.TryGetValue(e, out var tag) ? tag : null;

    /// <summary>
    /// <paramref name="value"/>, reached by a traversal that has <paramref name="rest"/> (rendered steps, <c>.resource_id</c>)
    /// still to go: for an instance value, the unknown attribute of that instance; otherwise the value itself.
    /// </summary>
    public static Value Read(Value value, string module, string firstStep, string rest)
    {
        if (Of(value) is not { Key: not null } tag) return value;
        var instance = tag.Resource + tag.Key;
        return Value.Unknown(new CoreExpression(module, new[] { instance + firstStep, tag.Resource }, null, instance + rest));
    }
}
