using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>What a policy sees: the typed graph of one input, the resolvers over it, and its options.</summary>
public sealed class PolicyContext
{
    public PolicyContext(ResourceGraph graph, PolicyOptions options)
    {
        Graph = graph;
        Options = options;
        Resolver = new ReferenceResolver(graph);
        Keys = new KeyClassifier(graph, Resolver);
    }

    private PolicyContext(PolicyContext shared, PolicyOptions options)
    {
        Graph = shared.Graph;
        Resolver = shared.Resolver;
        Keys = shared.Keys;
        Options = options;
    }

    public ResourceGraph Graph { get; }
    public ReferenceResolver Resolver { get; }
    public KeyClassifier Keys { get; }
    public PolicyOptions Options { get; }

    /// <summary>The same graph and resolvers with another policy's options.</summary>
    public PolicyContext WithOptions(PolicyOptions options) => new(this, options);

    /// <summary>
    /// Why "the input has no such resource" cannot be concluded, or null when it can: module calls
    /// whose code is missing (HCL before <c>terraform init</c>) may hold the resource.
    /// </summary>
    public string? IncompleteInput => Graph.UnanalysedModules.Count == 0
        ? null
        : $"{string.Join(", ", Graph.UnanalysedModules.Take(3))}{(Graph.UnanalysedModules.Count > 3 ? ", ..." : "")} not analysed (run terraform init), and may define it";

    /// <summary>
    /// What to say of an unknown value after its attribute: "is known only after apply (aws_kms_key.k.arn)",
    /// or, for a value the input never gives (a root variable without a value, an undefined name),
    /// "has no value in the input (var.x (root variable without a value in the input))".
    /// </summary>
    public string Unknown(Value value)
    {
        if (value.Expression is { } expression && Resolver.Resolve(expression) is UnresolvedOrigin { HasNoValue: true } origin)
        {
            return $"has no value in the input ({origin.Why})";
        }
        return $"is known only after apply ({value.Expression?.Describe() ?? "computed by the provider"})";
    }

    /// <summary>Shorthand for <see cref="ReferenceResolver.Effective"/>.</summary>
    public Value Effective(Resource resource, AttributePath path) => Resolver.Effective(resource, path);
}
