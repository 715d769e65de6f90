using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Policies.Rules;

/// <summary>
/// dynamodb:018 — nothing that protects an existing table or DAX cluster in <c>before</c> is off in
/// <c>after</c>: point-in-time recovery, deletion protection, a customer managed key (not traded for
/// an AWS key), DAX TLS and DAX encryption at rest. Independent of the base policies, so a
/// regression is reported even where the base policy is suppressed.
/// </summary>
public sealed class PlanDoesNotWeakenProtection : Policy
{
    private static readonly AttributePath Pitr = AttributePath.Of("point_in_time_recovery", 0, "enabled");
    private static readonly AttributePath DeletionProtection = AttributePath.Of("deletion_protection_enabled");
    private static readonly AttributePath SseEnabled = AttributePath.Of("server_side_encryption", 0, "enabled");
    private static readonly AttributePath SseKey = AttributePath.Of("server_side_encryption", 0, "kms_key_arn");
    private static readonly AttributePath DaxTls = AttributePath.Of("cluster_endpoint_encryption_type");

    public override string Id => "dynamodb:018";

    public override IEnumerable<Verdict> Evaluate(PolicyContext context)
    {
        if (context.Graph.Kind != InputKind.Plan) yield break;
        foreach (var type in new[] { "aws_dynamodb_table", "aws_dax_cluster" })
        {
            foreach (var resource in context.Graph.OfType(type))
            {
                if (resource.IsJudged) yield return Judge(resource, context);
            }
        }
    }

    private static Verdict Judge(Resource resource, PolicyContext context)
    {
        if (resource.Before.IsNull) return Verdict.NotApplicable(resource, "the plan creates it, so nothing existing can be weakened");
        var checks = resource.Type == "aws_dax_cluster"
            ? new[] { Flag(resource, context, SseEnabled, "server_side_encryption (encryption at rest)"), Tls(resource, context) }
            : new[] { Flag(resource, context, Pitr, "point_in_time_recovery"), Flag(resource, context, DeletionProtection, "deletion_protection_enabled"), CustomerKey(resource, context) }
                .Concat(Replicas(resource, context)).ToArray();

        var weakened = checks.Where(c => c.Status == Outcome.Weakened).ToList();
        if (weakened.Count > 0)
        {
            return Verdict.Fail(resource,
                $"the plan weakens protection that is on today: {string.Join("; ", weakened.Select(c => c.Text))}; keep these settings, or make the change deliberately in its own reviewed plan",
                weakened[0].Path);
        }
        var unknown = checks.Where(c => c.Status == Outcome.Unknown).ToList();
        if (unknown.Count > 0) return Verdict.Unknown(resource, string.Join("; ", unknown.Select(c => c.Text)), unknown[0].Path);
        var kept = checks.Where(c => c.Status == Outcome.Kept).Select(c => c.Text).ToList();
        return Verdict.Pass(resource, kept.Count == 0
            ? "no protection was on before the plan, so none is weakened"
            : $"the plan keeps every protection that is on today ({string.Join(", ", kept)})");
    }

    private static Check Flag(Resource resource, PolicyContext context, AttributePath path, string name)
    {
        if (resource.Before.Navigate(path).AsBool() != true) return Check.NotOn(path);
        return FlagAfter(context.Effective(resource, path), path, name, name);
    }

    /// <summary>What the plan makes of a flag that is on today: <paramref name="name"/> in messages, <paramref name="kept"/> when it stays on.</summary>
    private static Check FlagAfter(Value after, AttributePath path, string name, string kept)
    {
        if (after.IsUnknown) return new Check(Outcome.Unknown, path, $"{name} is on today and its planned value is known only after apply ({Describe(after)})");
        return after.AsBool() == true ? new Check(Outcome.Kept, path, kept) : new Check(Outcome.Weakened, path, $"{name} goes from on to {(after.IsNull ? "not set (off)" : "off")}");
    }

    private static Check Tls(Resource resource, PolicyContext context)
    {
        if (!string.Equals(resource.Before.Navigate(DaxTls).AsString(), "TLS", StringComparison.Ordinal)) return Check.NotOn(DaxTls);
        var after = context.Effective(resource, DaxTls);
        if (after.IsUnknown) return new Check(Outcome.Unknown, DaxTls, $"cluster_endpoint_encryption_type is TLS today and its planned value is known only after apply ({Describe(after)})");
        return after.AsString() == "TLS"
            ? new Check(Outcome.Kept, DaxTls, "cluster_endpoint_encryption_type TLS")
            : new Check(Outcome.Weakened, DaxTls, $"cluster_endpoint_encryption_type goes from TLS to {(after.IsNull ? "not set (NONE)" : after.ToDisplayString())}, so clients talk to DAX in clear text");
    }

    private static Check CustomerKey(Resource resource, PolicyContext context)
    {
        if (resource.Before.Navigate(SseEnabled).AsBool() != true) return Check.NotOn(SseKey);
        var before = context.Keys.ClassifyLiteral(resource.Before.Navigate(SseKey));
        if (before.Kind != KeyKind.CustomerManaged) return Check.NotOn(SseKey);

        var enabled = context.Effective(resource, SseEnabled);
        if (enabled.IsUnknown)
        {
            return new Check(Outcome.Unknown, SseEnabled, $"the table uses {before.Description} today and server_side_encryption.enabled is known only after apply ({Describe(enabled)})");
        }
        if (enabled.AsBool() != true)
        {
            return new Check(Outcome.Weakened, SseEnabled, $"server_side_encryption goes from {before.Description} to an AWS owned key");
        }
        var after = context.Keys.ClassifyAt(resource, SseKey);
        // The key the table has today, kept: this plan changes nothing (its ARN alone said customer managed; where it came from says otherwise).
        if (after.Kind != KeyKind.CustomerManaged && SameKey(resource.Before.Navigate(SseKey), context.Effective(resource, SseKey))) return Check.NotOn(SseKey);
        return after.Kind switch
        {
            KeyKind.CustomerManaged => new Check(Outcome.Kept, SseKey, "a customer managed key"),
            KeyKind.Unknown => new Check(Outcome.Unknown, SseKey, $"the table uses {before.Description} today and the planned kms_key_arn is {after.Description}"),
            _ => new Check(Outcome.Weakened, SseKey, $"server_side_encryption.kms_key_arn goes from {before.Description} to {after.Description}"),
        };
    }

    /// <summary>
    /// The replicas the table keeps (matched by region): a replica's point-in-time recovery and customer managed
    /// key are protections of the table's data in that region, weakened like the table's own.
    /// </summary>
    private static IEnumerable<Check> Replicas(Resource table, PolicyContext context)
    {
        var before = table.Before.Get("replica");
        if (before.Kind != ValueKind.List || before.Items.Count == 0) yield break;
        var after = ReplicaBlock.Of(table, context);
        for (var i = 0; i < before.Items.Count; i++)
        {
            var old = before.Items[i];
            if (old.Get("region_name").AsString() is not { } regionName) continue;
            var region = old.Get("region_name").Sensitive ? $"replica[{i}]" : regionName;
            var pitrOn = old.Get("point_in_time_recovery").AsBool() == true;
            var oldKey = old.Get("kms_key_arn") is { IsNull: false } k ? context.Keys.ClassifyLiteral(k) : null;
            var cmkOn = oldKey?.Kind == KeyKind.CustomerManaged;
            if (!pitrOn && !cmkOn) continue;
            if (after is null)
            {
                yield return new Check(Outcome.Unknown, AttributePath.Of("replica"), $"replica {region} has protection on today and the planned replica blocks are known only after apply");
                continue;
            }
            // A replica the plan removes is not weakened here: its data goes with it.
            if (after.FirstOrDefault(r => r.Values.Get("region_name").AsString() == regionName) is not { } kept) continue;
            if (pitrOn)
            {
                yield return FlagAfter(kept.Effective("point_in_time_recovery", context), kept.PathOf("point_in_time_recovery"),
                    $"replica {region}: point_in_time_recovery", $"replica {region} point_in_time_recovery");
            }
            if (cmkOn)
            {
                var path = kept.PathOf("kms_key_arn");
                var planned = kept.Effective("kms_key_arn", context);
                var key = kept.ClassifyKey(planned, context);
                if (key.Kind != KeyKind.CustomerManaged && SameKey(old.Get("kms_key_arn"), planned)) continue;
                yield return key.Kind switch
                {
                    KeyKind.CustomerManaged => new Check(Outcome.Kept, path, $"replica {region} customer managed key"),
                    KeyKind.Unknown => new Check(Outcome.Unknown, path, $"replica {region} uses {oldKey!.Description} today and the planned kms_key_arn is {key.Description}"),
                    _ => new Check(Outcome.Weakened, path, $"replica {region}: kms_key_arn goes from {oldKey!.Description} to {key.Description}"),
                };
            }
        }
    }

    /// <summary>Whether the planned key is known and the one of today.</summary>
    private static bool SameKey(Value today, Value planned) => planned.IsKnown && planned.AsString() is { } arn && arn == today.AsString();

    private static string Describe(Value v) => v.Expression?.Describe() ?? "computed by the provider";

    private enum Outcome
    {
        NotOn,
        Kept,
        Weakened,
        Unknown,
    }

    private sealed record Check(Outcome Status, AttributePath Path, string Text)
    {
        public static Check NotOn(AttributePath path) => new(Outcome.NotOn, path, "");
    }
}
