using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>
/// Finds the policy document behind a resource attribute: the JSON string when the plan knows it
/// (heredocs and <c>jsonencode</c> render to strings); otherwise, following the configuration
/// reference, the <c>json</c> of a <c>data.aws_iam_policy_document</c> (from <c>prior_state</c> or a
/// <c>read</c> change), or a document built from that data source's <c>statement</c> blocks (planned
/// values, else configuration). Anything else is unknown, naming the expression.
/// </summary>
public sealed class PolicyDocumentResolver
{
    public const string PolicyDocumentType = "aws_iam_policy_document";

    private readonly ReferenceResolver _resolver;

    public PolicyDocumentResolver(ReferenceResolver resolver) => _resolver = resolver;

    public PolicyLookup Lookup(Resource resource, AttributePath path)
    {
        var source = path.ToString();
        var value = _resolver.Effective(resource, path);
        if (value.IsKnown) return FromValue(value, source, source);
        var expression = value.Expression ?? resource.ExpressionAt(path);
        if (expression is null) return PolicyLookup.Unknown(source, $"{source} is known only after apply");
        var lookup = _resolver.Resolve(expression) switch
        {
            ConstantOrigin c => FromValue(c.Value, source, source),
            ResourceOrigin { Mode: ResourceMode.Data, Type: PolicyDocumentType } d => FromDataSource(d, resource, source, 0),
            ResourceOrigin r => PolicyLookup.Unknown(source, $"{source} depends on {r.Reference}, which is known only after apply"),
            UnresolvedOrigin u => PolicyLookup.Unknown(source, $"{source} is {u.Why}, which is known only after apply"),
            _ => PolicyLookup.Unknown(source, $"{source} is known only after apply ({expression.Describe()})"),
        };
        // A template (a heredoc policy) with some parts known only after apply: judge what is known.
        if (lookup.Kind == PolicyLookupKind.Unknown && resource.Get(path).Expression is { Skeleton: not null } made
            && PolicyDocumentParser.Parse(made.SkeletonWithReferences()!) is { Document: { } partial })
        {
            return PolicyLookup.Found(source, new[] { WithTableResources(partial, made.Module) }) with { Sensitive = resource.Get(path).ContainsSensitive() };
        }
        return lookup;
    }

    private static PolicyLookup FromValue(Value value, string source, string shown)
    {
        if (value.IsNull) return PolicyLookup.Absent(source);
        if (value.Kind != ValueKind.String) return PolicyLookup.Unknown(source, $"{shown} is not a JSON policy string");
        var text = value.AsString()!;
        if (string.IsNullOrWhiteSpace(text)) return PolicyLookup.Absent(source);
        var parsed = PolicyDocumentParser.Parse(text);
        var sensitive = value.ContainsSensitive();
        return parsed.Document is { } doc
            ? PolicyLookup.Found(source, new[] { doc }) with { Sensitive = sensitive }
            : PolicyLookup.Unknown(source, sensitive ? $"{shown} (a sensitive value) is not a valid policy document" : $"{shown} {parsed.Error}") with { Sensitive = sensitive };
    }

    /// <param name="depth">How many documents deep this one is used as a source or override document.</param>
    private PolicyLookup FromDataSource(ResourceOrigin origin, Resource user, string attribute, int depth)
    {
        // Named from the root, as findings name resources: module.doc.data.aws_iam_policy_document.this.
        var source = $"{attribute} ({(origin.ModulePath.Length == 0 ? origin.Address : $"{origin.ModulePath}.{origin.Address}")})";
        var instances = Pick(origin.Instances, user);
        if (instances.Count == 0)
        {
            if (origin.Config is null) return PolicyLookup.Unknown(source, $"{origin.Reference} is not in the input");
            var built = Build(ConfigValues.Of(origin.Config.Body, _resolver), origin.Address, user, depth);
            return built.Document is { } d ? PolicyLookup.Found(source, new[] { d }) : PolicyLookup.Unknown(source, built.Error!);
        }
        var documents = new List<PolicyDocument>();
        var sensitive = instances.Any(i => i.After.ContainsSensitive());
        foreach (var instance in instances)
        {
            var built = FromInstance(origin, instance, user, depth);
            if (built.Document is null)
            {
                return PolicyLookup.Unknown(source, sensitive ? $"{instance.Address} (a sensitive value) is not a usable policy document" : built.Error!) with { Sensitive = sensitive };
            }
            documents.Add(built.Document);
        }
        return PolicyLookup.Found(source, documents) with { Sensitive = sensitive };
    }

    private PolicyParseResult FromInstance(ResourceOrigin origin, Resource instance, Resource user, int depth)
    {
        var name = instance.Address.ToString();
        var json = instance.After.Get("json");
        if (json.IsKnown && json.AsString() is { Length: > 0 } text)
        {
            var parsed = PolicyDocumentParser.Parse(text);
            return parsed.Succeeded ? parsed : PolicyParseResult.Failed($"{name}.json {parsed.Error}");
        }
        // json is computed: rebuild it from the statement blocks, as planned or else as configured.
        var after = instance.After;
        if (origin.Config is not null)
        {
            var configured = ConfigValues.Of(origin.Config.Body, _resolver);
            after = after.Get("statement").IsUnknown ? configured : WithConfiguredUnknowns(after, configured);
        }
        return Build(after, name, user, depth);
    }

    /// <summary>
    /// The planned statement blocks, each argument known only after apply taken as configured
    /// (<c>resources = [aws_dynamodb_table.orders.arn]</c>): the plan shows no expression for it, and what it
    /// refers to decides whether it names tables. Only where the plan and the configuration have the same blocks.
    /// </summary>
    private static Value WithConfiguredUnknowns(Value planned, Value configured)
    {
        var plannedStatements = planned.Get("statement");
        var configuredStatements = configured.Get("statement");
        if (plannedStatements.Kind != ValueKind.List || configuredStatements.Kind != ValueKind.List || plannedStatements.Items.Count != configuredStatements.Items.Count) return planned;
        var statements = new List<Value>(plannedStatements.Items.Count);
        var changed = false;
        for (var i = 0; i < plannedStatements.Items.Count; i++)
        {
            var block = plannedStatements.Items[i];
            if (block.Kind != ValueKind.Map)
            {
                statements.Add(block);
                continue;
            }
            var fields = new Dictionary<string, Value>(block.Fields, StringComparer.Ordinal);
            foreach (var (argument, value) in block.Fields)
            {
                if (value.IsUnknown && value.Expression is null && configuredStatements.Items[i].Get(argument) is { IsUnknown: true, Expression: not null } written)
                {
                    fields[argument] = written;
                    changed = true;
                }
            }
            statements.Add(Value.Map(fields));
        }
        if (!changed) return planned;
        var body = new Dictionary<string, Value>(planned.Fields, StringComparer.Ordinal) { ["statement"] = Value.List(statements) };
        return Value.Map(body);
    }

    private PolicyParseResult Build(Value body, string name, Resource user, int depth)
    {
        var statements = body.Get("statement");
        if (statements.IsUnknown)
        {
            return PolicyParseResult.Failed($"the statements of {name} are known only after apply ({statements.Expression?.Describe() ?? "computed"})");
        }
        var document = PolicyBlocks.Statements(statements, name, TableReference);
        return PolicyParseResult.Ok(WithExtraDocuments(document, body, name, user, depth));
    }

    /// <summary>
    /// A document's resources known only after apply that are tables' ARNs (<c>Resource = aws_dynamodb_table.orders.arn</c>
    /// in a <c>jsonencode</c>) become those tables, as in a data source's statements: scoped, never a wildcard.
    /// </summary>
    private PolicyDocument WithTableResources(PolicyDocument document, string module)
    {
        var statements = document.Statements.Select(s =>
        {
            if (s.Resource is not { HasUnknown: true, Referenced.Count: > 0 } element) return s;
            var tables = element.Referenced
                .Select(v => v.References.Count == 0 ? null : TableReference(Value.Unknown(new Expression(module, v.References) { Skeleton = v.Skeleton })))
                .ToList();
            return tables.All(t => t is not null) ? s with { Resource = new PolicyElement(element.Values) { TableReferences = [.. tables!] } } : s;
        }).ToList();
        return document with { Statements = statements };
    }

    private static readonly HashSet<string> TableTypes = new(StringComparer.Ordinal) { "aws_dynamodb_table", "aws_dynamodb_global_table", "aws_dynamodb_table_replica" };

    /// <summary>
    /// The expression of a value known only after apply when it is made only of the ARNs of tables
    /// (<c>aws_dynamodb_table.orders.arn</c>, <c>"${aws_dynamodb_table.orders.arn}/index/*"</c>, a module output
    /// that is one, an instance picked by <c>each.key</c>): a specific table, never every table. Else null.
    /// </summary>
    private string? TableReference(Value v)
    {
        // Text made from a table's ARN (dirname(aws_dynamodb_table.t.arn), "${replace(...)}/*") may be any ARN, table/* included.
        if (v.Expression is not { References.Count: > 0, Derived: false } expression) return null;
        var named = false;
        foreach (var reference in expression.References)
        {
            if (reference is "each.key" or "count.index") continue;
            var origin = _resolver.Resolve(new Expression(expression.Module, [reference]));
            // A managed table, or one looked up by name (data.aws_dynamodb_table): one table either way.
            if (origin is ResourceOrigin r && TableTypes.Contains(r.Type)
                && ReferenceResolver.SplitTraversal(r.Reference) is var steps && (steps.Count == 2 || steps[2] is "arn" or "stream_arn"))
            {
                named = true;
                continue;
            }
            if (reference.StartsWith("module.", StringComparison.Ordinal) && ReferenceResolver.AccompaniesAnother(reference, expression.References)) continue;
            return null;
        }
        if (!named) return null;
        // A template with one such part is shown as written ("${aws_dynamodb_table.orders.arn}/index/*").
        var marker = expression.Skeleton?.IndexOf(Expression.UnknownMarker, StringComparison.Ordinal) ?? -1;
        return marker >= 0 && expression.Skeleton!.IndexOf(Expression.UnknownMarker, marker + 1, StringComparison.Ordinal) < 0
            ? $"\"{expression.Skeleton.Replace(Expression.UnknownMarker, "${" + expression.References[0] + "}", StringComparison.Ordinal)}\""
            : expression.Describe();
    }

    /// <summary>Adds <c>source_policy_documents</c>/<c>override_policy_documents</c> (and the older <c>*_json</c>).</summary>
    /// <summary>
    /// The document as the provider renders it with its other documents: the source documents'
    /// statements first; then its own statements and, in order, the override documents' statements,
    /// each replacing the statement of the same non-blank Sid or else appended. A document given as
    /// another <c>aws_iam_policy_document</c>'s <c>json</c> (known only after apply) is built from that one.
    /// </summary>
    private PolicyDocument WithExtraDocuments(PolicyDocument document, Value body, string name, Resource user, int depth)
    {
        var incomplete = document.Incomplete;
        var merged = new List<PolicyStatement>();
        foreach (var argument in SourceArguments) merged.AddRange(Documents(argument));
        foreach (var s in document.Statements) Merge(merged, s);
        foreach (var argument in OverrideArguments)
        {
            foreach (var s in Documents(argument)) Merge(merged, s);
        }
        return new PolicyDocument(merged.Select((s, i) => s.Index == i ? s : s with { Index = i }).ToList(), incomplete);

        IEnumerable<PolicyStatement> Documents(string argument)
        {
            var v = body.Get(argument);
            var items = v.Kind == ValueKind.List ? v.Items : new[] { v };
            var statements = new List<PolicyStatement>();
            foreach (var t in items)
            {
                if (t.IsNull) continue;
                if (t.IsUnknown || t.AsString() is not { } text)
                {
                    if (Chained(t, user, depth) is { } chained) statements.AddRange(chained.Statements);
                    else incomplete ??= $"{name}.{argument} is known only after apply ({t.Expression?.Describe() ?? "computed"})";
                    continue;
                }
                if (string.IsNullOrWhiteSpace(text)) continue;
                var parsed = PolicyDocumentParser.Parse(text);
                if (parsed.Document is { } extra) statements.AddRange(extra.Statements);
                else incomplete ??= $"{name}.{argument} {parsed.Error}";
            }
            return statements;
        }
    }

    private static readonly string[] SourceArguments = ["source_json", "source_policy_documents"];
    private static readonly string[] OverrideArguments = ["override_json", "override_policy_documents"];

    /// <summary>A statement with a non-blank Sid replaces the one of the same Sid (in its place); any other is appended.</summary>
    private static void Merge(List<PolicyStatement> merged, PolicyStatement statement)
    {
        var at = string.IsNullOrEmpty(statement.Sid) ? -1 : merged.FindIndex(s => string.Equals(s.Sid, statement.Sid, StringComparison.Ordinal));
        if (at >= 0) merged[at] = statement;
        else merged.Add(statement);
    }

    /// <summary>Another <c>aws_iam_policy_document</c>'s <c>json</c> used as a source or override document, built as that one is; null when it is not one or cannot be built.</summary>
    private PolicyDocument? Chained(Value json, Resource user, int depth)
    {
        if (depth >= MaxChain || json.Expression is not { } expression) return null;
        if (_resolver.Resolve(expression) is not ResourceOrigin { Mode: ResourceMode.Data, Type: PolicyDocumentType } origin) return null;
        var lookup = FromDataSource(origin, user, origin.Address, depth + 1);
        return lookup.Kind == PolicyLookupKind.Found && lookup.Alternatives.Count == 1 && lookup.Alternatives[0].Incomplete is null ? lookup.Alternatives[0] : null;
    }

    /// <summary>How many documents deep source and override documents are followed (a cycle is Terraform's error).</summary>
    private const int MaxChain = 8;

    private static IReadOnlyList<Resource> Pick(IReadOnlyList<Resource> instances, Resource user)
    {
        if (instances.Count <= 1) return instances;
        var module = user.Address.Module;
        var scoped = instances.Where(i => i.Address.Module.Length == 0 || module == i.Address.Module ||
                                          module.StartsWith(i.Address.Module + ".", StringComparison.Ordinal)).ToList();
        if (scoped.Count == 0) scoped = instances.ToList();
        if (scoped.Count > 1 && user.Address.Key is { } key)
        {
            var same = scoped.Where(i => i.Address.Key == key).ToList();
            if (same.Count == 1) return same;
        }
        return scoped;
    }
}
