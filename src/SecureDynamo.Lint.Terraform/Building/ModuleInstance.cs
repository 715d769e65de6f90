using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Terraform.Evaluation;
using SecureDynamo.Lint.Terraform.Loading;
using CoreExpression = SecureDynamo.Lint.Core.Values.Expression;

namespace SecureDynamo.Lint.Terraform.Building;

/// <summary>
/// One instance of a module (the root, <c>module.t["orders"]</c>, ...): its variables, locals and
/// module calls, evaluated lazily so that any order of definition works and cycles are named.
/// </summary>
internal sealed class ModuleInstance : IModuleScope
{
    private static readonly HashSet<string> CallMetaArguments = new(StringComparer.Ordinal) { "source", "version", "count", "for_each", "providers", "depends_on" };

    private readonly ReadContext _context;
    private readonly IReadOnlyDictionary<string, Func<Value>> _arguments;

    /// <summary>The directories of this module and of every module that calls it, down from the root: a call back into one of them never ends.</summary>
    private readonly HashSet<string> _lineage;
    private readonly Dictionary<string, LazyValue> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LazyValue> _locals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LazyValue> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LazyValue> _outputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LazyValue> _configured = new(StringComparer.Ordinal);
    private readonly Dictionary<Block, (IReadOnlyList<InstanceKey> Keys, Value Value)?> _expanded = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, IReadOnlyList<(InstanceKey Key, ModuleInstance Instance)>> _children = new(StringComparer.Ordinal);

    public ModuleInstance(
        ReadContext context,
        ModuleDefinition definition,
        string modulePath,
        string instancePath,
        string manifestKey,
        IReadOnlyDictionary<string, Func<Value>> arguments,
        IReadOnlyDictionary<string, string> providers,
        IReadOnlySet<string>? callers = null)
    {
        _context = context;
        _arguments = arguments;
        if (modulePath.Length == 0) context.Root ??= this;
        Definition = definition;
        _lineage = new HashSet<string>(callers ?? new HashSet<string>(), StringComparer.Ordinal) { Path.TrimEndingDirectorySeparator(definition.DirectoryOnDisk) };
        ModulePath = modulePath;
        InstancePath = instancePath;
        ManifestKey = manifestKey;
        Providers = providers;
        Evaluator = new ExpressionEvaluator(this);
        References = new ReferenceCollector(definition.Locals);
        foreach (var (name, block) in definition.Variables)
        {
            _variables[name] = new LazyValue(Qualified("var." + name), context.Stack, () => VariableValue(name, block, arguments), block.Range);
        }
        foreach (var (name, attribute) in definition.Locals)
        {
            _locals[name] = new LazyValue(Qualified("local." + name), context.Stack, () => Guarded(attribute.Expression, Bindings.Empty), attribute.Range);
        }
        foreach (var (name, block) in definition.Outputs)
        {
            var value = block.Body.Attributes.FirstOrDefault(a => a.Name == "value");
            var sensitive = block.Body.Attributes.FirstOrDefault(a => a.Name == "sensitive");
            _outputs[name] = new LazyValue(Qualified("output." + name), context.Stack, () =>
            {
                if (value is null) return Value.Null;
                var v = Guarded(value.Expression, Bindings.Empty);
                return sensitive is not null && Guarded(sensitive.Expression, Bindings.Empty).AsBool() == true ? v.WithSensitive() : v;
            }, block.Range);
        }
        foreach (var name in definition.Calls.Keys)
        {
            _calls[name] = new LazyValue(Qualified("module." + name), context.Stack, () => CallValue(name));
        }
    }

    public ModuleDefinition Definition { get; }
    public string ModulePath { get; }
    public string InstancePath { get; }
    public string ManifestKey { get; }

    /// <summary>Local provider name (<c>aws</c>, <c>aws.west</c>) → the provider configuration key it uses.</summary>
    public IReadOnlyDictionary<string, string> Providers { get; }

    public ExpressionEvaluator Evaluator { get; }
    public ReferenceCollector References { get; }
    public string ModuleDirectory => Definition.Directory;

    public string Workspace => _context.Workspace;
    public string RootDirectoryOnDisk => _context.RootOnDisk;

    /// <summary>Root module variable values (after defaults, tfvars and --var), evaluated.</summary>
    /// <summary>
    /// The values of the variables the input gives one (an argument, tfvars or --var, or a default), even where a part
    /// of it is unknown (an undefined name in a tfvars file): such a value is no value, never the default.
    /// </summary>
    public IReadOnlyDictionary<string, Value> GivenVariableValues() =>
        _variables.Where(p => _arguments.ContainsKey(p.Key) || Definition.Variables[p.Key].Body.Attributes.Any(a => a.Name == "default"))
            .ToDictionary(p => p.Key, p => p.Value.Get(), StringComparer.Ordinal);

    public Value Variable(string name, SourceRange range)
    {
        if (_variables.TryGetValue(name, out var v)) return v.Get();
        Warn($"reference to undeclared input variable \"{name}\"", range);
        return Value.Unknown(new CoreExpression(ModulePath, new[] { "var." + name }, null, "var." + name));
    }

    public Value Local(string name, SourceRange range)
    {
        if (_locals.TryGetValue(name, out var v)) return v.Get();
        Warn($"reference to undeclared local value \"{name}\"", range);
        return Value.Unknown(new CoreExpression(ModulePath, new[] { "local." + name }, null, "local." + name));
    }

    public Value ModuleCall(string name, SourceRange range)
    {
        if (_calls.TryGetValue(name, out var v)) return v.Get();
        Warn($"reference to undeclared module \"{name}\"", range);
        return Value.Unknown(new CoreExpression(ModulePath, new[] { "module." + name }, null, "module." + name));
    }

    public Block? ManagedResource(string type, string name) =>
        Definition.Resources.FirstOrDefault(b => b.Type == "resource" && b.Labels[0] == type && b.Labels[1] == name);

    /// <summary>Resource <c>type.name</c> of this module; a data source's <paramref name="type"/> is written <c>data.TYPE</c>.</summary>
    private Block? Declared(string type, string name) =>
        type.StartsWith(DataPrefix, StringComparison.Ordinal)
            ? Definition.Resources.FirstOrDefault(b => b.Type == "data" && b.Labels[0].AsSpan().SequenceEqual(type.AsSpan(DataPrefix.Length)) && b.Labels[1] == name)
            : ManagedResource(type, name);

    private const string DataPrefix = "data.";

    public Value? Resource(string type, string name) => Declared(type, name) is { } block ? Expanded(block)?.Value : null;

    public Value? ConfiguredAttribute(string module, string type, string name, string? key, string attribute)
    {
        if (module != ModulePath)
        {
            // A root resource passed whole into a module (tables = aws_dynamodb_table.t): the root has one instance, which knows it.
            return module.Length == 0 && _context.Root is { } root && !ReferenceEquals(root, this) ? root.ConfiguredAttribute(module, type, name, key, attribute) : null;
        }
        if (Declared(type, name) is not { } block || BodyEvaluator.MetaArguments.Contains(attribute)) return null;
        var argument = block.Body.Attributes.FirstOrDefault(a => a.Name == attribute);
        if (argument is null) return null;
        var instance = Expanded(block)?.Keys.FirstOrDefault(k => k.Text == key);
        if (instance is null) return null;
        var qualified = $"{Qualified(type)}.{name}{key}.{attribute}";
        if (!_configured.TryGetValue(qualified, out var lazy))
        {
            _configured[qualified] = lazy = new LazyValue(qualified, _context.Stack, () => Guarded(argument.Expression, instance.Bindings), argument.Range);
        }
        Value value;
        try
        {
            value = lazy.Get();
        }
        catch (CycleException)
        {
            // An argument that depends on itself through this resource: Terraform refuses the cycle; here it stays unknown.
            return null;
        }
        return value.ContainsUnknown() ? null : value;
    }

    /// <summary>
    /// The instances of resource <paramref name="block"/> when its count or for_each is known here, expanded once, and
    /// its value (<see cref="Resource"/>); null otherwise, and while expanding (a count or for_each that reads its own
    /// resource is a cycle Terraform rejects).
    /// </summary>
    private (IReadOnlyList<InstanceKey> Keys, Value Value)? Expanded(Block block)
    {
        if (_expanded.TryGetValue(block, out var expanded)) return expanded;
        _expanded[block] = null;
        var resource = ModuleDefinition.AddressOf(block);
        IReadOnlyList<InstanceKey> keys;
        try
        {
            // The same expansion (and warnings, which are reported once) as the graph's for this resource.
            keys = InstanceExpander.Expand(block, Evaluator, resource);
        }
        catch (Exception e) when (e is EvaluationError or UnknownEncountered or CycleException)
        {
            // Reported where the resource itself is expanded.
            return null;
        }
        var count = block.Body.Attributes.Any(a => a.Name == "count");
        var forEach = block.Body.Attributes.Any(a => a.Name == "for_each");
        // An unknown count or for_each gives one instance without a key: which instances exist is not known.
        if ((count || forEach) && keys.Any(k => k.Text is null)) return null;
        var type = block.Type == "data" ? DataPrefix + block.Labels[0] : block.Labels[0];
        var instances = keys.Select(k => ResourceInstances.Reference(new ResourceInstances.Instance(ModulePath, type, block.Labels[1], k.Text, InstancePath))).ToList();
        var value = count ? Value.List(instances)
            : forEach ? Value.Map(keys.Zip(instances).ToDictionary(p => (string)p.First.Key!, p => p.Second, StringComparer.Ordinal))
            : instances.Single();
        return _expanded[block] = (keys, value);
    }

    public void Warn(string message, SourceRange? range) => _context.Warn(message, range);

    /// <summary>Records that a <c>dynamic</c> block's for_each is unknown here.</summary>
    public void MarkUnknownDynamic(Block dynamic) => _context.UnknownDynamicBlocks.Add(dynamic.Range);

    public bool IsUnknownDynamic(Block dynamic) => _context.UnknownDynamicBlocks.Contains(dynamic.Range);

    /// <summary>Evaluates an expression; a Terraform error becomes a warning and an unknown value carrying the expression's references.</summary>
    public Value Guarded(Hcl.Syntax.Expression e, Bindings bindings)
    {
        try
        {
            return Evaluator.Evaluate(e, bindings);
        }
        catch (EvaluationError error)
        {
            Warn(error.Message + "; the value is treated as unknown", error.Range ?? e.Range);
            return Value.Unknown(new CoreExpression(ModulePath, References.Collect(e), null)).WithRange(e.Range);
        }
        catch (UnknownEncountered)
        {
            return Value.Unknown(new CoreExpression(ModulePath, References.Collect(e), null)).WithRange(e.Range);
        }
    }

    public Value Output(string name) => _outputs.TryGetValue(name, out var o) ? o.Get() : Value.Null;

    /// <summary>The instances of module call <paramref name="name"/>, built once.</summary>
    public IReadOnlyList<(InstanceKey Key, ModuleInstance Instance)> Children(string name)
    {
        if (_children.TryGetValue(name, out var built)) return built;
        var block = Definition.Calls[name];
        var list = new List<(InstanceKey, ModuleInstance)>();
        _children[name] = list;
        var directory = ModuleDirectoryOf(name, block);
        if (directory is null) return list;
        if (_lineage.Contains(Path.TrimEndingDirectorySeparator(directory)))
        {
            // Terraform refuses a module that calls itself, directly or through others: its expansion never ends.
            Warn($"module {name} ({SourceOf(block)}) calls a module it is itself part of (a module that calls itself never ends); it is not analysed", block.Range);
            _context.Unanalysed.Add(CallAddress(name));
            return list;
        }
        var child = _context.Module(directory);
        IReadOnlyList<InstanceKey> keys;
        try
        {
            keys = InstanceExpander.Expand(block, Evaluator, $"module.{name}");
        }
        catch (EvaluationError e)
        {
            Warn(e.Message + "; the module is not analysed", e.Range ?? block.Range);
            _context.Unanalysed.Add(CallAddress(name));
            return list;
        }
        var providers = ChildProviders(block, child);
        foreach (var a in block.Body.Attributes.Where(a => !CallMetaArguments.Contains(a.Name) && !child.Variables.ContainsKey(a.Name)))
        {
            Warn($"module {name} declares no variable \"{a.Name}\" (Terraform rejects this argument); it is ignored", a.Range);
        }
        foreach (var key in keys)
        {
            var arguments = new Dictionary<string, Func<Value>>(StringComparer.Ordinal);
            foreach (var a in block.Body.Attributes.Where(a => !CallMetaArguments.Contains(a.Name)))
            {
                var lazy = new LazyValue($"{InstancePathPrefix}module.{name}{key.Text}.var.{a.Name}", _context.Stack, () => Guarded(a.Expression, key.Bindings), a.Range);
                arguments[a.Name] = lazy.Get;
            }
            var modulePath = ModulePath.Length == 0 ? $"module.{name}" : $"{ModulePath}.module.{name}";
            var instancePath = $"{InstancePathPrefix}module.{name}{key.Text}";
            var manifestKey = ManifestKey.Length == 0 ? name : $"{ManifestKey}.{name}";
            list.Add((key, new ModuleInstance(_context, child, modulePath, instancePath, manifestKey, arguments, providers, _lineage)));
        }
        return list;
    }

    /// <summary>The source of a module call, as written.</summary>
    public static string? SourceOf(Block call) =>
        call.Body.Attributes.FirstOrDefault(a => a.Name == "source")?.Expression is TemplateExpr { Parts: [LiteralValue { Value: Hcl.Values.HclString s }] } ? s.Value : null;

    private string? ModuleDirectoryOf(string name, Block block)
    {
        var source = SourceOf(block);
        if (source is null)
        {
            Warn($"module {name} has no literal source; it is not analysed", block.Range);
            _context.Unanalysed.Add(CallAddress(name));
            return null;
        }
        if (source.StartsWith("./", StringComparison.Ordinal) || source.StartsWith("../", StringComparison.Ordinal))
        {
            if (source.Contains('\0'))
            {
                Warn($"module {name} not analysed: its source holds a NUL character, which no path can", block.Range);
                _context.Unanalysed.Add(CallAddress(name));
                return null;
            }
            // "./" names this module's own directory: compared without the trailing separator.
            var dir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(Definition.DirectoryOnDisk, source)));
            if (Directory.Exists(dir)) return dir;
            // Terraform refuses such a configuration (terraform init: "Unreadable module directory"); skipping the
            // call would pass every check of the resources it was meant to create.
            throw new InputException(block.Range.File, $"module {name}: source \"{source}\" is not a directory; Terraform cannot load this configuration",
                block.Range.Start.Line, block.Range.Start.Column);
        }
        var key = ManifestKey.Length == 0 ? name : $"{ManifestKey}.{name}";
        var installed = _context.Manifest.DirectoryOf(key);
        if (installed is not null && _context.Manifest.InstalledFromElsewhere(key, source) is { } stale)
        {
            // Terraform refuses to plan ("Module source has changed"): the installed copy is not the code that will be applied.
            Warn($"module {name} ({source}) not analysed: .terraform/modules holds it from {stale}; run terraform init", block.Range);
            _context.Unanalysed.Add(CallAddress(name));
            return null;
        }
        if (installed is not null) return installed;
        Warn($"module {name} ({source}) not analysed: run terraform init", block.Range);
        _context.Unanalysed.Add(CallAddress(name));
        return null;
    }

    private string CallAddress(string name) => ModulePath.Length == 0 ? $"module.{name}" : $"{ModulePath}.module.{name}";

    private Dictionary<string, string> ChildProviders(Block call, ModuleDefinition child)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var childPath = ModulePath.Length == 0 ? $"module.{call.Labels[0]}" : $"{ModulePath}.module.{call.Labels[0]}";
        // A call without providers = {...} passes this module's default (unaliased) configurations down: the
        // child's "aws" is whatever "aws" is here (aws.west when this module was called with aws = aws.west).
        foreach (var (local, key) in Providers)
        {
            if (!local.Contains('.')) map[local] = key;
        }
        foreach (var p in child.Providers)
        {
            var alias = ProviderAlias(p);
            var local = alias is null ? p.Labels[0] : $"{p.Labels[0]}.{alias}";
            map[local] = $"{childPath}:{local}";
        }
        if (call.Body.Attributes.FirstOrDefault(a => a.Name == "providers")?.Expression is ObjectCons o)
        {
            foreach (var item in o.Items)
            {
                var local = TraversalName(item.Key.Wrapped);
                var target = TraversalName(item.Value);
                if (local is not null && target is not null) map[local] = ProviderKey(target);
            }
        }
        return map;
    }

    /// <summary>The provider configuration key a local provider reference (<c>aws</c>, <c>aws.west</c>) uses in this module.</summary>
    public string ProviderKey(string local)
    {
        if (Providers.TryGetValue(local, out var key)) return key;
        return local;
    }

    public static string? ProviderAlias(Block provider) =>
        provider.Body.Attributes.FirstOrDefault(a => a.Name == "alias")?.Expression is TemplateExpr { Parts: [LiteralValue { Value: Hcl.Values.HclString s }] } ? s.Value : null;

    public static string? TraversalName(Hcl.Syntax.Expression e) => e switch
    {
        ScopeTraversal s => TraversalText.Render(s.Traversal),
        ObjectConsKey k => TraversalName(k.Wrapped),
        Parenthesized p => TraversalName(p.Inner),
        TemplateWrap w => TraversalName(w.Wrapped),
        _ => null,
    };

    private string InstancePathPrefix => InstancePath.Length == 0 ? "" : InstancePath + ".";

    private string Qualified(string name) => InstancePathPrefix + name;

    /// <summary>
    /// Warns of each variable whose value fails one of its <c>validation</c> conditions: Terraform would
    /// refuse the value, so what is judged is not what would be applied.
    /// </summary>
    public void CheckValidations()
    {
        foreach (var (name, block) in Definition.Variables)
        {
            foreach (var validation in block.Body.Blocks.Where(b => b.Type == "validation"))
            {
                if (validation.Body.Attributes.FirstOrDefault(a => a.Name == "condition") is not { } condition) continue;
                Value holds;
                try { holds = Evaluator.Evaluate(condition.Expression, Bindings.Empty); }
                catch (Exception e) when (e is EvaluationError or UnknownEncountered or CycleException) { continue; }
                if (!holds.IsKnown || holds.AsBool() != false) continue;
                var message = validation.Body.Attributes.FirstOrDefault(a => a.Name == "error_message") is { } m
                    && Guarded(m.Expression, Bindings.Empty) is { IsKnown: true } text && text.AsString() is { } said ? $" (\"{said}\")" : "";
                Warn($"var.{name}{(InstancePath.Length == 0 ? "" : $" of {InstancePath}")} fails its validation{message}; Terraform would refuse this value", condition.Expression.Range);
            }
        }
    }

    private Value VariableValue(string name, Block block, IReadOnlyDictionary<string, Func<Value>> arguments)
    {
        var sensitive = block.Body.Attributes.FirstOrDefault(a => a.Name == "sensitive") is { } s && Guarded(s.Expression, Bindings.Empty).AsBool() == true;
        var fallback = block.Body.Attributes.FirstOrDefault(a => a.Name == "default");
        Value value;
        if (arguments.TryGetValue(name, out var argument)) value = argument();
        else if (fallback is not null) value = Guarded(fallback.Expression, Bindings.Empty);
        else
        {
            Warn($"variable \"{name}\" has no value (no default, tfvars or --var); it is treated as unknown", block.Range);
            value = Value.Unknown(new CoreExpression(ModulePath, new[] { "var." + name }, null, "var." + name));
        }
        if (value.IsNull && fallback is not null && block.Body.Attributes.FirstOrDefault(a => a.Name == "nullable") is { } nullable
            && Guarded(nullable.Expression, Bindings.Empty).AsBool() == false)
        {
            value = Guarded(fallback.Expression, Bindings.Empty);
        }
        value = Typed(name, block, value);
        return sensitive ? value.WithSensitive() : value;
    }

    /// <summary>The value converted to the variable's declared type, as Terraform hands it to the module (absent optional attributes become null or their default).</summary>
    private Value Typed(string name, Block block, Value value)
    {
        var typeExpression = block.Body.Attributes.FirstOrDefault(a => a.Name == "type")?.Expression;
        if (typeExpression is null) return value;
        if (typeExpression is TemplateExpr { Parts: [LiteralValue { Value: Hcl.Values.HclString text }] })
        {
            var parsed = Hcl.HclParser.ParseExpression(block.Range.File, System.Text.Encoding.UTF8.GetBytes(text.Value));
            if (parsed.HasErrors) return value;
            typeExpression = parsed.Expression;
        }
        TypeConstraint type;
        try
        {
            type = TypeConstraint.Parse(typeExpression, Evaluator);
        }
        catch (EvaluationError error)
        {
            Warn($"variable \"{name}\": {error.Message}; its value is used as given", error.Range ?? typeExpression.Range);
            return value;
        }
        catch (UnknownEncountered)
        {
            return value;
        }
        try
        {
            return TypeConversion.Convert(value, type);
        }
        catch (EvaluationError error)
        {
            Warn($"variable \"{name}\": {error.Message}; the value is treated as unknown", value.Range ?? block.Range);
            // Terraform refuses the value: it is no value at all, never the default (which the reference resolver would find).
            return Value.Unknown(new CoreExpression(ModulePath, new[] { "var." + name }, null, $"var.{name}, whose value Terraform refuses: {error.Message}") { Refused = true });
        }
    }

    private Value CallValue(string name)
    {
        var block = Definition.Calls[name];
        var children = Children(name);
        var unknownRef = new CoreExpression(ModulePath, new[] { "module." + name }, null, "module." + name);
        if (children.Count == 0 && ModuleDirectoryOf(name, block) is null) return Value.Unknown(unknownRef);
        Value Outputs(ModuleInstance m) => Value.Map(m.Definition.Outputs.Keys.ToDictionary(o => o, m.Output, StringComparer.Ordinal));
        var hasCount = block.Body.Attributes.Any(a => a.Name == "count");
        var hasForEach = block.Body.Attributes.Any(a => a.Name == "for_each");
        if (!hasCount && !hasForEach) return children.Count == 1 ? Outputs(children[0].Instance) : Value.Unknown(unknownRef);
        if (children.Count == 1 && children[0].Key.Text is null) return Value.Unknown(unknownRef);
        if (hasCount) return Value.List(children.Select(c => Outputs(c.Instance)).ToList());
        return Value.Map(children.ToDictionary(c => (string)c.Key.Key!, c => Outputs(c.Instance), StringComparer.Ordinal));
    }
}
