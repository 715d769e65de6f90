using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Engine;
using SecureDynamo.Lint.Policies.Linking;

namespace SecureDynamo.Lint.Policies.Rules;

/// <summary>
/// dynamodb:015 — each table's region has a DynamoDB VPC endpoint
/// (<c>com.amazonaws.&lt;region&gt;.dynamodb</c>), and a Gateway endpoint has route tables associated.
/// </summary>
public sealed class TableReachedThroughVpcEndpoint : Policy
{
    private const string EndpointType = "aws_vpc_endpoint";
    private static readonly AttributePath EndpointKind = AttributePath.Of("vpc_endpoint_type");
    private static readonly AttributePath RouteTables = AttributePath.Of("route_table_ids");
    private static readonly AttributePath AssociationEndpoint = AttributePath.Of("vpc_endpoint_id");

    public override string Id => "dynamodb:015";

    public override IEnumerable<Verdict> Evaluate(PolicyContext context)
    {
        var tables = context.Graph.OfType("aws_dynamodb_table").Where(t => t.IsJudged).ToList();
        if (tables.Count == 0) return Array.Empty<Verdict>();
        var endpoints = context.Graph.OfType(EndpointType).Where(e => e.IsJudged).Concat(context.Graph.OfType("data." + EndpointType)).ToList();
        var hasNetwork = endpoints.Count > 0 || context.Graph.OfType("aws_vpc").Any(v => v.IsJudged);
        if (!hasNetwork)
        {
            return tables.Select(t => Verdict.Unknown(t,
                "the input has no aws_vpc or aws_vpc_endpoint, so whether DynamoDB is reached through a VPC endpoint cannot be told here (endpoints usually live in the network stack)")).ToList();
        }
        var regions = new RegionResolver(context.Graph, context.Resolver);
        var assessed = endpoints.Select(e => Assess(e, context)).ToList();
        return tables.Select(t => Judge(t, regions.RegionOf(t), assessed, context.IncompleteInput)).ToList();
    }

    private static Verdict Judge(Resource table, RegionFinding region, IReadOnlyList<EndpointState> endpoints, string? incompleteInput)
    {
        if (!region.IsKnown)
        {
            return Verdict.Unknown(table, $"the table's region cannot be known before apply ({region.Source}), so no DynamoDB VPC endpoint can be matched to it");
        }
        var service = $"com.amazonaws.{region.Name}.dynamodb";
        var serving = endpoints.Where(e => e.Region == region.Name).ToList();
        var good = serving.FirstOrDefault(e => e.Problem is null && e.Undecided is null);
        if (good is not null) return Verdict.Pass(table, $"region {region.Name} ({region.Source}) has the DynamoDB VPC endpoint {good.Endpoint.Address} ({good.Description})");
        var undecided = serving.FirstOrDefault(e => e.Undecided is not null) ?? endpoints.FirstOrDefault(e => e.Region is null);
        if (undecided is not null)
        {
            return Verdict.Unknown(table, $"region {region.Name}: {undecided.Undecided ?? $"{undecided.Endpoint.Address} service_name is known only after apply"}; cannot tell whether DynamoDB is reached through a VPC endpoint");
        }
        var bad = serving.FirstOrDefault();
        if (bad is not null) return Verdict.Fail(table, $"region {region.Name}: {bad.Problem}");
        if (incompleteInput is { } incomplete)
        {
            return Verdict.Unknown(table, $"region {region.Name} has no aws_vpc_endpoint with service_name \"{service}\" in the analysed code, but {incomplete}");
        }
        return Verdict.Fail(table,
            $"region {region.Name} ({region.Source}) has no aws_vpc_endpoint with service_name \"{service}\"; add a Gateway endpoint with route_table_ids so DynamoDB traffic stays inside the VPC");
    }

    private static EndpointState Assess(Resource endpoint, PolicyContext context)
    {
        var name = EndpointService.NameOf(endpoint, context);
        if (name is null) return new EndpointState(endpoint, null, null, $"{endpoint.Address} service_name is known only after apply", "");
        if (EndpointService.RegionOf(name) is not { } region) return new EndpointState(endpoint, "", null, null, "not DynamoDB");
        var kind = context.Effective(endpoint, EndpointKind);
        if (kind.IsUnknown) return new EndpointState(endpoint, region, null, $"{endpoint.Address} vpc_endpoint_type is known only after apply", "");
        var type = kind.AsString() ?? "Gateway";
        if (type != "Gateway") return new EndpointState(endpoint, region, null, null, $"{type} endpoint");
        var tables = context.Effective(endpoint, RouteTables);
        if (tables.IsKnown && tables.Items.Count > 0) return new EndpointState(endpoint, region, null, null, $"Gateway endpoint with {tables.Items.Count} route table(s)");
        var associations = Associations(endpoint, context);
        if (associations.Linked > 0) return new EndpointState(endpoint, region, null, null, $"Gateway endpoint with {associations.Linked} aws_vpc_endpoint_route_table_association(s)");
        if (tables.IsUnknown && RouteTablesPlanned(endpoint, context) is { } planned)
        {
            return new EndpointState(endpoint, region, null, null, $"Gateway endpoint with route tables {planned} (known after apply)");
        }
        if (tables.IsUnknown) return new EndpointState(endpoint, region, null, $"{endpoint.Address} route_table_ids {context.Unknown(tables)}", "");
        if (associations.Undecided is not null) return new EndpointState(endpoint, region, null, associations.Undecided, "");
        return new EndpointState(endpoint, region,
            $"the Gateway endpoint {endpoint.Address} (service_name \"{name}\") has no route tables: route_table_ids is empty and no aws_vpc_endpoint_route_table_association refers to it, so no traffic uses it; associate the VPC's route tables",
            null, "");
    }

    /// <summary>
    /// route_table_ids known only after apply but written as references to route tables the input plans
    /// (<c>[aws_route_table.private.id]</c>, a new VPC's usual shape): the endpoint is associated with them. Null
    /// when anything else decides the list (a variable, a condition, a route table with no instance).
    /// </summary>
    private static string? RouteTablesPlanned(Resource endpoint, PolicyContext context)
    {
        var expression = endpoint.ExpressionAt(RouteTables);
        if (expression is null || expression.References.Count == 0 || expression.References.Any(r => !r.StartsWith(RouteTableType + ".", StringComparison.Ordinal))) return null;
        // Route tables are not read into the graph: their configuration says one exists (no count or for_each).
        return context.Resolver.Resolve(expression) is ResourceOrigin { Mode: ResourceMode.Managed, Type: RouteTableType, Config: { Count: null, ForEach: null } } r
            ? r.Address
            : null;
    }

    private const string RouteTableType = "aws_route_table";

    private static (int Linked, string? Undecided) Associations(Resource endpoint, PolicyContext context)
    {
        var linker = new ReferenceLinker(context.Resolver);
        var id = endpoint.Get(AttributePath.Of("id"));
        var linked = 0;
        string? undecided = null;
        foreach (var association in context.Graph.OfType("aws_vpc_endpoint_route_table_association").Where(a => a.IsJudged))
        {
            var link = linker.Link(association, AssociationEndpoint, EndpointType);
            if (link.Instances.Count > 0)
            {
                if (!link.Instances.Contains(endpoint)) continue;
                if (link.Exact && link.Instances.Count == 1) linked++;
                else undecided ??= $"{association.Address} refers to {EndpointType} instances the plan does not tell apart";
                continue;
            }
            var value = association.Get(AssociationEndpoint);
            if (value.IsKnown)
            {
                if (id.IsKnown && value.AsString() == id.AsString()) linked++;
                continue;
            }
            undecided ??= $"{association.Address} vpc_endpoint_id is known only after apply ({link.Unresolved ?? "computed"})";
        }
        return (linked, undecided);
    }

    /// <summary>An endpoint's region (null: unknown, "": not DynamoDB) and whether it carries DynamoDB traffic.</summary>
    private sealed record EndpointState(Resource Endpoint, string? Region, string? Problem, string? Undecided, string Description);
}
