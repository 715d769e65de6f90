using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Core.Resolution;

/// <summary>Where an expression's value comes from, as far as configuration tells before apply.</summary>
public abstract record Origin;

/// <summary>An attribute of a managed resource or data source (<c>aws_kms_key.k.arn</c>).</summary>
/// <param name="ModulePath">The module the resource is declared in.</param>
/// <param name="Address">Its address inside that module (<c>aws_kms_key.k</c>, <c>data.aws_kms_alias.a</c>).</param>
/// <param name="Instances">Its instances in the graph (several for count/for_each).</param>
/// <param name="Reference">The reference as written.</param>
public sealed record ResourceOrigin(string ModulePath, ResourceMode Mode, string Type, string Address, ResourceConfig? Config, IReadOnlyList<Resource> Instances, string Reference) : Origin
{
    /// <summary>
    /// How the reference went from the module it was written in to the module the resource is declared
    /// in: up through module variables, down through module outputs (empty: the same module).
    /// </summary>
    public IReadOnlyList<ModuleStep> Steps { get; init; } = Array.Empty<ModuleStep>();

    /// <summary>
    /// The selector (<c>count.index</c>, <c>each.key</c>) that picks some of <see cref="Instances"/> where the expression
    /// indexes the resource with it (<c>aws_subnet.private[count.index].id</c>); null where it names them all or a literal one.
    /// </summary>
    public string? PickedBy { get; init; }

    /// <summary>
    /// The instances a reference written in module instance <paramref name="from"/> reaches: those in the module instance
    /// its steps lead to (<c>module.keys["a"].arn</c>: the key of instance "a"); all of them where the steps cannot tell.
    /// </summary>
    public IReadOnlyList<Resource> ReachedFrom(ResourceGraph graph, string from)
    {
        if (InstanceFrom(from) is not { } instance) return Instances;
        var reached = graph.InModuleInstance(Instances, instance);
        return reached.Count > 0 ? reached : Instances;
    }

    /// <summary>This origin reached one module step further out (the step is taken first).</summary>
    public ResourceOrigin After(ModuleStep step) => this with { Steps = [step, .. Steps] };

    /// <summary>
    /// The module instance the resource is declared in, for a reference written in module instance
    /// <paramref name="from"/> (<c>module.t["a"]</c>), or null when the steps leave the root module. (A
    /// module called with count or for_each and read without a key names an instance that does not exist.)
    /// </summary>
    public string? InstanceFrom(string from)
    {
        var at = from;
        foreach (var step in Steps)
        {
            if (step.Call is null)
            {
                if (ResourceAddress.ParentModuleInstance(at) is not { } parent) return null;
                at = parent;
                continue;
            }
            at = (at.Length == 0 ? "module." : at + ".module.") + step.Call + step.Key;
        }
        return at;
    }
}

/// <summary>
/// One step of a reference between module instances: up to the calling module (<see cref="Call"/> null,
/// through a module variable), or down into module call <see cref="Call"/> through one of its outputs,
/// with the instance key the reference wrote (<c>["a"]</c>, <c>[0]</c>; null when it wrote none).
/// </summary>
public readonly record struct ModuleStep(string? Call, string? Key)
{
    public static ModuleStep Up => default;
}

/// <summary>A value known from configuration: a literal, a root variable, a variable default.</summary>
public sealed record ConstantOrigin(Value Value, string Reference) : Origin;

/// <summary>Cannot be known before apply; <see cref="Why"/> names the expression.</summary>
public sealed record UnresolvedOrigin(string Why) : Origin
{
    /// <summary>
    /// Not a value apply will compute but one the input never gives: a root variable without a value,
    /// a module variable with neither argument nor default, a name nothing defines (<c>True</c>).
    /// </summary>
    public bool HasNoValue { get; init; }
}
