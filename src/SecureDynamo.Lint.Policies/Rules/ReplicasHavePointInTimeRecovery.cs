using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Policies.Rules;

/// <summary>
/// dynamodb:011 — point-in-time recovery is enabled on every replica: each <c>replica</c> block
/// of a table and each <c>aws_dynamodb_table_replica</c>. A replica does not inherit the table's PITR.
/// </summary>
public sealed class ReplicasHavePointInTimeRecovery : ResourcePolicy
{
    private static readonly AttributePath Pitr = AttributePath.Of("point_in_time_recovery");
    private static readonly AttributePath Replicas = AttributePath.Of("replica");

    public override string Id => "dynamodb:011";

    protected override Verdict Judge(Resource resource, PolicyContext context)
    {
        if (resource.Type == "aws_dynamodb_table_replica")
        {
            var value = context.Effective(resource, Pitr);
            return Decide(value) switch
            {
                true => Verdict.Pass(resource, "point_in_time_recovery is enabled on the replica", Pitr),
                false => Verdict.Fail(resource,
                    $"point_in_time_recovery is {Shown(value)} (a replica does not inherit the table's PITR); set point_in_time_recovery = true", Pitr),
                null => Verdict.Unknown(resource, $"point_in_time_recovery is known only after apply ({Source(value)})", Pitr),
            };
        }

        var replicas = ReplicaBlock.Of(resource, context);
        if (replicas is null) return Verdict.Unknown(resource, "the replica blocks are known only after apply; each needs point_in_time_recovery = true", Replicas);
        if (replicas.Count == 0) return Verdict.NotApplicable(resource, "the table has no replica blocks", Replicas);

        var off = new List<(ReplicaBlock Replica, Value Value)>();
        var unknown = new List<(ReplicaBlock Replica, Value Value)>();
        foreach (var replica in replicas)
        {
            var value = replica.Effective("point_in_time_recovery", context);
            switch (Decide(value))
            {
                case false: off.Add((replica, value)); break;
                case null: unknown.Add((replica, value)); break;
            }
        }
        if (off.Count > 0)
        {
            var which = string.Join("; ", off.Select(o => $"replica {o.Replica.Region}: point_in_time_recovery is {Shown(o.Value)}"));
            return Verdict.Fail(resource,
                $"{which} (a replica does not inherit the table's PITR); set point_in_time_recovery = true in every replica block",
                off[0].Replica.PathOf("point_in_time_recovery"));
        }
        if (unknown.Count > 0)
        {
            var which = string.Join("; ", unknown.Select(u => $"replica {u.Replica.Region}: point_in_time_recovery is known only after apply ({Source(u.Value)})"));
            return Verdict.Unknown(resource, which, unknown[0].Replica.PathOf("point_in_time_recovery"));
        }
        return Verdict.Pass(resource,
            $"point_in_time_recovery is enabled on every replica ({string.Join(", ", replicas.Select(r => r.Region))})",
            replicas[0].PathOf("point_in_time_recovery"));
    }

    private static bool? Decide(Value value) => value.IsUnknown ? null : value.AsBool() == true;

    private static string Shown(Value value) => value.IsNull ? "not set (off by default)" : value.ToDisplayString();

    private static string Source(Value value) => value.Expression?.Describe() ?? "computed by the provider";
}
