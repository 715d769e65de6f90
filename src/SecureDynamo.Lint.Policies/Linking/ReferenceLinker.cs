using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Policies.Linking;

/// <summary>
/// Finds the resource instances an argument refers to through configuration, following module
/// variables and outputs with <see cref="ReferenceResolver"/>, and picking the instance of a
/// count/for_each resource by its literal key or by the referring resource's own key.
/// </summary>
public sealed class ReferenceLinker
{
    private readonly ReferenceResolver _resolver;

    // Not shared between threads: each policy evaluation makes its own linker.
    private readonly Dictionary<Expression, IReadOnlyCollection<(Origin Origin, List<string> References)>> _origins = new(ReferenceEqualityComparer.Instance);

    // The last module-instance lookup: the resources of one module instance come one after another and
    // refer to the same blocks (a table's read and write targets), while the graph's lookup hashes the
    // long module and address strings on every call (and a map keyed by them here would too). Keyed by
    // the block's instance list, which the graph shares: each referring block resolves its own origin.
    private IReadOnlyList<Resource>? _lastInstances;
    private string? _lastModuleInstance;
    private IReadOnlyList<Resource> _lastInModuleInstance = Array.Empty<Resource>();

    public ReferenceLinker(ReferenceResolver resolver) => _resolver = resolver;

    /// <summary>Instances of managed resource type <paramref name="type"/> that <paramref name="source"/>'s <paramref name="path"/> refers to.</summary>
    public ReferenceLink Link(Resource source, AttributePath path, string type)
    {
        var expr = source.ExpressionAt(path);
        if (expr is null || expr.References.Count == 0) return ReferenceLink.None;
        // Terraform source: a list whose items carry what each was computed from ([module.t.arns["orders"]] is the table
        // of instance "orders") names its resources more precisely than the configuration's references (module.t.arns).
        if (source.Get(path) is { Kind: ValueKind.List } list && FromItems(source, list, type) is { } items) return items;
        // Terraform source: an argument made only of iterators (each.value.resource_id under for_each = aws_x.y) is
        // what its value says it was computed from (aws_x.y["a"].resource_id), which the configuration cannot follow.
        if (expr.References.All(IsIterator) && source.Get(path).Expression is { References.Count: > 0 } carried && !carried.References.Any(IsIterator))
        {
            expr = carried;
        }
        var selectsByOwnKey = expr.References.Any(IsIterator);
        // Usually one resource block: its instances are the answer as they are (no copy, no de-duplication).
        IReadOnlyList<Resource>? single = null;
        List<Resource>? found = null;
        HashSet<Resource>? seen = null;
        var exact = true;
        string? unresolved = null;
        foreach (var group in Origins(expr))
        {
            switch (group.Origin)
            {
                case UnresolvedOrigin u:
                    unresolved ??= u.Why;
                    continue;
                case ResourceOrigin { Mode: ResourceMode.Managed } r when r.Type == type:
                    var (instances, narrowed) = Select(source, r, group.References, selectsByOwnKey);
                    exact &= narrowed;
                    if (single is null && found is null)
                    {
                        single = instances;
                        continue;
                    }
                    if (found is null)
                    {
                        found = new List<Resource>(single!);
                        seen = new HashSet<Resource>(found);
                    }
                    foreach (var i in instances) if (seen!.Add(i)) found.Add(i);
                    continue;
                default:
                    continue;
            }
        }
        return new ReferenceLink(found ?? single ?? Array.Empty<Resource>(), exact, unresolved);
    }

    /// <summary>
    /// The resources of <paramref name="type"/> the unknown items of <paramref name="list"/> are computed from, when each
    /// item carries its references and every one resolves (items of other types name none); null otherwise.
    /// </summary>
    private ReferenceLink? FromItems(Resource source, Value list, string type)
    {
        List<Resource>? found = null;
        var exact = true;
        foreach (var item in list.Items)
        {
            if (item.IsKnown) continue;
            if (item.Expression is not { References.Count: > 0 } carried || carried.References.Any(IsIterator)) return null;
            // Read through module outputs and variables (module.platform.table_arns["orders"]): where the value was
            // computed, in the module instance of the resource it is an attribute of, names it best.
            var computed = carried;
            while (computed.Passed is { } passed) computed = passed;
            if (computed.ModuleInstance is not null && computed.References.Count > 0 && !computed.References.Any(IsIterator)) carried = computed;
            foreach (var group in Origins(carried))
            {
                switch (group.Origin)
                {
                    case ResourceOrigin { Mode: ResourceMode.Managed } r when r.Type == type:
                        var (instances, narrowed) = Select(source, r, group.References, false);
                        // The module instance the item was computed in (module.t["orders"]) picks among the instances of every module instance.
                        if (carried.ModuleInstance is { } computedIn && !narrowed && instances.Where(i => i.Address.Module == computedIn).ToList() is { Count: > 0 } inInstance)
                        {
                            instances = inInstance;
                            narrowed = inInstance.Count == 1;
                        }
                        exact &= narrowed;
                        found ??= new List<Resource>();
                        foreach (var i in instances) if (!found.Contains(i)) found.Add(i);
                        break;
                    case ResourceOrigin:
                        break;
                    default:
                        return null;
                }
            }
        }
        return found is null ? null : new ReferenceLink(found, exact, null);
    }

    /// <summary>
    /// Resolves each reference on its own, grouping the references that name the same resource block;
    /// once per expression object (every instance of a resource block shares its configuration's).
    /// </summary>
    private IReadOnlyCollection<(Origin Origin, List<string> References)> Origins(Expression expr)
    {
        if (!_origins.TryGetValue(expr, out var found)) _origins[expr] = found = ResolveOrigins(expr);
        return found;
    }

    private IReadOnlyCollection<(Origin Origin, List<string> References)> ResolveOrigins(Expression expr)
    {
        var groups = new Dictionary<string, (Origin Origin, List<string> References)>(StringComparer.Ordinal);
        foreach (var reference in expr.References)
        {
            var head = ReferenceResolver.SplitTraversal(reference);
            if (head.Count == 0 || head[0] is "each" or "count" or "path" or "terraform" or "self") continue;
            // "module.m" and "module.m[\"k\"]" accompany "module.m[\"k\"].out" in reference lists: the output names the target.
            if (head[0] == "module" && head.Count < 3 && ReferenceResolver.AccompaniesAnother(reference, expr.References)) continue;
            var origin = _resolver.Resolve(new Expression(expr.Module, new[] { reference }) { Passed = expr.Passed });
            var key = origin switch
            {
                // module.m["a"].out and module.m["b"].out name the same block in different module instances.
                ResourceOrigin r => r.Steps.Count == 0 ? $"{r.ModulePath}|{r.Address}" : $"{r.ModulePath}|{r.Address}|{string.Join(',', r.Steps)}",
                UnresolvedOrigin u => "?" + u.Why,
                ConstantOrigin c => "=" + c.Reference,
                _ => reference,
            };
            if (!groups.TryGetValue(key, out var g)) groups[key] = g = (origin, new List<string>());
            g.References.Add(reference);
        }
        return groups.Values;
    }

    private (IReadOnlyList<Resource> Instances, bool Narrowed) Select(Resource source, ResourceOrigin origin, List<string> references, bool selectsByOwnKey)
    {
        // Written directly in the same module: the reference stays inside the same module instance.
        var direct = origin.ModulePath == source.Address.ModulePath && AnyStartsWith(references, origin.Address);
        if (!direct && origin.Steps.Count > 0 && origin.InstanceFrom(source.Address.Module) is { } moduleInstance)
        {
            // Through module variables and outputs: the module instance the steps lead to from the referrer's
            // (module.t["a"].arn is the table of instance "a" only), then the instance key written there.
            var reached = InModuleInstance(origin, moduleInstance);
            if (reached.Count > 0)
            {
                if (reached.Count == 1) return (reached, true);
                var key = LiteralKey(origin.Reference, origin.Address);
                return key is null ? (reached, false) : (reached.Where(c => c.Address.Key == key).ToList(), true);
            }
            // No such instance in the input (a partial configuration): every instance, as before steps were known.
        }
        IReadOnlyList<Resource> candidates = direct
            ? InModuleInstance(origin, source.Address.Module)
            : origin.Instances.Where(i => i.Mode == ResourceMode.Managed).ToList();
        if (candidates.Count <= 1) return (candidates, true);

        if (direct)
        {
            // The instances named by a literal key (aws_dynamodb_table.t["a"]); several keys (an index known only
            // after apply, carried as every instance it may be) name several, none of them for sure.
            HashSet<string>? keys = null;
            foreach (var reference in references)
            {
                if (LiteralKey(reference, origin.Address) is { } key) (keys ??= new HashSet<string>(StringComparer.Ordinal)).Add(key);
            }
            if (keys is not null)
            {
                var named = candidates.Where(c => c.Address.Key is { } k && keys.Contains(k)).ToList();
                return (named, keys.Count == 1);
            }
            if (selectsByOwnKey && source.Address.Key is not null)
            {
                // for_each over the same keys (or count over the same length): the instance with the referrer's key.
                var same = candidates.Where(c => c.Address.Key == source.Address.Key).ToList();
                if (same.Count == 1) return (same, true);
            }
        }
        return (candidates, false);
    }

    /// <summary><see cref="ResourceGraph.InModuleInstance"/> of the origin's instances, not looked up again for the same instances and module instance as the last call.</summary>
    private IReadOnlyList<Resource> InModuleInstance(ResourceOrigin origin, string moduleInstance)
    {
        if (ReferenceEquals(origin.Instances, _lastInstances) && string.Equals(moduleInstance, _lastModuleInstance, StringComparison.Ordinal)) return _lastInModuleInstance;
        _lastInModuleInstance = _resolver.Graph.InModuleInstance(origin.Instances, moduleInstance);
        _lastInstances = origin.Instances;
        _lastModuleInstance = moduleInstance;
        return _lastInModuleInstance;
    }

    // A loop, not Any with a lambda: the lambda would capture the address, a closure for every link.
    private static bool AnyStartsWith(List<string> references, string prefix)
    {
        foreach (var r in references) if (r.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>The literal instance key of <c>aws_x.y["k"].attr</c> as Terraform prints it (<c>["k"]</c>), or null.</summary>
    public static string? LiteralKey(string reference, string configAddress) =>
        reference.StartsWith(configAddress, StringComparison.Ordinal) ? ReferenceResolver.LiteralKeyAt(reference, configAddress.Length) : null;

    private static bool IsIterator(string reference) => reference.StartsWith("each.", StringComparison.Ordinal) || reference.StartsWith("count.", StringComparison.Ordinal);
}
