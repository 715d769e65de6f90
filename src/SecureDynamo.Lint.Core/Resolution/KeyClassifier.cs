using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Core.Resolution;

/// <summary>
/// Decides what kind of KMS key a <c>kms_key_arn</c>-like value names (rules 1–5 of
/// POLICY-SEMANTICS.md): literal ARNs, IDs and aliases, references to managed keys and aliases,
/// KMS data sources, and variables followed through modules.
/// </summary>
public sealed class KeyClassifier
{
    public const string AwsManagedAlias = "alias/aws/dynamodb";
    private static readonly HashSet<string> CustomerKeyTypes = new(StringComparer.Ordinal)
    {
        "aws_kms_key", "aws_kms_replica_key", "aws_kms_external_key", "aws_kms_replica_external_key",
    };

    private readonly ResourceGraph _graph;
    private readonly ReferenceResolver _resolver;

    public KeyClassifier(ResourceGraph graph, ReferenceResolver resolver)
    {
        _graph = graph;
        _resolver = resolver;
    }

    /// <summary>
    /// Classifies the key <paramref name="user"/> is encrypted with. A reference such as
    /// <c>aws_kms_key.this.arn</c> written inside a module called with count/for_each (or in a resource
    /// with count/for_each) means the key of the same module instance (and the same instance key),
    /// not every instance of that key in the input.
    /// </summary>
    public KeyAssessment Classify(Value key, Resource user)
    {
        var assessment = ClassifyIn(key, user.Address.Module);
        if (assessment.ManagedKeys.Count < 2) return assessment;
        var keys = _graph.InModuleInstance(assessment.ManagedKeys, user.Address.Module);
        if (keys.Count == 0) keys = assessment.ManagedKeys;
        if (user.Address.Key is { } instance && keys.Count > 1)
        {
            var sameInstance = keys.Where(k => k.Address.Key == instance).ToList();
            if (sameInstance.Count > 0) keys = sameInstance;
        }
        return ReferenceEquals(keys, assessment.ManagedKeys) ? assessment : (assessment with { ManagedKeys = keys }).Named();
    }

    /// <summary>
    /// Classifies the key at <paramref name="path"/> of <paramref name="user"/> (its value with unknowns resolved, and its
    /// configuration): see <see cref="Classify(Value, Resource, Expression?, bool)"/>.
    /// </summary>
    public KeyAssessment ClassifyAt(Resource user, AttributePath path)
    {
        var configured = user.ExpressionAt(path);
        return Classify(_resolver.Effective(user, path), user, configured,
            unsetInConfiguration: configured is null && user.Config is { } config && config.Body.WritesBlocksOf(path));
    }

    /// <summary>
    /// Classifies the key <paramref name="user"/> is encrypted with, <paramref name="key"/>, written in
    /// its configuration as <paramref name="configured"/>. A known key ARN is judged by where it comes from, as
    /// nothing in the ARN says whose key it is:
    /// <list type="bullet">
    /// <item>the configuration does not set it (<paramref name="unsetInConfiguration"/>: the block that holds it is written
    /// without it), or sets it to null or "": the provider read back the key DynamoDB chose, the AWS managed key (rule 1);</item>
    /// <item>the configuration takes it from a KMS data source read during planning (<c>data.aws_kms_alias.x.target_key_arn</c>):
    /// what the data source looked up decides (the ARN of <c>alias/aws/dynamodb</c>'s key is the AWS managed key).</item>
    /// </list>
    /// A key ARN of a managed <c>aws_kms_key</c> of the input is a customer managed key whatever the configuration says.
    /// </summary>
    public KeyAssessment Classify(Value key, Resource user, Expression? configured, bool unsetInConfiguration = false)
    {
        var assessment = Classify(key, user);
        if (!key.IsKnown || assessment.Kind != KeyKind.CustomerManaged || assessment.ManagedKeys.Count > 0) return assessment;
        var shown = key.Sensitive ? "(sensitive value)" : key.AsString();
        if (unsetInConfiguration)
        {
            return KeyAssessment.Of(KeyKind.AwsManaged, $"not set in configuration, so DynamoDB uses the AWS managed key {AwsManagedAlias} (the plan shows the ARN the provider read back, {shown})");
        }
        if (configured is null) return assessment;
        var origin = configured.References.Count == 0 ? null : _resolver.Resolve(configured);
        var written = origin is null ? configured.Constant : (origin as ConstantOrigin)?.Value;
        if (written is not null && (written.IsNull || written.AsString() == ""))
        {
            return KeyAssessment.Of(KeyKind.AwsManaged,
                $"{configured.Describe()}, which is {(written.IsNull ? "null" : "empty")}, so DynamoDB uses the AWS managed key {AwsManagedAlias} (the plan shows the ARN the provider read back, {shown})");
        }
        // var.cmk ? aws_kms_key.k[0].arn : null with the key not created: the ARN the plan shows is not that key's.
        if (origin is ResourceOrigin { Mode: ResourceMode.Managed, Type: "aws_kms_key", Instances.Count: 0 } missing)
        {
            return KeyAssessment.Of(KeyKind.Unknown,
                $"{shown}, but the configuration ({configured.Describe()}) names {missing.Reference}, which the input does not create; whose key that ARN is cannot be told");
        }
        if (origin is ResourceOrigin { Mode: ResourceMode.Data, Type: "aws_kms_alias" or "aws_kms_key" } data &&
            FromDataSource(data) is { Kind: KeyKind.AwsManaged } looked)
        {
            return looked;
        }
        return assessment;
    }

    /// <summary>Classifies a key value already passed through <see cref="ReferenceResolver.Effective"/>.</summary>
    public KeyAssessment Classify(Value key) => ClassifyIn(key, null);

    /// <param name="from">The module instance the key is used in, when known: a key reached through module outputs is then the one of the instance named.</param>
    private KeyAssessment ClassifyIn(Value key, string? from)
    {
        if (key.IsNull) return KeyAssessment.Of(KeyKind.AwsManaged, "not set, so DynamoDB uses the AWS managed key alias/aws/dynamodb");
        if (key.IsKnown) return ClassifyLiteral(key);
        if (key.Expression is null) return KeyAssessment.Of(KeyKind.Unknown, "known only after apply");
        if (AwsManagedAliasTemplate(key.Expression) is { } template) return KeyAssessment.Of(KeyKind.AwsManaged, $"the AWS managed key {template}");
        return FromOrigin(_resolver.Resolve(key.Expression), key.Expression, from);
    }

    /// <summary>
    /// A key written as a template whose unknown parts (account, region) cannot change that it names an
    /// <c>alias/aws/…</c> alias (<c>"arn:aws:kms:${region}:${account}:alias/aws/dynamodb"</c>): it is shown
    /// as written; otherwise null.
    /// </summary>
    private static string? AwsManagedAliasTemplate(Expression expression)
    {
        if (expression.Skeleton is not { } skeleton) return null;
        var marker = skeleton.IndexOf(Expression.UnknownMarker, StringComparison.Ordinal);
        if (marker < 0) return null;
        // The alias is fixed text: all of it after the last unknown part, or all of it before the first one.
        var afterLast = skeleton[(skeleton.LastIndexOf(Expression.UnknownMarker, StringComparison.Ordinal) + 1)..];
        var fixedAlias = (skeleton.StartsWith("arn:", StringComparison.Ordinal) && afterLast.Contains(":alias/aws/", StringComparison.Ordinal))
                         || (marker > "alias/aws/".Length && skeleton.StartsWith("alias/aws/", StringComparison.Ordinal));
        if (!fixedAlias) return null;
        var parts = skeleton.Split(Expression.UnknownMarker);
        var references = expression.SkeletonReferences;
        var shown = new System.Text.StringBuilder(parts[0]);
        for (var i = 1; i < parts.Length; i++)
        {
            var named = references is { } r && r.Count == parts.Length - 1 && r[i - 1].Count > 0 ? r[i - 1][0] : null;
            shown.Append(named is null ? "(known after apply)" : "${" + named + "}").Append(parts[i]);
        }
        return "\"" + shown + "\"";
    }

    private KeyAssessment FromOrigin(Origin origin, Expression expression, string? from)
    {
        switch (origin)
        {
            case ConstantOrigin c:
                return ClassifyLiteral(c.Value);
            case ResourceOrigin { Mode: ResourceMode.Managed, Type: "aws_kms_key" } key:
                return new KeyAssessment(KeyKind.CustomerManaged, $"the customer managed key {Qualified(key)}", Reached(key, from)) { KeyAttribute = AttributeRead(key) }.Named();
            case ResourceOrigin { Mode: ResourceMode.Managed } r when CustomerKeyTypes.Contains(r.Type):
                return new KeyAssessment(KeyKind.CustomerManaged, $"the customer managed key {Qualified(r)}", r.Type == "aws_kms_replica_key" ? PrimaryOf(r) : Array.Empty<Resource>());
            case ResourceOrigin { Mode: ResourceMode.Managed, Type: "aws_kms_alias" } alias:
                return FromAliasResource(alias);
            case ResourceOrigin { Mode: ResourceMode.Data, Type: "aws_kms_alias" or "aws_kms_key" } data:
                return FromDataSource(data);
            case ResourceOrigin r:
                return KeyAssessment.Of(KeyKind.Unknown, $"{r.Reference}, which is not a KMS key resource known before apply");
            case UnresolvedOrigin u:
                return KeyAssessment.Of(KeyKind.Unknown, $"{u.Why}, unknown before apply");
            default:
                return KeyAssessment.Of(KeyKind.Unknown, expression.Describe());
        }
    }

    /// <summary>
    /// The instances of <paramref name="origin"/> a reference from module instance <paramref name="from"/>
    /// reaches through module variables and outputs (module.keys["a"].arn: the key of instance "a").
    /// </summary>
    private IReadOnlyList<Resource> Reached(ResourceOrigin origin, string? from) =>
        from is null || origin.Steps.Count == 0 ? origin.Instances : origin.ReachedFrom(_graph, from);

    /// <summary>What <paramref name="origin"/>'s reference reads after the resource's address and instance key (<c>.arn</c>, or empty); null for anything else.</summary>
    private static string? AttributeRead(ResourceOrigin origin) =>
        ReferenceResolver.AttributeAfter(origin.Reference, origin.Address) is { } attribute && (attribute.Length == 0 || attribute.IndexOfAny(['[', '.'], 1) < 0)
            ? attribute
            : null;

    /// <summary>The reference as seen from the root: <c>module.keys.aws_kms_key.this.arn</c> for one written inside module keys.</summary>
    private static string Qualified(ResourceOrigin origin) =>
        origin.ModulePath.Length == 0 || origin.Reference.StartsWith("module.", StringComparison.Ordinal) ? origin.Reference : $"{origin.ModulePath}.{origin.Reference}";

    private KeyAssessment FromAliasResource(ResourceOrigin alias)
    {
        // An aws_kms_alias resource is always a customer alias ("alias/aws/" is reserved); follow it to its key for rotation checks.
        var keys = ArgumentOf(alias, "target_key_id") is ResourceOrigin { Type: "aws_kms_key" } key ? key.Instances : Array.Empty<Resource>();
        return new KeyAssessment(KeyKind.CustomerManaged, $"the customer alias {Qualified(alias)}", keys);
    }

    /// <summary>
    /// What the reference-bearing <paramref name="argument"/> of <paramref name="origin"/>'s own configuration resolves to
    /// (in its module); null when the configuration writes none, or writes a constant.
    /// </summary>
    private Origin? ArgumentOf(ResourceOrigin origin, string argument) =>
        origin.Config?.Body.Attributes.GetValueOrDefault(argument) is { References.Count: > 0 } expression
            ? _resolver.ResolveIn(expression, origin.ModulePath)
            : null;

    /// <summary>
    /// The managed <c>aws_kms_key</c> a multi-Region replica key replicates (its <c>primary_key_arn</c>): rotation is set on
    /// the primary and shared by its replicas, so the primary is the key whose rotation is judged.
    /// </summary>
    private IReadOnlyList<Resource> PrimaryOf(ResourceOrigin replica) =>
        ArgumentOf(replica, "primary_key_arn") is ResourceOrigin { Mode: ResourceMode.Managed, Type: "aws_kms_key" } key ? key.Instances : Array.Empty<Resource>();

    /// <summary>
    /// The managed key a KMS data source looks up by reference (<c>key_id = aws_kms_key.k.key_id</c>, <c>name =
    /// aws_kms_alias.k.name</c>): a customer managed key of the input. Null when it looks up something else.
    /// </summary>
    private KeyAssessment? LooksUpManagedKey(ResourceOrigin data, string argument) => ArgumentOf(data, argument) switch
    {
        ResourceOrigin { Mode: ResourceMode.Managed, Type: "aws_kms_key" } key =>
            new KeyAssessment(KeyKind.CustomerManaged, $"{data.Reference}, which looks up the customer managed key {Qualified(key)}", key.Instances),
        ResourceOrigin { Mode: ResourceMode.Managed, Type: "aws_kms_alias" } alias => ThroughDataSource(data, FromAliasResource(alias)),
        _ => null,
    };

    private static KeyAssessment ThroughDataSource(ResourceOrigin data, KeyAssessment looked) =>
        looked with { Description = $"{data.Reference}, which looks up {looked.Description}" };

    private KeyAssessment FromDataSource(ResourceOrigin data)
    {
        var argument = data.Type == "aws_kms_alias" ? "name" : "key_id";
        if (LooksUpManagedKey(data, argument) is { } managed) return managed;
        string? looked = null;
        foreach (var instance in data.Instances)
        {
            looked ??= instance.After.Get(argument).AsString() ?? instance.After.Get("arn").AsString();
        }
        if (looked is null && data.Config?.Body.Attributes.GetValueOrDefault(argument) is { } expr)
        {
            var v = expr.References.Count == 0 ? expr.Constant : (_resolver.ResolveIn(expr, data.ModulePath) as ConstantOrigin)?.Value;
            looked = v?.AsString();
        }
        // What the data source read says of the key itself (aws_kms_key reports who manages it).
        if (data.Instances.Any(i => string.Equals(i.After.Get("key_manager").AsString(), "AWS", StringComparison.Ordinal)))
        {
            return KeyAssessment.Of(KeyKind.AwsManaged, $"{data.Reference}, an AWS managed key (key_manager AWS{(looked is null ? "" : $", {looked}")})");
        }
        if (looked is null) return KeyAssessment.Of(KeyKind.Unknown, $"{data.Reference}, a KMS data source whose {argument} is unknown before apply");
        var literal = ClassifyLiteral(Value.String(looked));
        return literal.Kind == KeyKind.AwsManaged
            ? KeyAssessment.Of(KeyKind.AwsManaged, $"{data.Reference}, which looks up the AWS managed key {looked}")
            : new KeyAssessment(literal.Kind, $"{data.Reference} ({looked})", literal.ManagedKeys);
    }

    /// <summary>Classifies a known key value: ARN, key id, alias name or alias ARN.</summary>
    public KeyAssessment ClassifyLiteral(Value key)
    {
        if (key.IsNull) return KeyAssessment.Of(KeyKind.AwsManaged, "not set, so DynamoDB uses the AWS managed key alias/aws/dynamodb");
        var s = key.AsString();
        if (s is null) return KeyAssessment.Of(KeyKind.Unknown, $"{key.ToDisplayString()}, not a key identifier");
        if (s.Length == 0) return KeyAssessment.Of(KeyKind.AwsManaged, "empty, so DynamoDB uses the AWS managed key alias/aws/dynamodb");
        var shown = key.Sensitive ? "(sensitive value)" : s;
        if (IsAwsManagedAlias(s)) return KeyAssessment.Of(KeyKind.AwsManaged, $"the AWS managed key {shown}");
        var managed = ManagedKeysWithIdentifier(s);
        if (managed.Count == 0 && AwsManagedKeyLookedUpAs(s) is { } lookup) return KeyAssessment.Of(KeyKind.AwsManaged, $"the AWS managed key {shown} ({lookup})");
        return new KeyAssessment(KeyKind.CustomerManaged, $"the customer managed key {shown}", managed);
    }

    /// <summary>
    /// A KMS data source of the input that read the key <paramref name="id"/> and found it AWS managed (<c>key_manager</c>
    /// "AWS", or an <c>alias/aws/…</c> alias pointing at it), described; null when none did.
    /// </summary>
    private string? AwsManagedKeyLookedUpAs(string id)
    {
        foreach (var k in _graph.OfType("data.aws_kms_key"))
        {
            var v = k.After;
            if (v.Get("key_manager").AsString() == "AWS" && (v.Get("arn").AsString() == id || v.Get("key_id").AsString() == id || v.Get("id").AsString() == id))
            {
                return $"{k.Address} reads it with key_manager AWS";
            }
        }
        foreach (var a in _graph.OfType("data.aws_kms_alias"))
        {
            var v = a.After;
            if (v.Get("name").AsString() is { } name && IsAwsManagedAlias(name) && (v.Get("target_key_arn").AsString() == id || v.Get("target_key_id").AsString() == id))
            {
                return $"{a.Address} finds it behind {name}";
            }
        }
        return null;
    }

    /// <summary><c>alias/aws/…</c> in any form: bare alias, alias ARN.</summary>
    public static bool IsAwsManagedAlias(string s)
    {
        var alias = s;
        var i = s.IndexOf(":alias/", StringComparison.Ordinal);
        if (s.StartsWith("arn:", StringComparison.Ordinal) && i >= 0) alias = s[(i + 1)..];
        return alias.StartsWith("alias/aws/", StringComparison.Ordinal);
    }

    private IReadOnlyList<Resource> ManagedKeysWithIdentifier(string id)
    {
        List<Resource>? found = null;
        foreach (var k in _graph.OfType("aws_kms_key"))
        {
            if (k.After.Get("arn").AsString() == id || k.After.Get("key_id").AsString() == id || k.After.Get("id").AsString() == id)
            {
                (found ??= new List<Resource>()).Add(k);
            }
        }
        return found ?? (IReadOnlyList<Resource>)Array.Empty<Resource>();
    }
}
