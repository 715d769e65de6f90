using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Policies.Linking;

/// <summary>
/// The DynamoDB autoscaling targets of a graph, linked to their tables (by reference or literal
/// <c>resource_id</c>) and to their policies (by reference to the target or by the same literal
/// <c>resource_id</c>, <c>scalable_dimension</c> and <c>service_namespace</c>).
/// </summary>
public sealed class ScalingTargetIndex
{
    public const string TargetType = "aws_appautoscaling_target";
    public const string PolicyType = "aws_appautoscaling_policy";
    public static readonly AttributePath ResourceId = AttributePath.Of("resource_id");
    public static readonly AttributePath Dimension = AttributePath.Of("scalable_dimension");
    public static readonly AttributePath Namespace = AttributePath.Of("service_namespace");
    /// <summary>The arguments by which a policy refers to its target.</summary>
    private static readonly AttributePath[] PolicyTargetPaths = [ResourceId, Dimension, Namespace];

    private readonly ReferenceResolver _resolver;
    private readonly ReferenceLinker _references;

    private ScalingTargetIndex(ReferenceResolver resolver)
    {
        _resolver = resolver;
        _references = new ReferenceLinker(resolver);
    }

    /// <summary>Every DynamoDB target of <paramref name="graph"/> (and every target whose namespace is unknown).</summary>
    public static IReadOnlyList<ScalingTarget> Build(ResourceGraph graph, ReferenceResolver resolver, IReadOnlyList<Resource> tables)
    {
        var index = new ScalingTargetIndex(resolver);
        // Autoscaling is regional: a target scales the table of that name in its own region.
        var regions = new RegionResolver(graph, resolver);
        var tableLinker = new TableLinker(index._references, tables, r => regions.RegionOf(r).Name);
        // Each target's and policy's namespace and dimension are worked out once and reused for its triple.
        var policies = new List<ScalingPolicyLink>();
        foreach (var p in graph.OfType(PolicyType))
        {
            if (!p.IsJudged) continue;
            var ns = index.Text(p, Namespace);
            if (!MayBeDynamoDb(ns)) continue;
            policies.Add(index.LinkPolicy(p, policies.Count, ns));
        }
        var attachments = new ScalingPolicyAttachments(policies);
        var targets = new List<ScalingTarget>();
        foreach (var target in graph.OfType(TargetType))
        {
            if (!target.IsJudged) continue;
            var ns = index.Text(target, Namespace);
            if (!MayBeDynamoDb(ns)) continue;
            var dimension = index.Text(target, Dimension);
            string? capacity = null;
            bool? isIndex = null;
            if (dimension is not null)
            {
                if (!TryParseDimension(dimension, out var scalesIndex, out capacity)) continue;
                isIndex = scalesIndex;
            }
            var id = target.Get(ResourceId);
            var indexName = isIndex != true ? null : id.IsKnown ? IndexName(id.AsString()) : IndexName(id.Expression?.Skeleton);
            var table = tableLinker.Link(target, ResourceId, TableName);
            var (attached, more) = attachments.Of(target, Triple(id, dimension, ns));
            targets.Add(new ScalingTarget(target, capacity, isIndex, indexName, table, attached, more));
        }
        return targets;
    }

    /// <summary><c>table/orders</c> and <c>table/orders/index/by_user</c> → <c>orders</c>.</summary>
    public static string? TableName(string resourceId)
    {
        if (!resourceId.StartsWith("table/", StringComparison.Ordinal)) return null;
        var rest = resourceId.AsSpan("table/".Length);
        var slash = rest.IndexOf('/');
        var name = slash < 0 ? rest : rest[..slash];
        return name.Length == 0 ? null : name.ToString();
    }

    /// <summary>
    /// <c>table/orders/index/by_user</c> → <c>by_user</c>; null otherwise (exactly four slash-separated parts). Also for the
    /// skeleton of a template whose table part is known only after apply (<c>"table/${aws_dynamodb_table.t.id}/index/by_user"</c>):
    /// the index is the fixed text after it.
    /// </summary>
    public static string? IndexName(string? resourceId)
    {
        if (resourceId is null || !resourceId.StartsWith("table/", StringComparison.Ordinal)) return null;
        if (resourceId.Contains(Expression.UnknownMarker, StringComparison.Ordinal))
        {
            var at = resourceId.LastIndexOf("/index/", StringComparison.Ordinal);
            if (at < 0) return null;
            var name = resourceId[(at + "/index/".Length)..];
            return name.Length > 0 && !name.Contains('/') && !name.Contains(Expression.UnknownMarker, StringComparison.Ordinal) ? name : null;
        }
        var afterTable = resourceId.AsSpan("table/".Length);
        var slash = afterTable.IndexOf('/');
        if (slash < 0) return null;
        var afterName = afterTable[(slash + 1)..];
        if (!afterName.StartsWith("index/", StringComparison.Ordinal)) return null;
        var index = afterName["index/".Length..];
        return index.Length > 0 && !index.Contains('/') ? index.ToString() : null;
    }

    /// <summary>
    /// <c>dynamodb:table:ReadCapacityUnits</c> and the like: whether it scales an index and which capacity;
    /// false for any other dimension (each part is fixed, so the four valid texts are matched whole).
    /// </summary>
    private static bool TryParseDimension(string dimension, out bool isIndex, out string? capacity)
    {
        (isIndex, capacity) = dimension switch
        {
            "dynamodb:table:ReadCapacityUnits" => (false, "ReadCapacityUnits"),
            "dynamodb:table:WriteCapacityUnits" => (false, "WriteCapacityUnits"),
            "dynamodb:index:ReadCapacityUnits" => (true, "ReadCapacityUnits"),
            "dynamodb:index:WriteCapacityUnits" => (true, "WriteCapacityUnits"),
            _ => (false, null),
        };
        return capacity is not null;
    }

    /// <summary>A <c>service_namespace</c> of DynamoDB, or unknown (so possibly DynamoDB's).</summary>
    private static bool MayBeDynamoDb(string? ns) => ns is null || ns == "dynamodb";

    /// <summary>The known string at <paramref name="path"/>, resolving references to other targets' known values; null when unknown.</summary>
    private string? Text(Resource r, AttributePath path)
    {
        var v = r.Get(path);
        if (v.IsKnown) return v.AsString();
        var expr = r.ExpressionAt(path);
        if (expr is null) return null;
        if (expr.References.Count == 0) return expr.Constant?.AsString();
        // A reference to another resource's attribute (aws_appautoscaling_target.t.scalable_dimension) takes its known value.
        if (_resolver.Resolve(expr) is ResourceOrigin { Instances.Count: > 0 } origin)
        {
            var name = ReferenceResolver.SplitTraversal(expr.References[0]).LastOrDefault();
            return name is null ? null : SameText(origin.Instances, AttributePath.Of(name));
        }
        return null;
    }

    /// <summary>The known string all <paramref name="instances"/> have at <paramref name="path"/>; null when one has none or they differ.</summary>
    private static string? SameText(IReadOnlyList<Resource> instances, AttributePath path)
    {
        string? same = null;
        foreach (var instance in instances)
        {
            var text = instance.Get(path).AsString();
            if (text is null || (same is not null && text != same)) return null;
            same = text;
        }
        return same;
    }

    /// <summary>What a policy's arguments say about its target, worked out once per policy.</summary>
    private ScalingPolicyLink LinkPolicy(Resource policy, int order, string? ns)
    {
        var linked = new List<Resource>();
        var exact = true;
        foreach (var path in PolicyTargetPaths)
        {
            var link = _references.Link(policy, path, TargetType);
            exact &= link.Exact;
            foreach (var t in link.Instances) if (!linked.Contains(t)) linked.Add(t);
        }
        return new ScalingPolicyLink(order, policy, linked, exact, Triple(policy.Get(ResourceId), Text(policy, Dimension), ns));
    }

    /// <summary>The resource_id, scalable_dimension and service_namespace when all are known.</summary>
    private static ScalingKey? Triple(Value id, string? dim, string? ns) =>
        id.IsKnown && id.AsString() is { } s && dim is not null && ns is not null ? new ScalingKey(s, dim, ns) : null;
}
