using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Policies.Rules;

/// <summary>
/// dynamodb:016 — the customer managed key that encrypts a table rotates. Judged once on each
/// managed <c>aws_kms_key</c> a table, a table's replica or an <c>aws_dynamodb_table_replica</c> uses;
/// a table or replica whose key is not such a resource is not applicable.
/// </summary>
public sealed class TableKeyRotates : Policy
{
    private const string KeyType = "aws_kms_key";
    private static readonly AttributePath SseEnabled = AttributePath.Of("server_side_encryption", 0, "enabled");
    private static readonly AttributePath SseKey = AttributePath.Of("server_side_encryption", 0, "kms_key_arn");
    private static readonly AttributePath ReplicaKey = AttributePath.Of("kms_key_arn");
    private static readonly AttributePath Rotation = AttributePath.Of("enable_key_rotation");

    public override string Id => "dynamodb:016";

    public override IEnumerable<Verdict> Evaluate(PolicyContext context)
    {
        // key address → the key instance and the tables it encrypts, in input order
        var keys = new Dictionary<string, (Resource Key, List<string> Users)>(StringComparer.Ordinal);
        var usersOf = new Dictionary<Resource, List<string>>(ReferenceEqualityComparer.Instance);
        var verdicts = new List<Verdict>();
        foreach (var user in Users(context))
        {
            var used = KeysOf(user, context).Where(k => k.IsJudged && k.Type == KeyType).Distinct().ToList();
            if (used.Count == 0)
            {
                verdicts.Add(Verdict.NotApplicable(user,
                    "not encrypted with an aws_kms_key managed in this input, so its key rotation cannot be judged here"));
                continue;
            }
            var userAddress = user.Address.ToString();
            foreach (var key in used)
            {
                // A for_each module's key is used by many tables: format its address once.
                if (!usersOf.TryGetValue(key, out var users))
                {
                    var address = key.Address.ToString();
                    if (!keys.TryGetValue(address, out var entry)) keys[address] = entry = (key, new List<string>());
                    usersOf[key] = users = entry.Users;
                }
                users.Add(userAddress);
            }
        }
        foreach (var (key, users) in keys.Values) verdicts.Add(JudgeKey(key, users, context));
        return verdicts;
    }

    private static IEnumerable<Resource> Users(PolicyContext context) =>
        context.Graph.OfType("aws_dynamodb_table").Concat(context.Graph.OfType("aws_dynamodb_table_replica")).Where(r => r.IsJudged);

    private static IEnumerable<Resource> KeysOf(Resource user, PolicyContext context)
    {
        if (user.Type == "aws_dynamodb_table_replica")
        {
            foreach (var k in context.Keys.Classify(context.Effective(user, ReplicaKey), user).ManagedKeys) yield return k;
            yield break;
        }
        // SSE off (false or never set) means an AWS owned key; unknown still names the key it would use.
        if (context.Effective(user, SseEnabled).AsBool() != false && !context.Effective(user, SseEnabled).IsNull)
        {
            foreach (var k in context.Keys.Classify(context.Effective(user, SseKey), user).ManagedKeys) yield return k;
        }
        var replicas = context.Effective(user, AttributePath.Of("replica"));
        for (var i = 0; i < replicas.Items.Count; i++)
        {
            var key = context.Effective(user, AttributePath.Of("replica", i, "kms_key_arn"));
            if (key.IsNull) continue;
            foreach (var k in context.Keys.Classify(key, user).ManagedKeys) yield return k;
        }
    }

    private static Verdict JudgeKey(Resource key, List<string> users, PolicyContext context)
    {
        var encrypts = $"it encrypts {string.Join(", ", users)}";
        var rotation = context.Effective(key, Rotation);
        if (rotation.IsUnknown)
        {
            return Verdict.Unknown(key, $"enable_key_rotation is known only after apply ({rotation.Expression?.Describe() ?? "computed"}); {encrypts}; it should be true", Rotation);
        }
        if (rotation.AsBool() == true) return Verdict.Pass(key, $"enable_key_rotation is true; {encrypts}", Rotation);
        var what = rotation.IsNull ? "is not set (rotation off)" : $"is {rotation.ToDisplayString()}";
        return Verdict.Fail(key, $"enable_key_rotation {what}; {encrypts}; set enable_key_rotation = true so the key material rotates yearly", Rotation);
    }
}
