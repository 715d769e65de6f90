using System.Globalization;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Policies.Rules;

/// <summary>
/// dynamodb:009 — a DAX cluster has at least two nodes in at least two availability zones
/// (<c>availability_zones</c>, else the zones of its subnet group's subnets when the input shows them).
/// </summary>
public sealed class DaxClusterSpansAvailabilityZones : ResourcePolicy
{
    private static readonly AttributePath ReplicationFactor = AttributePath.Of("replication_factor");
    private static readonly AttributePath AvailabilityZones = AttributePath.Of("availability_zones");
    private const string Advice = "AWS recommends at least 3 nodes, each in a different availability zone";

    public override string Id => "dynamodb:009";

    protected override Verdict Judge(Resource resource, PolicyContext context)
    {
        var factor = context.Effective(resource, ReplicationFactor);
        if (factor.IsUnknown)
        {
            return Verdict.Unknown(resource,
                $"replication_factor {context.Unknown(factor)}; {Advice}", ReplicationFactor);
        }
        if (factor.IsNull)
        {
            return Verdict.Fail(resource,
                $"replication_factor is not set (a required argument); set replication_factor = 3: {Advice}", ReplicationFactor);
        }
        if (factor.AsNumber() is not { } nodes || nodes < 2)
        {
            return Verdict.Fail(resource,
                $"replication_factor is {factor.ToDisplayString()}: a single node is a single point of failure and lives in one zone; set replication_factor = 3: {Advice}",
                ReplicationFactor);
        }
        var count = nodes.ToString(CultureInfo.InvariantCulture);
        var note = nodes < 3 ? $"; {Advice}" : "";

        var zones = context.Effective(resource, AvailabilityZones);
        if (zones.IsUnknown)
        {
            return Verdict.Unknown(resource, $"availability_zones {context.Unknown(zones)}; it needs at least 2 distinct zones", AvailabilityZones);
        }
        if (zones is { Kind: ValueKind.List, Items.Count: > 0 })
        {
            var distinct = zones.Items.Where(z => z.IsKnown).Select(z => z.AsString()).OfType<string>().Select(z => z.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (distinct.Count >= 2)
            {
                return Verdict.Pass(resource, $"{count} nodes across availability_zones {string.Join(", ", distinct)}{note}", AvailabilityZones);
            }
            if (zones.Items.Any(z => z.IsUnknown))
            {
                return Verdict.Unknown(resource, "some of availability_zones are known only after apply; they need at least 2 distinct zones", AvailabilityZones);
            }
            return Verdict.Fail(resource,
                $"availability_zones puts all {count} nodes in {(distinct.Count == 0 ? "no named zone" : distinct[0])}, so one zone outage takes the cluster down; list at least 2 distinct zones ({Advice})",
                AvailabilityZones);
        }

        var group = SubnetGroupZones.Of(resource, context);
        if (group.Zones is null)
        {
            return Verdict.Pass(resource,
                $"replication_factor is {count}; availability_zones is not set and the subnet group's zones cannot be checked ({group.Unresolved}), so DAX places the nodes across the subnet group's zones{note}",
                ReplicationFactor);
        }
        if (group.Zones.Count >= 2)
        {
            return Verdict.Pass(resource, $"{count} nodes in subnet group {group.SubnetGroup}, whose subnets span {group.ZonesShown}{note}", ReplicationFactor);
        }
        return Verdict.Fail(resource,
            $"subnet group {group.SubnetGroup} has subnets only in {group.ZonesShown}, so all {count} nodes run in one availability zone; add subnets in other zones ({Advice})",
            AttributePath.Of("subnet_group_name"));
    }
}
