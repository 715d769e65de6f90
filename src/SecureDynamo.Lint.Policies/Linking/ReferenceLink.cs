using SecureDynamo.Lint.Core.Graph;

namespace SecureDynamo.Lint.Policies.Linking;

/// <summary>The resource instances of one type that a configuration expression refers to.</summary>
/// <param name="Instances">The referenced instances (or, when not <paramref name="Exact"/>, the candidates).</param>
/// <param name="Exact">
/// Whether every reference was narrowed to the instances it names (a single instance, a literal key,
/// or the same <c>each.key</c>/<c>count.index</c> as the referring resource). False when a reference to a
/// count/for_each resource names no instance: a splat, or a selection the plan does not show.
/// </param>
/// <param name="Unresolved">A reference that could not be followed (a local value, a variable without value), else null.</param>
public sealed record ReferenceLink(IReadOnlyList<Resource> Instances, bool Exact, string? Unresolved)
{
    public static readonly ReferenceLink None = new(Array.Empty<Resource>(), true, null);

    /// <summary>The expression names no resource of the type (and nothing unresolvable).</summary>
    public bool NamesNothing => Instances.Count == 0 && Unresolved is null;
}
