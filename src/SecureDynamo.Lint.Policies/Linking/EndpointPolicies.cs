using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Policies.Linking;

/// <summary>
/// The <c>aws_vpc_endpoint_policy</c> resources of a graph by the endpoint they attach a policy to:
/// by reference to an <c>aws_vpc_endpoint</c> (<c>vpc_endpoint_id = aws_vpc_endpoint.x.id</c>), or by
/// a known id equal to an endpoint's known id. An attachment whose endpoint cannot be told before
/// apply is kept apart: it may attach to any endpoint.
/// </summary>
public sealed class EndpointPolicies
{
    public const string EndpointType = "aws_vpc_endpoint";
    public const string AttachmentType = "aws_vpc_endpoint_policy";
    private static readonly AttributePath EndpointId = AttributePath.Of("vpc_endpoint_id");
    private static readonly AttributePath Id = AttributePath.Of("id");

    // Resource equality is identity; its stored hash is cheaper than the runtime identity hash.
    private readonly Dictionary<Resource, List<Resource>> _byEndpoint = new();
    private readonly List<Resource> _undecided = [];

    /// <summary>Attachments whose endpoint is known only after apply (or is one of several candidates).</summary>
    public IReadOnlyList<Resource> Undecided => _undecided;

    /// <summary>The attachments of <paramref name="endpoint"/>, in input order.</summary>
    public IReadOnlyList<Resource> For(Resource endpoint) =>
        _byEndpoint.TryGetValue(endpoint, out var list) ? list : Array.Empty<Resource>();

    public static EndpointPolicies Of(PolicyContext context)
    {
        var result = new EndpointPolicies();
        var attachments = context.Graph.OfType(AttachmentType);
        if (attachments.Count == 0) return result;
        var linker = new ReferenceLinker(context.Resolver);
        var byId = new Dictionary<string, List<Resource>>(StringComparer.Ordinal);
        foreach (var endpoint in context.Graph.OfType(EndpointType))
        {
            if (endpoint.After.Navigate(Id).AsString() is { } id && !byId.TryAdd(id, [endpoint])) byId[id].Add(endpoint);
        }
        foreach (var attachment in attachments)
        {
            if (!attachment.IsJudged) continue;
            var link = linker.Link(attachment, EndpointId, EndpointType);
            if (link.Instances.Count > 0)
            {
                if (link.Exact && link.Instances.Count == 1) result.Attach(link.Instances[0], attachment);
                else result._undecided.Add(attachment);
                continue;
            }
            var value = context.Effective(attachment, EndpointId);
            if (value.IsKnown)
            {
                // A known id of an endpoint outside the input attaches to nothing judged here.
                if (value.AsString() is { } id && byId.TryGetValue(id, out var endpoints)) foreach (var e in endpoints) result.Attach(e, attachment);
                continue;
            }
            result._undecided.Add(attachment);
        }
        return result;
    }

    private void Attach(Resource endpoint, Resource attachment)
    {
        if (!_byEndpoint.TryGetValue(endpoint, out var list)) _byEndpoint[endpoint] = list = [];
        list.Add(attachment);
    }
}
