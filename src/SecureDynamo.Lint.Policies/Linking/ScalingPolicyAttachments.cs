using SecureDynamo.Lint.Core.Graph;

namespace SecureDynamo.Lint.Policies.Linking;

/// <summary>
/// Which autoscaling policies attach to a target: one with the same known resource_id/scalable_dimension/
/// service_namespace as the target (linked by reference or not: when both triples are known they decide, as
/// Application Auto Scaling attaches by the triple), else one linked to it exactly by reference. A policy that might attach but cannot be told gives the reason
/// another policy may be attached. Indexed once, so that a graph's targets take linear time.
/// </summary>
public sealed class ScalingPolicyAttachments
{
    private const string SeveralTargets = "refers to several targets and which one is not known before apply";
    private const string KnownAfterApply = "has a resource_id, scalable_dimension or service_namespace known only after apply";

    // Resource equality is identity; its stored hash is cheaper than the runtime identity hash.
    private readonly Dictionary<Resource, List<ScalingPolicyLink>> _byTarget = new();
    private readonly Dictionary<ScalingKey, List<ScalingPolicyLink>> _byKey = new();
    // The first policy, in order, not linked by reference whose triple is unknown (it may attach to any target),
    // and the first whose known triple names a table (it may attach to a target whose own triple is unknown).
    private readonly ScalingPolicyLink? _firstUnkeyed;
    private readonly ScalingPolicyLink? _firstKeyedForTable;

    public ScalingPolicyAttachments(IReadOnlyList<ScalingPolicyLink> policies)
    {
        foreach (var p in policies)
        {
            if (p.Linked.Count > 0)
            {
                foreach (var t in p.Linked)
                {
                    if (!_byTarget.TryGetValue(t, out var list)) _byTarget[t] = list = [];
                    list.Add(p);
                }
            }
            else if (p.Key is null) _firstUnkeyed ??= p;
            else if (ScalingTargetIndex.TableName(p.Key.Value.ResourceId) is not null) _firstKeyedForTable ??= p;
            // A known triple decides, linked by reference or not: a policy that takes resource_id from the read target but
            // writes scalable_dimension = WriteCapacityUnits scales the write target.
            if (p.Key is { } key)
            {
                if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
                list.Add(p);
            }
        }
    }

    /// <summary>The policies attached to <paramref name="target"/> (whose triple is <paramref name="targetKey"/>), in policy order, and why more may be.</summary>
    public (IReadOnlyList<Resource> Attached, string? More) Of(Resource target, ScalingKey? targetKey)
    {
        List<ScalingPolicyLink>? attached = null;
        ScalingPolicyLink? more = null;
        string? moreWhy = null;

        if (_byTarget.TryGetValue(target, out var linked))
        {
            foreach (var p in linked)
            {
                // Both triples known: they decide (the policy is found by its key below when they are the same).
                if (p.Key is not null && targetKey is not null) continue;
                if (p.Exact && p.Linked.Count == 1) (attached ??= []).Add(p);
                else MayAttach(p, SeveralTargets, ref more, ref moreWhy);
            }
        }
        if (targetKey is { } key)
        {
            if (_byKey.TryGetValue(key, out var same)) (attached ??= []).AddRange(same);
        }
        else if (_firstKeyedForTable is not null) MayAttach(_firstKeyedForTable, KnownAfterApply, ref more, ref moreWhy);
        if (_firstUnkeyed is not null) MayAttach(_firstUnkeyed, KnownAfterApply, ref more, ref moreWhy);
        var why = more is null ? null : $"{more.Policy.Address} {moreWhy}";
        // Most targets of a large plan have one policy or none: no list, sort or copy for those.
        if (attached is null) return (Array.Empty<Resource>(), why);
        if (attached.Count > 1) attached.Sort((a, b) => a.Order.CompareTo(b.Order));
        var policies = new Resource[attached.Count];
        for (var i = 0; i < policies.Length; i++) policies[i] = attached[i].Policy;
        return (policies, why);
    }

    /// <summary>Keeps the first policy in order that may attach, with why.</summary>
    private static void MayAttach(ScalingPolicyLink p, string why, ref ScalingPolicyLink? more, ref string? moreWhy)
    {
        if (more is not null && more.Order <= p.Order) return;
        more = p;
        moreWhy = why;
    }
}
