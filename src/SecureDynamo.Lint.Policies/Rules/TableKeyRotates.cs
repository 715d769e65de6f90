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
    private static readonly AttributePath Replicas = AttributePath.Of("replica");
    private static readonly AttributePath[] FirstReplicaKeys = Enumerable.Range(0, 8).Select(i => AttributePath.Of("replica", i, "kms_key_arn")).ToArray();

    public override string Id => "dynamodb:016";

    public override IEnumerable<Verdict> Evaluate(PolicyContext context)
    {
        // key address → the key instance and the tables it encrypts, in input order
        var keys = new Dictionary<string, (Resource Key, List<string> Users)>(StringComparer.Ordinal);
        var usersOf = new Dictionary<Resource, List<string>>();
        var verdicts = new List<Verdict>();
        var used = new List<Resource>();
        foreach (var user in Users(context))
        {
            used.Clear();
            AddKeysOf(user, context, used);
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

    /// <summary>
    /// Adds to <paramref name="used"/> the judged <c>aws_kms_key</c> instances <paramref name="user"/> is
    /// encrypted with, each once, in the order first named. A table names one to a few keys: a list
    /// search de-duplicates them without hashing.
    /// </summary>
    private static void AddKeysOf(Resource user, PolicyContext context, List<Resource> used)
    {
        if (user.Type == "aws_dynamodb_table_replica")
        {
            AddKeys(context.Keys.Classify(context.Effective(user, ReplicaKey), user).ManagedKeys, used);
            return;
        }
        // SSE off (false or never set) means an AWS owned key; unknown still names the key it would use.
        var sse = context.Effective(user, SseEnabled);
        if (sse.AsBool() != false && !sse.IsNull)
        {
            AddKeys(context.Keys.Classify(context.Effective(user, SseKey), user).ManagedKeys, used);
        }
        var replicas = context.Effective(user, Replicas);
        for (var i = 0; i < replicas.Items.Count; i++)
        {
            var key = context.Effective(user, ReplicaKeyPath(i));
            if (key.IsNull) continue;
            AddKeys(context.Keys.Classify(key, user).ManagedKeys, used);
        }
    }

    private static void AddKeys(IReadOnlyList<Resource> keys, List<Resource> used)
    {
        // A table whose instance key matches none of a count/for_each key block's uses every instance of
        // it: a list search per key made each such table cost the square of the keys (cubic in all).
        // Past a few keys, de-duplicate with a set of the keys already used (same identity equality).
        HashSet<Resource>? usedSet = null;
        foreach (var k in keys)
        {
            if (!k.IsJudged || k.Type != KeyType) continue;
            if (usedSet is null && used.Count >= ListSearchLimit) usedSet = new HashSet<Resource>(used);
            if (usedSet is null ? !used.Contains(k) : usedSet.Add(k)) used.Add(k);
        }
    }

    /// <summary>How many used keys a list search de-duplicates before a set takes over.</summary>
    private const int ListSearchLimit = 16;

    /// <summary><c>replica[i].kms_key_arn</c>; the paths of the first replicas are made once.</summary>
    private static AttributePath ReplicaKeyPath(int i) =>
        i < FirstReplicaKeys.Length ? FirstReplicaKeys[i] : AttributePath.Of("replica", i, "kms_key_arn");

    private static Verdict JudgeKey(Resource key, List<string> users, PolicyContext context)
    {
        var encrypts = $"it encrypts {string.Join(", ", users)}";
        var rotation = context.Effective(key, Rotation);
        if (rotation.IsUnknown)
        {
            return Verdict.Unknown(key, $"enable_key_rotation {context.Unknown(rotation)}; {encrypts}; it should be true", Rotation);
        }
        if (rotation.AsBool() == true) return Verdict.Pass(key, $"enable_key_rotation is true; {encrypts}", Rotation);
        var what = rotation.IsNull ? "is not set (rotation off)" : $"is {rotation.ToDisplayString()}";
        return Verdict.Fail(key, $"enable_key_rotation {what}; {encrypts}; set enable_key_rotation = true so the key material rotates yearly", Rotation);
    }
}
