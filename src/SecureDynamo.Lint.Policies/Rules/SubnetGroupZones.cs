using System.Text.RegularExpressions;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Policies.Rules;

/// <summary>
/// The availability zones of a DAX cluster's subnet group (<c>subnet_group_name</c> →
/// <c>aws_dax_subnet_group.subnet_ids</c> → <c>aws_subnet.availability_zone</c>), followed by
/// configuration reference or by literal name and id. <see cref="Zones"/> is null when the input
/// does not tell, and <see cref="Unresolved"/> then says why.
/// </summary>
public sealed record SubnetGroupZones(string SubnetGroup, IReadOnlySet<string>? Zones, string? Unresolved)
{
    /// <summary>Whether a zone name is sensitive: counted, never printed.</summary>
    public bool ZonesSensitive { get; init; }

    /// <summary>The zones for messages.</summary>
    public string ZonesShown => ZonesSensitive ? "(sensitive value)" : string.Join(", ", Zones ?? new SortedSet<string>());

    private static readonly AttributePath GroupName = AttributePath.Of("subnet_group_name");
    private static readonly AttributePath SubnetIds = AttributePath.Of("subnet_ids");
    private static readonly Regex SubnetReference = new(@"^aws_subnet\.([A-Za-z0-9_-]+)(\[[^\]]+\])?", RegexOptions.CultureInvariant);

    public static SubnetGroupZones Of(Resource cluster, PolicyContext context)
    {
        var (group, why) = FindGroup(cluster, context);
        if (group is null) return new SubnetGroupZones("", null, why);
        var name = group.Get(AttributePath.Of("name")).AsString() is { } n ? $"{group.Address} (\"{n}\")" : group.Address.ToString();
        var (subnets, unresolved) = FindSubnets(group, context);
        if (subnets is null) return new SubnetGroupZones(name, null, unresolved);
        if (subnets.Count == 0) return new SubnetGroupZones(name, null, $"the subnets of {group.Address} are not known before apply");
        var zones = new SortedSet<string>(StringComparer.Ordinal);
        var sensitive = false;
        foreach (var subnet in subnets)
        {
            var zone = context.Effective(subnet, AttributePath.Of("availability_zone"));
            if (zone.AsString() is null) zone = context.Effective(subnet, AttributePath.Of("availability_zone_id"));
            if (zone.AsString() is not { } text) return new SubnetGroupZones(name, null, $"the availability zone of {subnet.Address} is known only after apply");
            sensitive |= zone.Sensitive;
            zones.Add(text);
        }
        return new SubnetGroupZones(name, zones, null) { ZonesSensitive = sensitive };
    }

    private static (Resource? Group, string Why) FindGroup(Resource cluster, PolicyContext context)
    {
        var expression = cluster.ExpressionAt(GroupName);
        if (expression is { References.Count: > 0 })
        {
            switch (context.Resolver.Resolve(expression))
            {
                case ResourceOrigin { Type: "aws_dax_subnet_group", Mode: ResourceMode.Managed } origin:
                    var group = Single(origin.Instances, origin.ModulePath, cluster);
                    return group is null
                        ? (null, $"subnet_group_name refers to {origin.Reference}, which has no single instance in the input")
                        : (group, "");
                case ConstantOrigin c when c.Value.AsString() is { } literal:
                    return ByName(literal, cluster, context);
                default:
                    return (null, $"subnet_group_name ({expression.Describe()}) cannot be followed to an aws_dax_subnet_group in the input");
            }
        }
        var value = context.Effective(cluster, GroupName);
        if (value.AsString() is { } groupName) return ByName(groupName, cluster, context);
        if (value.IsNull) return (null, "subnet_group_name is not set, so the cluster uses the default subnet group, whose zones the input does not show");
        return (null, "subnet_group_name is known only after apply");
    }

    private static (Resource? Group, string Why) ByName(string name, Resource cluster, PolicyContext context)
    {
        var groups = context.Graph.OfType("aws_dax_subnet_group").Where(g => g.Get(AttributePath.Of("name")).AsString() == name).ToList();
        return groups.Count == 1
            ? (groups[0], "")
            : (null, groups.Count == 0 ? $"the subnet group \"{name}\" is not in the input" : $"several subnet groups are named \"{name}\"");
    }

    /// <summary>The one instance meant: in the same module instance as <paramref name="from"/> when declared in its module.</summary>
    private static Resource? Single(IReadOnlyList<Resource> instances, string modulePath, Resource from)
    {
        var candidates = modulePath == from.Address.ModulePath
            ? instances.Where(i => i.Address.Module == from.Address.Module).ToList()
            : instances.ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    private static (IReadOnlyList<Resource>? Subnets, string Why) FindSubnets(Resource group, PolicyContext context)
    {
        var ids = group.Get(SubnetIds);
        if (ids.Kind == ValueKind.List && ids.Items.All(i => i.AsString() is not null))
        {
            return ByIds(ids.Items.Select(i => i.AsString()!), context);
        }
        // Terraform source: each id known only after apply still says which subnet it is (aws_subnet.s["a"].id), however
        // it reached the group (a list passed through a module variable, a for expression, count.index).
        if (NamedByItems(ids, context) is { } byItems) return (byItems, "");
        var expression = group.ExpressionAt(SubnetIds);
        if (expression is null) return (null, $"{group.Address} has no subnet_ids the input can show");
        if (expression.References.Count == 0)
        {
            return expression.Constant is { Kind: ValueKind.List } list && list.Items.All(i => i.AsString() is not null)
                ? ByIds(list.Items.Select(i => i.AsString()!), context)
                : (null, $"the subnet_ids of {group.Address} are not known before apply");
        }

        var found = new Dictionary<string, Resource>(StringComparer.Ordinal);
        foreach (var reference in expression.References)
        {
            var steps = ReferenceResolver.SplitTraversal(reference);
            if (steps.Count >= 2 && steps[0] == "aws_subnet")
            {
                var m = SubnetReference.Match(reference);
                var configAddress = $"aws_subnet.{steps[1]}";
                var instances = context.Graph.Instances(group.Address.ModulePath, configAddress).Where(s => s.Address.Module == group.Address.Module);
                if (m.Groups[2].Success) instances = instances.Where(s => s.Address.Key == m.Groups[2].Value);
                var list = instances.ToList();
                // "aws_subnet.a[0].id" also lists "aws_subnet.a": the indexed reference decides.
                if (!m.Groups[2].Success && expression.References.Any(r => r.StartsWith(configAddress + "[", StringComparison.Ordinal))) continue;
                if (list.Count == 0) return (null, $"{reference} is not in the input");
                foreach (var s in list) found[s.Address.ToString()] = s;
                continue;
            }
            if (steps.Count >= 1 && steps[0] is "each" or "count") continue;
            switch (context.Resolver.Resolve(expression with { References = new[] { reference } }))
            {
                case ConstantOrigin { Value.Kind: ValueKind.List } c when c.Value.Items.All(i => i.AsString() is not null):
                    var (byId, why) = ByIds(c.Value.Items.Select(i => i.AsString()!), context);
                    if (byId is null) return (null, why);
                    foreach (var s in byId) found[s.Address.ToString()] = s;
                    continue;
                case ConstantOrigin { Value.Kind: ValueKind.String } one:
                    var (single, why1) = ByIds(new[] { one.Value.AsString()! }, context);
                    if (single is null) return (null, why1);
                    foreach (var s in single) found[s.Address.ToString()] = s;
                    continue;
                case ResourceOrigin { Type: "aws_subnet" } origin:
                    // Subnets passed in through a module variable (subnet_ids = var.subnet_ids): those of the instance that called it.
                    var reached = origin.ReachedFrom(context.Graph, group.Address.Module);
                    if (reached.Count == 0) return (null, $"{reference} leads to {origin.Reference}, which is not in the input");
                    if (origin.PickedBy is { } selector && reached.Count > 1)
                    {
                        return (null, $"the subnet_ids of {group.Address} come from {reference}: some instances of {origin.Address}, picked by {selector}");
                    }
                    foreach (var s in reached) found[s.Address.ToString()] = s;
                    continue;
                default:
                    return (null, $"the subnet_ids of {group.Address} come from {reference}, which does not lead to aws_subnet resources in the input");
            }
        }
        // The references name every subnet the expression reads; slice(), a filtering for or an index computed from
        // something else may keep fewer. A list of known length shorter than that, whose items do not each name their
        // subnet, leaves which subnets (and zones) undecided: counting them all would claim zones the group lacks.
        if (ids.Kind == ValueKind.List && ids.Items.Count < found.Count)
        {
            var named = new Dictionary<string, Resource>(StringComparer.Ordinal);
            foreach (var item in ids.Items)
            {
                var exact = item.Expression?.References
                    .Select(r => SubnetReference.Match(r))
                    .FirstOrDefault(m => m.Success && m.Groups[2].Success);
                var subnet = exact is null ? null : found.Values.FirstOrDefault(s => s.Address.ConfigAddress == $"aws_subnet.{exact.Groups[1].Value}" && s.Address.Key == exact.Groups[2].Value);
                if (subnet is null)
                {
                    return (null, $"the subnet_ids of {group.Address} keep {ids.Items.Count} of the {found.Count} subnets its expression reads, and which ones is known only after apply");
                }
                named[subnet.Address.ToString()] = subnet;
            }
            return (named.Values.ToList(), "");
        }
        return (found.Values.ToList(), "");
    }

    /// <summary>
    /// The subnets a list of ids names item by item, each item an unknown id computed from one subnet instance of the root
    /// module (<c>aws_subnet.a.id</c>, <c>aws_subnet.s["b"].id</c>); null when some item does not name exactly one.
    /// </summary>
    private static IReadOnlyList<Resource>? NamedByItems(Value ids, PolicyContext context)
    {
        if (ids.Kind != ValueKind.List || ids.Items.Count == 0) return null;
        var subnets = new List<Resource>();
        foreach (var item in ids.Items)
        {
            if (item is not { IsUnknown: true, Expression: { Module.Length: 0, References.Count: > 0 } e }) return null;
            var m = e.References.Select(r => SubnetReference.Match(r)).FirstOrDefault(m => m.Success);
            if (m is null) return null;
            var instances = context.Graph.Instances("", $"aws_subnet.{m.Groups[1].Value}");
            var one = m.Groups[2].Success ? instances.Where(s => s.Address.Key == m.Groups[2].Value).ToList() : instances.ToList();
            if (one.Count != 1) return null;
            subnets.Add(one[0]);
        }
        return subnets;
    }

    private static (IReadOnlyList<Resource>? Subnets, string Why) ByIds(IEnumerable<string> ids, PolicyContext context)
    {
        var subnets = new List<Resource>();
        foreach (var id in ids)
        {
            // A subnet of this input, or an existing one looked up by a data source (a shared VPC's subnets).
            var subnet = context.Graph.OfType("aws_subnet").Concat(context.Graph.OfType("data.aws_subnet"))
                .FirstOrDefault(s => s.Get(AttributePath.Of("id")).AsString() == id);
            if (subnet is null) return (null, $"subnet {id} is not in the input");
            subnets.Add(subnet);
        }
        return (subnets, "");
    }
}
