using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>
/// A security requirement. Its metadata comes from <c>policies/&lt;slug&gt;/policy.json</c>;
/// its logic reads only the typed graph in the <see cref="PolicyContext"/>.
/// </summary>
public abstract class Policy
{
    private PolicyMetadata? _metadata;

    /// <summary>The stable id, e.g. <c>dynamodb:001</c>. Never reused or renumbered.</summary>
    public abstract string Id { get; }

    public PolicyMetadata Metadata
    {
        get => _metadata ?? throw new InvalidOperationException($"policy {Id} has no metadata");
        internal set => _metadata = value;
    }

    /// <summary>Every verdict of this policy on the graph: one per applicable resource.</summary>
    public abstract IEnumerable<Verdict> Evaluate(PolicyContext context);
}
