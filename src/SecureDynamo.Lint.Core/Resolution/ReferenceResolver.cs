using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Core.Resolution;

/// <summary>
/// Resolves configuration expressions to what they refer to, following module variables to the
/// module call's argument in the parent, root variables to their values, and module outputs to
/// their expressions (POLICY-SEMANTICS.md, "Resolving values unknown at plan time").
/// </summary>
public sealed class ReferenceResolver
{
    private const int MaxDepth = 64;
    private readonly ResourceGraph _graph;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Expression, Origin> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Expression Expression, string Module), Origin> _resolvedIn = new(InModule.Comparer);

    public ReferenceResolver(ResourceGraph graph) => _graph = graph;

    /// <summary>The graph references are resolved in.</summary>
    public ResourceGraph Graph => _graph;

    /// <summary>The value at <paramref name="path"/>, with unknowns replaced where configuration decides them.</summary>
    /// <remarks>
    /// Never-set arguments become <see cref="Value.Null"/> (the provider default); constant
    /// expressions become their constant. Other unknowns stay unknown, carrying their expression.
    /// </remarks>
    public Value Effective(Resource resource, AttributePath path)
    {
        var value = resource.Get(path);
        if (value.IsKnown) return value;
        if (resource.Config is null) return value;
        var expr = resource.ExpressionAt(path);
        if (expr is null)
        {
            // Under a block that is written but whose argument is not: the argument was never set. A block the plan
            // holds with arguments set (enabled = true) that the configuration does not write is a dynamic block
            // (left out of a plan's configuration): what its unknown arguments are is not known.
            return resource.Config.Body.WritesBlocksOf(path) || !HoldsSetArguments(resource.Get(path.Parent())) ? Value.Null : value;
        }
        return EffectiveUnknown(value, expr);
    }

    /// <summary>Whether a block of the plan has an argument set (known, not null, not false).</summary>
    private static bool HoldsSetArguments(Value block) =>
        block is { Kind: ValueKind.Map } && block.Fields.Values.Any(v => v.IsKnown && !v.IsNull && v.AsBool() != false);

    /// <summary>
    /// What an unknown <paramref name="value"/> written as <paramref name="configured"/> is: its constant
    /// when configuration decides it, else an unknown carrying the expression that best names its origin.
    /// </summary>
    public Value EffectiveUnknown(Value value, Expression configured)
    {
        if (configured.References.Count == 0 && configured.Constant is not null) return configured.Constant;
        if (configured.References.Count > 0)
        {
            var origin = Resolve(configured);
            if (origin is ConstantOrigin c) return c.Value;
            // aws_kms_key.k[each.key].arn names every instance; the value evaluated in this instance (Terraform
            // source) names the one each.key picked: the narrower of the two is the origin.
            if (origin is ResourceOrigin whole && whole.Instances.Count > 1 && value.Expression is { References.Count: > 0 } picked
                && !ReferenceEquals(picked, configured) && Resolve(picked) is ResourceOrigin one && one.Address == whole.Address
                && one.Instances.Count > 0 && one.Instances.Count < whole.Instances.Count)
            {
                return Value.Unknown(picked);
            }
            if (origin is not UnresolvedOrigin) return Value.Unknown(WithSkeletonOf(value, configured));
        }
        // Values from Terraform source carry what they were computed from, through iterators (each.value,
        // a dynamic block's iterator) and locals that the configuration's references cannot follow.
        if (value.Expression is { References.Count: > 0 } carried && !ReferenceEquals(carried, configured))
        {
            var origin = Resolve(carried);
            if (origin is ConstantOrigin c) return c.Value;
            // Computed from a value the input never gives (pitr = False in a for_each map's tfvars): it says so.
            if (origin is not UnresolvedOrigin or UnresolvedOrigin { HasNoValue: true }) return Value.Unknown(carried);
        }
        return Value.Unknown(WithSkeletonOf(value, configured));
    }

    /// <summary>
    /// <paramref name="configured"/> with the template skeleton of the value evaluated from it (Terraform source), when
    /// the value was computed from the same references: the fixed text of <c>"arn:...:${account}:alias/aws/dynamodb"</c>.
    /// </summary>
    private static Expression WithSkeletonOf(Value value, Expression configured) =>
        configured.Skeleton is null && value.Expression is { Skeleton: not null } evaluated && evaluated.References.SequenceEqual(configured.References)
            ? configured with { Skeleton = evaluated.Skeleton, SkeletonReferences = evaluated.SkeletonReferences }
            : configured;

    /// <summary>What <paramref name="expression"/> refers to.</summary>
    /// <remarks>
    /// Worked out once per expression object: the instances of a count/for_each resource (and of a
    /// module called with them) share their configuration's expressions, so a plan with a thousand
    /// instances asks the same question a thousand times. Policies run in parallel, hence the
    /// concurrent table; the answer depends only on the expression and the (immutable) graph.
    /// </remarks>
    public Origin Resolve(Expression expression) => _resolved.GetOrAdd(expression, static (e, self) => self.Resolve(e, 0), this);

    /// <summary>
    /// What <paramref name="expression"/> refers to when read in <paramref name="module"/>: an argument of a resource's
    /// own configuration, which does not say which module instance it belongs to. Worked out once per expression and module.
    /// </summary>
    public Origin ResolveIn(Expression expression, string module) =>
        expression.Module == module
            ? Resolve(expression)
            : _resolvedIn.GetOrAdd((expression, module), static (key, self) => self.Resolve(key.Expression with { Module = key.Module }, 0), this);

    /// <summary>An expression object (by reference) read in a module (by name).</summary>
    private sealed class InModule : IEqualityComparer<(Expression Expression, string Module)>
    {
        public static readonly InModule Comparer = new();

        public bool Equals((Expression Expression, string Module) x, (Expression Expression, string Module) y) =>
            ReferenceEquals(x.Expression, y.Expression) && string.Equals(x.Module, y.Module, StringComparison.Ordinal);

        public int GetHashCode((Expression Expression, string Module) key) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Expression), StringComparer.Ordinal.GetHashCode(key.Module));
    }

    private Origin Resolve(Expression expression, int depth)
    {
        if (depth > MaxDepth) return new UnresolvedOrigin($"{expression.Describe()} (reference chain too deep)");
        if (expression.References.Count == 0)
        {
            return expression.Constant is not null
                ? new ConstantOrigin(expression.Constant, expression.Describe())
                : new UnresolvedOrigin(expression.Describe());
        }

        var targets = new List<Origin>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in expression.References)
        {
            var steps = SplitTraversal(reference);
            if (steps.Count == 0) continue;
            switch (steps[0])
            {
                case "each" or "count" or "path" or "terraform" or "self":
                    // Instance selectors and meta values do not change what is referred to.
                    continue;
                case "local":
                    return new UnresolvedOrigin($"{reference} (local values are not in the plan's configuration)");
                case "var" when steps.Count >= 2:
                    // "var.cfg" accompanies "var.cfg.pitr" in reference lists: each part read is a target of its own
                    // (var.cfg.backups && var.cfg.pitr reads two).
                    if (AccompaniesAnother(reference, expression.References)) continue;
                    if (seen.Add(reference))
                    {
                        var variable = ResolveVariable(expression.Module, steps[1], reference, expression.Passed, depth);
                        targets.Add(variable switch
                        {
                            ResourceOrigin whole => InstanceIndexed(whole, expression, "var." + steps[1]),
                            ConstantOrigin constant => PartRead(constant, reference, names: 2, depth),
                            _ => variable,
                        });
                    }
                    continue;
                case "module":
                    // "module.m" alone accompanies "module.m.out" in reference lists: the output names the target.
                    if (steps.Count >= 3 && seen.Add("module." + steps[1] + "." + steps[2]))
                    {
                        var output = ResolveOutput(expression.Module, steps[1], steps[2], reference, expression.Passed, depth);
                        targets.Add(output is ConstantOrigin constant ? PartRead(constant, reference, names: 3, depth) : output);
                    }
                    continue;
                case "data":
                    {
                        if (steps.Count < 3) continue;
                        var address = $"data.{steps[1]}.{steps[2]}";
                        if (seen.Add(address)) targets.Add(ResourceAt(expression.Module, ResourceMode.Data, steps[1], address, reference));
                        continue;
                    }
                default:
                    if (steps.Count == 1)
                    {
                        // A bare name is no reference Terraform has (HCL's booleans and null are lower case).
                        var hint = steps[0] is "True" or "False" or "Null" or "NULL" or "TRUE" or "FALSE" ? $" (HCL writes {steps[0].ToLowerInvariant()} in lower case)" : "";
                        return new UnresolvedOrigin($"{reference}, a name nothing defines{hint}") { HasNoValue = true };
                    }
                    if (steps.Count >= 2)
                    {
                        var address = $"{steps[0]}.{steps[1]}";
                        if (seen.Add(address)) targets.Add(ResourceAt(expression.Module, ResourceMode.Managed, steps[0], address, reference));
                    }
                    continue;
            }
        }

        // "aws_kms_key.k.arn" and "aws_kms_key.k" name one target; several targets (a conditional) are undecidable.
        if (targets.Count == 1)
        {
            // aws_subnet.private[count.index].id, listed as aws_subnet.private and count.index: some instances, picked by the selector.
            return targets[0] is ResourceOrigin { Instances.Count: > 1, PickedBy: null } some && Selector(expression.References) is { } selector
                ? some with { PickedBy = selector }
                : targets[0];
        }
        if (targets.Count == 0) return new UnresolvedOrigin(expression.Describe());
        var unresolved = targets.OfType<UnresolvedOrigin>().FirstOrDefault();
        if (unresolved is not null) return unresolved;
        // var.cmk ? aws_kms_key.k[0].arn : null: the constants (a condition, a literal branch) are known before apply, so what
        // the expression names beyond them is the one resource it references. Not where an instance selector may be the
        // unknown condition (each.value.cmk ? aws_kms_key.k.arn : var.fallback under a for_each known only after apply).
        if (targets.Count(t => t is not ConstantOrigin) == 1 && targets.Single(t => t is not ConstantOrigin) is ResourceOrigin beyondConstants
            && Selector(expression.References) is null)
        {
            return beyondConstants;
        }
        // try(aws_dynamodb_table.this[0].arn, aws_dynamodb_table.autoscaled[0].arn): of resources of one type created
        // conditionally (count or for_each), those with no instance at all do not exist; the one that does is the target.
        if (targets.All(t => t is ResourceOrigin { Mode: ResourceMode.Managed }) && targets.Cast<ResourceOrigin>().Select(r => r.Type).Distinct().Count() == 1)
        {
            var existing = targets.Cast<ResourceOrigin>().Where(r => r.Instances.Count > 0 || !(r.Config is { } c && (c.Count is not null || c.ForEach is not null))).ToList();
            if (existing.Count == 1) return existing[0];
        }
        // A plan's expression is its references only: naming the first as the expression would misread a conditional.
        var depends = string.Join(" and ", expression.References.Take(3)) + (expression.References.Count > 3 ? " and more" : "");
        return new UnresolvedOrigin(expression.Text is { } text ? $"{text} (depends on {depends})" : $"an expression of {depends}");
    }

    /// <summary>
    /// The part of a variable's or an output's constant value that <paramref name="reference"/> reads after its first
    /// <paramref name="names"/> names (<c>var.x.enabled</c>, <c>var.x["k"]</c>, <c>module.m.out[0]</c>). A value the input
    /// gives with a part it cannot know (an undefined name in a tfvars file: <c>False</c>) is no value there, never a default.
    /// </summary>
    private Origin PartRead(ConstantOrigin constant, string reference, int names, int depth)
    {
        var part = PartAt(constant.Value, reference, names);
        if (!part.ContainsUnknown()) return ReferenceEquals(part, constant.Value) ? constant : constant with { Value = part };
        var unknown = FirstUnknown(part);
        var why = unknown.Expression is { References.Count: > 0 } e && Resolve(e, depth + 1) is UnresolvedOrigin u ? u.Why : unknown.Expression?.Describe() ?? "not known";
        return new UnresolvedOrigin($"{reference}, whose value in the input is not known: {why}") { HasNoValue = true };
    }

    private static Value FirstUnknown(Value value)
    {
        if (value.IsUnknown) return value;
        foreach (var item in value.Items) if (item.ContainsUnknown()) return FirstUnknown(item);
        foreach (var field in value.Fields.Values) if (field.ContainsUnknown()) return FirstUnknown(field);
        return value;
    }

    /// <summary>
    /// Follows the attribute and literal index steps of <paramref name="reference"/> after its first <paramref name="names"/>
    /// names (an instance key among those, <c>module.m["k"].out</c>, is skipped) into <paramref name="value"/>. A step of
    /// another kind (a splat) leaves the whole value, as the reference's target.
    /// </summary>
    public static Value PartAt(Value value, string reference, int names)
    {
        var i = 0;
        for (var seen = 0; seen < names;)
        {
            if (NextStep(reference, ref i) is not { } named) return value;
            if (named.Name is not null) seen++;
        }
        var part = value;
        while (NextStep(reference, ref i) is { } step)
        {
            var (name, key) = step;
            if (part.IsUnknown) return part;
            if (name is not null) part = part.Get(name);
            else if (key is ['"', .., '"']) part = part.Get(key[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal));
            else if (int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                part = part.Kind == ValueKind.List ? part.At(index) : part.Get(key!);
            }
            else return value;
        }
        return part;
    }

    /// <summary>The step of <paramref name="reference"/> at <paramref name="i"/>: a name, or an index as written (<c>"k"</c>, <c>0</c>, <c>*</c>); null at its end.</summary>
    private static (string? Name, string? Key)? NextStep(string reference, ref int i)
    {
        if (i < reference.Length && reference[i] == '.') i++;
        if (i >= reference.Length) return null;
        var start = i;
        if (reference[i] == '[')
        {
            i++;
            if (i < reference.Length && reference[i] == '"')
            {
                i++;
                while (i < reference.Length && reference[i] != '"') i += reference[i] == '\\' ? 2 : 1;
            }
            while (i < reference.Length && reference[i] != ']') i++;
            var key = reference[(start + 1)..Math.Min(i, reference.Length)];
            i++;
            return (null, key);
        }
        while (i < reference.Length && reference[i] is not ('.' or '[')) i++;
        return (reference[start..i], null);
    }

    /// <summary>The first instance selector among <paramref name="references"/> (<c>count.index</c>, <c>each.key</c>, <c>each.value</c>), or null.</summary>
    private static string? Selector(IReadOnlyList<string> references)
    {
        foreach (var reference in references)
        {
            if (reference.StartsWith("count.", StringComparison.Ordinal) || reference.StartsWith("each.", StringComparison.Ordinal)) return reference;
        }
        return null;
    }

    private Origin ResourceAt(string module, ResourceMode mode, string type, string address, string reference)
    {
        var config = _graph.Module(module)?.Resources.GetValueOrDefault(address);
        var instances = _graph.Instances(module, address);
        // A reference to one instance (aws_kms_key.k[0].arn, data.aws_kms_key.k["alias/orders"]) names that instance only.
        if (reference.Length > address.Length && reference[address.Length] == '[')
        {
            var named = instances.Where(i => i.Address.Key is { } key && reference.AsSpan(address.Length).StartsWith(key, StringComparison.Ordinal)
                                             && (reference.Length == address.Length + key.Length || reference[address.Length + key.Length] is '.' or '[')).ToList();
            if (named.Count > 0) instances = named;
        }
        // A reference to a resource the input does not declare (a partial configuration, a single
        // .tf file) still names its type: rule 2 reads "references a managed aws_kms_key".
        return new ResourceOrigin(module, mode, type, address, config, instances, reference);
    }

    /// <summary>
    /// A variable given a whole resource with count or for_each (<c>keys = aws_kms_key.k</c>) and read at one
    /// instance (<c>var.keys[0].arn</c>: the expression's text, or one of its references) refers to that instance only.
    /// </summary>
    private static ResourceOrigin InstanceIndexed(ResourceOrigin origin, Expression expression, string variable)
    {
        if (origin.Reference != origin.Address || origin.Instances.Count < 2) return origin;
        foreach (var reference in expression.Text is { } text ? expression.References.Append(text) : expression.References)
        {
            if (!reference.StartsWith(variable, StringComparison.Ordinal) || LiteralKeyAt(reference, variable.Length) is not { } key) continue;
            var named = origin.Instances.Where(i => i.Address.Key == key).ToList();
            return named.Count > 0 ? origin with { Instances = named, Reference = origin.Address + key } : origin;
        }
        return origin;
    }

    /// <param name="passed">What the variable was evaluated to in the calling module (Terraform source), when known: it is followed first.</param>
    private Origin ResolveVariable(string module, string name, string reference, Expression? passed, int depth)
    {
        if (module.Length == 0)
        {
            if (_graph.Variables.TryGetValue(name, out var v))
            {
                return v.Expression is { Refused: true } refused ? new UnresolvedOrigin(refused.Text ?? reference) { HasNoValue = true } : new ConstantOrigin(v, reference);
            }
            if (_graph.Root?.VariableDefaults.TryGetValue(name, out var d) == true && d is not null) return new ConstantOrigin(d, reference);
            return new UnresolvedOrigin($"{reference} (root variable without a value in the input)") { HasNoValue = true };
        }
        var cut = module.LastIndexOf(".module.", StringComparison.Ordinal);
        var parent = cut < 0 ? "" : module[..cut];
        var callName = module[(cut < 0 ? "module.".Length : cut + ".module.".Length)..];
        // The argument as evaluated for this module instance: a conditional whose condition is known there names one branch.
        if (passed is not null && passed.Module == parent)
        {
            switch (Resolve(passed, depth + 1))
            {
                case ResourceOrigin r: return r.After(ModuleStep.Up);
                case ConstantOrigin c: return c;
                // The instance was given no value (an undefined name in its for_each map: pitr = False): said as such.
                case UnresolvedOrigin { HasNoValue: true } u: return new UnresolvedOrigin($"{reference} in {module} = {u.Why}") { HasNoValue = true };
            }
        }
        var call = _graph.Module(parent)?.Calls.GetValueOrDefault(callName);
        if (call is null) return new UnresolvedOrigin($"{reference} in {module} (module call not in configuration)");
        if (call.Arguments.TryGetValue(name, out var argument))
        {
            var inParent = argument with { Module = parent };
            return Resolve(inParent, depth + 1) switch
            {
                UnresolvedOrigin u => new UnresolvedOrigin($"{reference} in {module} = {u.Why}") { HasNoValue = u.HasNoValue },
                ResourceOrigin r => r.After(ModuleStep.Up),
                var o => o,
            };
        }
        if (call.Module.VariableDefaults.TryGetValue(name, out var def) && def is not null) return new ConstantOrigin(def, reference);
        return new UnresolvedOrigin($"{reference} in {module} (no argument and no default)") { HasNoValue = true };
    }

    /// <param name="passed">What the output was evaluated to in the called module (Terraform source), when known: it is followed first.</param>
    private Origin ResolveOutput(string module, string callName, string output, string reference, Expression? passed, int depth)
    {
        var child = module.Length == 0 ? $"module.{callName}" : $"{module}.module.{callName}";
        var expr = _graph.Module(child)?.Outputs.GetValueOrDefault(output);
        if (expr is null) return new UnresolvedOrigin($"{reference} (module output not in configuration)");
        // The output as evaluated in the called module instance, when it names what the output's expression cannot.
        var decided = passed is not null && passed.Module == child ? Resolve(passed, depth + 1) : null;
        var origin = decided is ResourceOrigin or ConstantOrigin ? decided : Resolve(expr with { Module = child }, depth + 1);
        var callKey = LiteralKeyAt(reference, "module.".Length + callName.Length);
        return origin switch
        {
            // module.m["k"].out: the resource is in that instance of the called module.
            ResourceOrigin r => ByOutputKey(r, reference, "module.".Length + callName.Length + (callKey?.Length ?? 0) + 1 + output.Length)
                .After(new ModuleStep(callName, callKey)),
            var o => o,
        };
    }

    /// <summary>
    /// An output of every instance of a resource, read at one key (<c>module.kms.arns["orders"]</c> of
    /// <c>{ for k, key in aws_kms_key.this : k => key.arn }</c>): the instance of that key, where the resource has one, as
    /// such a map is keyed by the instance keys. Any other reading keeps every instance.
    /// </summary>
    private static ResourceOrigin ByOutputKey(ResourceOrigin origin, string reference, int afterOutput)
    {
        if (origin.Instances.Count < 2 || LiteralKeyAt(reference, afterOutput) is not { } key) return origin;
        var named = origin.Instances.Where(i => i.Address.Key == key).ToList();
        return named.Count > 0 ? origin with { Instances = named } : origin;
    }

    /// <summary>
    /// Whether <paramref name="reference"/> (<c>module.m</c>, <c>module.m["k"]</c>) only accompanies a longer
    /// one in <paramref name="references"/> (<c>module.m["k"].out</c>), as Terraform lists them: the longer one names the target.
    /// </summary>
    public static bool AccompaniesAnother(string reference, IReadOnlyList<string> references)
    {
        foreach (var other in references)
        {
            if (other.Length > reference.Length && other[reference.Length] is '.' or '[' && other.StartsWith(reference, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// The literal instance key written at <paramref name="start"/> of <paramref name="reference"/>
    /// (<c>["k"]</c> or <c>[0]</c>, as Terraform prints instance keys), or null when none is written there.
    /// </summary>
    public static string? LiteralKeyAt(string reference, int start)
    {
        if (reference.Length <= start || reference[start] != '[') return null;
        var i = start + 1;
        if (i < reference.Length && reference[i] == '"')
        {
            i++;
            while (i < reference.Length && reference[i] != '"') i += reference[i] == '\\' ? 2 : 1;
            i++;
        }
        else
        {
            while (i < reference.Length && char.IsAsciiDigit(reference[i])) i++;
        }
        if (i >= reference.Length || reference[i] != ']' || i == start + 1) return null;
        return reference[start..(i + 1)];
    }

    /// <summary>Splits <c>module.a["x"].b[0].c</c> into names, dropping index steps.</summary>
    public static IReadOnlyList<string> SplitTraversal(string reference)
    {
        var steps = new List<string>();
        var i = 0;
        while (NextStep(reference, ref i) is { } step)
        {
            if (step.Name is { Length: > 0 } name) steps.Add(name);
        }
        return steps;
    }

    /// <summary>
    /// What <paramref name="reference"/> reads after the resource <paramref name="address"/> and an instance key written
    /// there (<c>.arn</c> of <c>aws_kms_key.k[0].arn</c>, or empty for the resource itself); null when it names another
    /// resource (<c>aws_kms_key.k2.arn</c>).
    /// </summary>
    public static string? AttributeAfter(string reference, string address)
    {
        if (!reference.StartsWith(address, StringComparison.Ordinal)) return null;
        var at = address.Length + (LiteralKeyAt(reference, address.Length)?.Length ?? 0);
        return at == reference.Length || reference[at] == '.' ? reference[at..] : null;
    }
}
