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
        var tableLinker = new TableLinker(index._references, tables);
        var policies = graph.OfType(PolicyType).Where(p => p.IsJudged && index.MayBeDynamoDb(p)).ToList();
        var attachments = new ScalingPolicyAttachments(policies.Select((p, i) => index.LinkPolicy(p, i)).ToList());
        var targets = new List<ScalingTarget>();
        foreach (var target in graph.OfType(TargetType))
        {
            if (!target.IsJudged || !index.MayBeDynamoDb(target)) continue;
            var dimension = index.Text(target, Dimension);
            string? capacity = null;
            bool? isIndex = null;
            if (dimension is not null)
            {
                var parts = dimension.Split(':');
                if (parts.Length != 3 || parts[0] != "dynamodb" || parts[1] is not ("table" or "index") ||
                    parts[2] is not ("ReadCapacityUnits" or "WriteCapacityUnits")) continue;
                isIndex = parts[1] == "index";
                capacity = parts[2];
            }
            var id = target.Get(ResourceId);
            var indexName = isIndex == true && id.IsKnown ? IndexName(id.AsString()) : null;
            var table = tableLinker.Link(target, ResourceId, TableName);
            var (attached, more) = attachments.Of(target, index.Triple(target));
            targets.Add(new ScalingTarget(target, capacity, isIndex, indexName, table, attached, more));
        }
        return targets;
    }

    /// <summary><c>table/orders</c> and <c>table/orders/index/by_user</c> → <c>orders</c>.</summary>
    public static string? TableName(string resourceId)
    {
        if (!resourceId.StartsWith("table/", StringComparison.Ordinal)) return null;
        var rest = resourceId["table/".Length..];
        var slash = rest.IndexOf('/');
        var name = slash < 0 ? rest : rest[..slash];
        return name.Length == 0 ? null : name;
    }

    /// <summary><c>table/orders/index/by_user</c> → <c>by_user</c>; null otherwise.</summary>
    public static string? IndexName(string? resourceId)
    {
        if (resourceId is null) return null;
        var parts = resourceId.Split('/');
        return parts.Length == 4 && parts[0] == "table" && parts[2] == "index" && parts[3].Length > 0 ? parts[3] : null;
    }

    private bool MayBeDynamoDb(Resource r)
    {
        var ns = Text(r, Namespace);
        return ns is null || ns == "dynamodb";
    }

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
            var values = origin.Instances.Select(i => name is null ? null : i.Get(AttributePath.Of(name)).AsString()).Distinct().ToList();
            if (values.Count == 1 && values[0] is not null) return values[0];
        }
        return null;
    }

    /// <summary>What a policy's arguments say about its target, worked out once per policy.</summary>
    private ScalingPolicyLink LinkPolicy(Resource policy, int order)
    {
        var linked = new List<Resource>();
        var exact = true;
        foreach (var path in new[] { ResourceId, Dimension, Namespace })
        {
            var link = _references.Link(policy, path, TargetType);
            exact &= link.Exact;
            foreach (var t in link.Instances) if (!linked.Contains(t)) linked.Add(t);
        }
        return new ScalingPolicyLink(order, policy, linked, exact, Triple(policy));
    }

    /// <summary>resource_id|scalable_dimension|service_namespace when all are known.</summary>
    private string? Triple(Resource r)
    {
        var id = r.Get(ResourceId);
        var dim = Text(r, Dimension);
        var ns = Text(r, Namespace);
        return id.IsKnown && id.AsString() is { } s && dim is not null && ns is not null ? $"{s}|{dim}|{ns}" : null;
    }
}
