using System.Text.RegularExpressions;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Policies.Linking;

/// <summary>
/// The service of an <c>aws_vpc_endpoint</c> as far as it is known before apply: its <c>service_name</c>,
/// or, in Terraform source (where data sources are not read), a template such as
/// <c>"com.amazonaws.${data.aws_region.current.name}.dynamodb"</c> with the region filled in, or a
/// <c>data.aws_vpc_endpoint_service</c> looking up the <c>dynamodb</c> service.
/// </summary>
public static partial class EndpointService
{
    private static readonly AttributePath ServiceName = AttributePath.Of("service_name");
    private static readonly HashSet<string> RegionAttributes = new(StringComparer.Ordinal) { "name", "id", "region" };

    /// <summary>The endpoint's service name, or null when it is known only after apply.</summary>
    public static string? NameOf(Resource endpoint, PolicyContext context)
    {
        var name = context.Effective(endpoint, ServiceName);
        if (name.IsKnown) return name.AsString();
        if (LookedUp(name, context) is { } looked) return looked;
        if (Template(endpoint, name) is not { Skeleton: { } skeleton } expression || !SingleMarker(skeleton)) return null;
        // The only part known after apply is the name of a data.aws_region: the region of its provider.
        var regionReference = expression.References.Where(r => !ReferenceResolver.AccompaniesAnother(r, expression.References)).ToList();
        if (regionReference.Count != 1 || context.Resolver.Resolve(expression) is not ResourceOrigin { Mode: ResourceMode.Data, Type: "aws_region" } origin
            || !RegionAttributes.Contains(ReferenceResolver.SplitTraversal(origin.Reference)[^1]))
        {
            return null;
        }
        var region = new RegionResolver(context.Graph, context.Resolver).Of(expression, "service_name");
        return region.IsKnown ? skeleton.Replace(Expression.UnknownMarker, region.Name, StringComparison.Ordinal) : null;
    }

    /// <summary>
    /// The service name a <c>data.aws_vpc_endpoint_service</c> gives: what it looked up (a plan), or, in Terraform
    /// source, the DynamoDB service it looks up (<c>service = "dynamodb"</c>) in the region of its provider. Else null.
    /// </summary>
    private static string? LookedUp(Value name, PolicyContext context)
    {
        if (name.Expression is null || context.Resolver.Resolve(name.Expression) is not ResourceOrigin { Mode: ResourceMode.Data, Type: "aws_vpc_endpoint_service" } service) return null;
        RegionResolver? regions = null;
        foreach (var instance in service.Instances)
        {
            if (instance.After.Get("service_name") is { IsKnown: true, Sensitive: false } looked && looked.AsString() is { } text) return text;
            if (instance.After.Get("service").AsString() is "dynamodb" or "dynamodb-fips" && instance.After.Get("service_name").IsNull
                && (regions ??= new RegionResolver(context.Graph, context.Resolver)).RegionOf(instance) is { IsKnown: true } region)
            {
                return $"com.amazonaws.{region.Name}.{instance.After.Get("service").AsString()}";
            }
        }
        return null;
    }

    /// <summary>Whether the endpoint serves DynamoDB; null when that is known only after apply.</summary>
    public static bool? IsDynamoDb(Resource endpoint, PolicyContext context)
    {
        if (NameOf(endpoint, context) is { } known) return RegionOf(known) is not null;
        var name = context.Effective(endpoint, ServiceName);
        // "com.amazonaws.${var.region}.dynamodb": DynamoDB's, whatever the region.
        if (Template(endpoint, name)?.Skeleton is { } skeleton && SingleMarker(skeleton))
        {
            if (RegionOf(skeleton.Replace(Expression.UnknownMarker, "region", StringComparison.Ordinal)) is not null) return true;
            // "com.amazonaws.${var.region}.s3": another service, whatever the region ("${var.prefix}.dynamodb" may be DynamoDB's).
            var afterRegion = skeleton[(skeleton.IndexOf(Expression.UnknownMarker, StringComparison.Ordinal) + 1)..];
            if (afterRegion.Length > 1 && afterRegion[0] == '.' && afterRegion is not (".dynamodb" or ".dynamodb-fips")) return false;
        }
        if (name.Expression is null || context.Resolver.Resolve(name.Expression) is not ResourceOrigin { Mode: ResourceMode.Data, Type: "aws_vpc_endpoint_service" } service)
        {
            return null;
        }
        foreach (var instance in service.Instances)
        {
            if (instance.After.Get("service_name").AsString() is { } looked) return RegionOf(looked) is not null;
        }
        var wanted = service.Config?.Body.Attributes.GetValueOrDefault("service")?.Constant?.AsString();
        return wanted is null ? null : wanted is "dynamodb" or "dynamodb-fips";
    }

    /// <summary>The expression of a service name written as a template (it carries the skeleton), else the effective one.</summary>
    private static Expression? Template(Resource endpoint, Value effective) => endpoint.Get(ServiceName).Expression is { Skeleton: not null } written ? written : effective.Expression;

    /// <summary>The region of a DynamoDB service name (<c>com.amazonaws.eu-west-1.dynamodb</c>), or null for another service.</summary>
    public static string? RegionOf(string serviceName) => DynamoDbService().Match(serviceName) is { Success: true } m ? m.Groups["region"].Value : null;

    private static bool SingleMarker(string skeleton)
    {
        var first = skeleton.IndexOf(Expression.UnknownMarker, StringComparison.Ordinal);
        return first >= 0 && skeleton.IndexOf(Expression.UnknownMarker, first + 1, StringComparison.Ordinal) < 0;
    }

    [GeneratedRegex(@"^(cn\.)?com\.amazonaws\.(?<region>[a-z0-9-]+)\.dynamodb(-fips)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DynamoDbService();
}
