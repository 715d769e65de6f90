using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Terraform.Evaluation;
using SecureDynamo.Lint.Terraform.Loading;
using CoreExpression = SecureDynamo.Lint.Core.Values.Expression;
using HclExpression = SecureDynamo.Lint.Hcl.Syntax.Expression;

namespace SecureDynamo.Lint.Terraform.Building;

/// <summary>
/// Builds the configuration side of the graph (what a plan's <c>configuration</c> holds): per
/// module, resource bodies as expressions with references, module calls with their arguments,
/// variable defaults and outputs.
/// </summary>
internal sealed class ConfigBuilder
{
    private readonly ModuleDefinition _definition;
    private readonly string _module;
    private readonly ModuleInstance? _scope;
    private readonly ReferenceCollector _references;

    public ConfigBuilder(ModuleDefinition definition, string module, ModuleInstance? scope)
    {
        _definition = definition;
        _module = module;
        _scope = scope;
        _references = new ReferenceCollector(definition.Locals);
    }

    public CoreExpression Expression(HclExpression e)
    {
        var refs = _references.Collect(e);
        Value? constant = null;
        if (refs.Count == 0 && _scope is not null)
        {
            try
            {
                var v = _scope.Evaluator.Evaluate(e, Bindings.Empty);
                if (!v.ContainsUnknown()) constant = v;
            }
            catch (EvaluationError)
            {
                // Not a constant Terraform would accept: leave it without one.
            }
            catch (CycleException)
            {
                // Reported where the value itself is evaluated.
            }
        }
        return new CoreExpression(_module, refs, constant, _definition.TextOf(e.Range));
    }

    private static readonly IReadOnlyDictionary<string, HclExpression> NoIterators = new Dictionary<string, HclExpression>(StringComparer.Ordinal);

    // Shared by the bodies without nested blocks (read-only).
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<ConfigBody>> NoBlocks = new Dictionary<string, IReadOnlyList<ConfigBody>>(StringComparer.Ordinal);

    public ConfigBody Body(Body body, bool topLevel) => Body(body, topLevel, null, NoIterators);

    /// <param name="iterators">The iterators of the dynamic blocks this body is inside, with their for_each: a reference to one is a reference to what its for_each refers to.</param>
    private ConfigBody Body(Body body, bool topLevel, HclExpression? generatedBy, IReadOnlyDictionary<string, HclExpression> iterators)
    {
        var attributes = new Dictionary<string, CoreExpression>(body.Attributes.Count, StringComparer.Ordinal);
        foreach (var a in body.Attributes)
        {
            if (topLevel && BodyEvaluator.MetaArguments.Contains(a.Name)) continue;
            attributes[a.Name] = iterators.Count == 0 && generatedBy is null ? Expression(a.Expression) : Iterated(a.Expression, generatedBy, iterators);
        }
        if (body.Blocks.Count == 0) return new ConfigBody(attributes, NoBlocks);
        var blocks = new Dictionary<string, IReadOnlyList<ConfigBody>>(body.Blocks.Count, StringComparer.Ordinal);
        foreach (var b in body.Blocks)
        {
            if (topLevel && BodyEvaluator.MetaBlocks.Contains(b.Type)) continue;
            if (b.Type == "dynamic" && b.Labels.Count == 1)
            {
                var content = b.Body.Blocks.FirstOrDefault(x => x.Type == "content");
                if (content is null) continue;
                // When its for_each is unknown, whether the block exists depends on it: every argument does.
                var forEachExpression = b.Body.Attributes.FirstOrDefault(a => a.Name == "for_each")?.Expression;
                var forEach = _scope is not null && _scope.IsUnknownDynamic(b) ? forEachExpression : null;
                var inner = new Dictionary<string, HclExpression>(iterators, StringComparer.Ordinal);
                if (forEachExpression is not null) inner[IteratorName(b)] = forEachExpression;
                Add(blocks, b.Labels[0], Body(content.Body, topLevel: false, forEach ?? generatedBy, inner));
                continue;
            }
            Add(blocks, b.Type, Body(b.Body, topLevel: false, generatedBy, iterators));
        }
        return new ConfigBody(attributes, blocks);
    }

    /// <summary>
    /// An expression inside dynamic blocks: iterator references become the references of the iterator's
    /// for_each (followed outwards through enclosing iterators), and <paramref name="generatedBy"/>'s
    /// references are added when the block's existence depends on it.
    /// </summary>
    private CoreExpression Iterated(HclExpression e, HclExpression? generatedBy, IReadOnlyDictionary<string, HclExpression> iterators)
    {
        // The iterator names of one set of dynamic blocks serve all of their expressions.
        if (!ReferenceEquals(_iteratorNamesOf, iterators))
        {
            _iteratorNames = new HashSet<string>(iterators.Keys, StringComparer.Ordinal);
            _iteratorNamesOf = iterators;
        }
        var names = _iteratorNames!;
        var used = new HashSet<string>(StringComparer.Ordinal);
        var refs = _references.Collect(e, names, used);
        List<string>? all = null;
        if (used.Count > 0)
        {
            all = new List<string>(refs);
            var expanded = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Queue<string>(used);
            while (pending.Count > 0)
            {
                var name = pending.Dequeue();
                if (!expanded.Add(name)) continue;
                var more = new HashSet<string>(StringComparer.Ordinal);
                all.AddRange(_references.Collect(iterators[name], names, more));
                foreach (var m in more) pending.Enqueue(m);
            }
        }
        if (generatedBy is not null) (all ??= new List<string>(refs)).AddRange(_references.Collect(generatedBy, names, null));
        // One collection's references are already distinct; several joined are not.
        var distinct = all is null ? refs : all.Distinct(StringComparer.Ordinal).ToList();
        Value? constant = null;
        if (distinct.Count == 0 && used.Count == 0 && generatedBy is null) constant = Expression(e).Constant;
        return new CoreExpression(_module, distinct, constant, _definition.TextOf(e.Range));
    }

    private IReadOnlyDictionary<string, HclExpression>? _iteratorNamesOf;
    private HashSet<string>? _iteratorNames;

    private static string IteratorName(Block dynamic) =>
        dynamic.Body.Attributes.FirstOrDefault(a => a.Name == "iterator") is { } it && ModuleInstance.TraversalName(it.Expression) is { } named ? named : dynamic.Labels[0];

    private static void Add(Dictionary<string, IReadOnlyList<ConfigBody>> blocks, string name, ConfigBody body)
    {
        if (!blocks.TryGetValue(name, out var list)) blocks[name] = list = new List<ConfigBody>();
        ((List<ConfigBody>)list).Add(body);
    }

    public ResourceConfig Resource(Block block, string? providerKey)
    {
        var mode = block.Type == "data" ? ResourceMode.Data : ResourceMode.Managed;
        var count = block.Body.Attributes.FirstOrDefault(a => a.Name == "count");
        var forEach = block.Body.Attributes.FirstOrDefault(a => a.Name == "for_each");
        return new ResourceConfig(ModuleDefinition.AddressOf(block), mode, block.Labels[0], block.Labels[1], providerKey, Body(block.Body, topLevel: true),
            count is null ? null : Expression(count.Expression), forEach is null ? null : Expression(forEach.Expression));
    }

    public IReadOnlyDictionary<string, Value?> VariableDefaults()
    {
        var defaults = new Dictionary<string, Value?>(StringComparer.Ordinal);
        foreach (var (name, block) in _definition.Variables)
        {
            var d = block.Body.Attributes.FirstOrDefault(a => a.Name == "default");
            defaults[name] = d is null ? null : Expression(d.Expression).Constant ?? (d.Expression is LiteralValue { Value: Hcl.Values.HclNull } ? Value.Null : null);
        }
        return defaults;
    }

    public IReadOnlyDictionary<string, CoreExpression> Outputs() =>
        _definition.Outputs
            .Where(o => o.Value.Body.Attributes.Any(a => a.Name == "value"))
            .ToDictionary(o => o.Key, o => Expression(o.Value.Body.Attributes.First(a => a.Name == "value").Expression), StringComparer.Ordinal);

    public IReadOnlyDictionary<string, CoreExpression> CallArguments(Block call) =>
        call.Body.Attributes
            .Where(a => a.Name is not ("source" or "version" or "count" or "for_each" or "providers" or "depends_on"))
            .ToDictionary(a => a.Name, a => Expression(a.Expression), StringComparer.Ordinal);
}
