using SecureDynamo.Lint.Core.Graph;

namespace SecureDynamo.Lint.Policies.Linking;

/// <summary>Which tables a resource (an autoscaling target, ...) belongs to.</summary>
/// <param name="Tables">The linked tables; when not <paramref name="Decided"/>, the tables it may belong to.</param>
/// <param name="Decided">False when configuration does not tell which of <paramref name="Tables"/> it is.</param>
/// <param name="Why">Why the link is undecided, for messages.</param>
public sealed record TableLink(IReadOnlyList<Resource> Tables, bool Decided, string? Why)
{
    public static TableLink To(IReadOnlyList<Resource> tables) => new(tables, true, null);

    public static TableLink Undecided(IReadOnlyList<Resource> candidates, string why) => new(candidates, false, why);
}
