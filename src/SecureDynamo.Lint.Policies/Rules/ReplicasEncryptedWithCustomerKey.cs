using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Policies.Rules;

/// <summary>
/// dynamodb:010 — every replica of a global table is encrypted with a KMS customer managed key:
/// each <c>replica</c> block of a table, each <c>aws_dynamodb_table_replica</c>; a legacy
/// <c>aws_dynamodb_global_table</c> (2017.11.29) cannot choose replica keys and fails.
/// </summary>
public sealed class ReplicasEncryptedWithCustomerKey : ResourcePolicy
{
    private static readonly AttributePath ReplicaKey = AttributePath.Of("kms_key_arn");
    private static readonly AttributePath Replicas = AttributePath.Of("replica");
    private static readonly AttributePath TableEncryption = AttributePath.Of("server_side_encryption", 0, "enabled");

    public override string Id => "dynamodb:010";

    protected override Verdict Judge(Resource resource, PolicyContext context) => resource.Type switch
    {
        "aws_dynamodb_table_replica" => JudgeReplicaResource(resource, context),
        "aws_dynamodb_global_table" => Verdict.Fail(resource,
            "a legacy global table (version 2017.11.29) cannot set a KMS key per replica, so its replicas use the AWS owned or AWS managed key; " +
            "migrate to aws_dynamodb_table with replica { region_name = ..., kms_key_arn = <customer managed key in that region> } blocks (version 2019.11.21)",
            Replicas),
        _ => JudgeTable(resource, context),
    };

    private static Verdict JudgeReplicaResource(Resource resource, PolicyContext context)
    {
        var key = context.Keys.ClassifyAt(resource, ReplicaKey);
        return key.Kind switch
        {
            KeyKind.CustomerManaged => Verdict.Pass(resource, $"kms_key_arn is {key.Description}", ReplicaKey),
            KeyKind.Unknown => Verdict.Unknown(resource, $"kms_key_arn is {key.Description}; cannot tell whether the replica uses a customer managed key", ReplicaKey),
            _ => Verdict.Fail(resource, $"kms_key_arn is {key.Description}; set kms_key_arn to a customer managed KMS key in the replica's region", ReplicaKey),
        };
    }

    private static Verdict JudgeTable(Resource table, PolicyContext context)
    {
        var replicas = ReplicaBlock.Of(table, context);
        if (replicas is null) return Verdict.Unknown(table, "the replica blocks are known only after apply; each needs a customer managed kms_key_arn", Replicas);
        if (replicas.Count == 0) return Verdict.NotApplicable(table, "the table has no replica blocks", Replicas);

        var failed = new List<(ReplicaBlock Replica, string Why)>();
        var unknown = new List<(ReplicaBlock Replica, string Why)>();
        var passed = new List<(ReplicaBlock Replica, string Why)>();
        // Without kms_key_arn a replica never uses a customer managed key, whatever the table's encryption: that only
        // decides which AWS key it uses instead, as the message says (or leaves open when it is known only after apply).
        var tableEncryption = context.Effective(table, TableEncryption);
        var withoutKey = tableEncryption.AsBool() switch
        {
            true => "kms_key_arn is not set, so the replica uses the AWS managed key alias/aws/dynamodb",
            null when tableEncryption.IsUnknown => "kms_key_arn is not set, so the replica uses an AWS owned or AWS managed key (the table's server_side_encryption.enabled is known only after apply)",
            _ => "kms_key_arn is not set and the table's server_side_encryption is off, so the replica uses an AWS owned key",
        };
        foreach (var replica in replicas)
        {
            var value = replica.Effective("kms_key_arn", context);
            if (value.IsNull)
            {
                failed.Add((replica, withoutKey));
                continue;
            }
            var key = replica.ClassifyKey(value, context);
            var entry = (replica, $"kms_key_arn is {key.Description}");
            if (key.Kind == KeyKind.CustomerManaged) passed.Add(entry);
            else if (key.Kind == KeyKind.Unknown) unknown.Add(entry);
            else failed.Add(entry);
        }

        if (failed.Count > 0)
        {
            return Verdict.Fail(table,
                $"{Describe(failed)}; set replica {{ kms_key_arn = <customer managed key in that region> }} on every replica",
                failed[0].Replica.PathOf("kms_key_arn"));
        }
        if (unknown.Count > 0)
        {
            return Verdict.Unknown(table,
                $"{Describe(unknown)}; cannot tell whether it is a customer managed key",
                unknown[0].Replica.PathOf("kms_key_arn"));
        }
        return Verdict.Pass(table, Describe(passed), passed[0].Replica.PathOf("kms_key_arn"));
    }

    private static string Describe(IEnumerable<(ReplicaBlock Replica, string Why)> entries) =>
        string.Join("; ", entries.Select(e => $"replica {e.Replica.Region}: {e.Why}"));
}
