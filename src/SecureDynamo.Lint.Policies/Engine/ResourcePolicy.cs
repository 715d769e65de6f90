using SecureDynamo.Lint.Core.Graph;

namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>A policy that judges each live resource of its metadata's resource types on its own.</summary>
public abstract class ResourcePolicy : Policy
{
    public override IEnumerable<Verdict> Evaluate(PolicyContext context)
    {
        foreach (var type in Metadata.ResourceTypes)
        {
            foreach (var resource in context.Graph.OfType(type))
            {
                if (resource.IsJudged) yield return Judge(resource, context);
            }
        }
    }

    /// <summary>The verdict on one resource.</summary>
    protected abstract Verdict Judge(Resource resource, PolicyContext context);
}
