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

    /// <summary>The options this policy reads from <see cref="PolicyContext.Options"/> (the config file rejects any other).</summary>
    public virtual IReadOnlyList<string> OptionNames => Array.Empty<string>();

    /// <summary>What is wrong with <paramref name="value"/> given for option <paramref name="name"/>, or null when it is one the policy can use.</summary>
    public virtual string? OptionProblem(string name, string value) => null;

    /// <summary>Every verdict of this policy on the graph: one per applicable resource.</summary>
    public abstract IEnumerable<Verdict> Evaluate(PolicyContext context);
}
