using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Core.Views;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Policies.Rules;

/// <summary>dynamodb:001 — a table (or table replica) is encrypted with a KMS customer managed key.</summary>
public sealed class TableEncryptedWithCustomerKey : ResourcePolicy
{
    private static readonly AttributePath Enabled = DynamoTable.SseEnabled;
    private static readonly AttributePath Block = AttributePath.Of("server_side_encryption");
    private static readonly AttributePath TableKey = DynamoTable.SseKey;
    private static readonly AttributePath ReplicaKey = AttributePath.Of("kms_key_arn");

    public override string Id => "dynamodb:001";

    protected override Verdict Judge(Resource resource, PolicyContext context)
    {
        if (resource.Type == "aws_dynamodb_table_replica") return JudgeKey(resource, context, ReplicaKey, "kms_key_arn");

        var enabled = context.Effective(resource, Enabled);
        if (enabled.IsUnknown)
        {
            // A dynamic block whose for_each is known only after apply: whether the block exists at all is the question,
            // not the enabled written inside it (for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]).
            var why = resource.Get(Block) is { IsUnknown: true } block
                ? $"whether server_side_encryption is written is known only after apply ({Describe(block)})"
                : $"server_side_encryption.enabled {context.Unknown(enabled)}";
            return Verdict.Unknown(resource, $"{why}; set it to true with a customer managed kms_key_arn", Enabled);
        }
        if (enabled.AsBool() != true)
        {
            var what = enabled.IsNull ? "is not enabled" : "is disabled";
            return Verdict.Fail(resource,
                $"server_side_encryption {what}, so the table is encrypted with an AWS owned key; set server_side_encryption {{ enabled = true, kms_key_arn = <customer managed key ARN> }}",
                Enabled);
        }
        return JudgeKey(resource, context, TableKey, "server_side_encryption.kms_key_arn");
    }

    private static Verdict JudgeKey(Resource resource, PolicyContext context, AttributePath path, string shown)
    {
        var key = context.Keys.ClassifyAt(resource, path);
        return key.Kind switch
        {
            KeyKind.CustomerManaged => Verdict.Pass(resource, $"{shown} is {key.Description}", path),
            KeyKind.Unknown => Verdict.Unknown(resource, $"{shown} is {key.Description}; cannot tell whether it is a customer managed key", path),
            _ => Verdict.Fail(resource, $"{shown} is {key.Description}; use a customer managed KMS key", path),
        };
    }

    private static string Describe(Value v) => v.Expression?.Describe() ?? "computed by the provider";
}
