using System.Text.RegularExpressions;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Core.Resolution;

/// <summary>
/// Decides the AWS region of a resource: its own <c>region</c> argument (AWS provider v6), else the
/// <c>region</c> of the provider configuration it uses, found through its <c>provider_config_key</c>
/// (<c>aws</c>, <c>aws.west</c>, <c>module.x:aws</c>, or <c>x:aws</c> in older plans) and inherited
/// from parent modules when a module has no configuration of its own.
/// </summary>
public sealed partial class RegionResolver
{
    private const int MaxModuleDepth = 64;
    private readonly ResourceGraph _graph;
    private readonly ReferenceResolver _resolver;

    public RegionResolver(ResourceGraph graph, ReferenceResolver resolver)
    {
        _graph = graph;
        _resolver = resolver;
    }

    /// <summary>Whether <paramref name="s"/> has the shape of an AWS region name (<c>eu-west-1</c>, <c>us-gov-west-1</c>).</summary>
    public static bool LooksLikeRegion(string s) => RegionShape().IsMatch(s);

    /// <summary>The region of <paramref name="resource"/>.</summary>
    public RegionFinding RegionOf(Resource resource)
    {
        var own = OwnRegion(resource);
        if (own is not null) return own;
        var provider = ProviderRegion(resource.ProviderConfigKey, resource.Address.ModulePath);
        // A resource that exists (a state, an update) says where it lives in its ARN: arn:aws:dynamodb:eu-west-1:...
        return !provider.IsKnown && ArnRegion(resource) is { } fromArn ? fromArn : provider;
    }

    private static RegionFinding? ArnRegion(Resource resource)
    {
        var arn = resource.After.Get("arn");
        if (!arn.IsKnown || arn.Sensitive || arn.AsString() is not { } text) return null;
        var parts = text.Split(':', 5);
        return parts.Length == 5 && parts[0] == "arn" && LooksLikeRegion(parts[3]) ? RegionFinding.Known(parts[3], "its ARN") : null;
    }

    /// <summary>The region of the provider configuration <paramref name="providerConfigKey"/> used from module <paramref name="modulePath"/>.</summary>
    public RegionFinding ProviderRegion(string? providerConfigKey, string modulePath)
    {
        // No key (HCL, state): the default AWS configuration of the resource's own module.
        var key = providerConfigKey ?? (modulePath.Length == 0 ? "aws" : $"{modulePath}:aws");
        var colon = key.LastIndexOf(':');
        var local = colon < 0 ? key : key[(colon + 1)..];
        var module = colon < 0 ? "" : ModuleOfKey(key[..colon], modulePath);
        if (module is null) return RegionFinding.Unknown($"provider configuration {key} is not in the plan's configuration");
        var dot = local.IndexOf('.');
        var name = dot < 0 ? local : local[..dot];
        var alias = dot < 0 ? null : local[(dot + 1)..];
        if (name != "aws") return RegionFinding.Unknown($"provider {key} is not the AWS provider");

        for (var depth = 0; depth < MaxModuleDepth; depth++)
        {
            var config = _graph.Providers.FirstOrDefault(p => p.Key == (module.Length == 0 ? local : $"{module}:{local}"))
                ?? _graph.Providers.FirstOrDefault(p => p.Module == module && p.Name == name && p.Alias == alias);
            var shown = module.Length == 0 ? local : $"{module}:{local}";
            if (config is not null && config.Arguments.TryGetValue("region", out var region)) return FromExpression(region, $"provider {shown}");
            if (config is not null && config.Arguments.Count > 0)
            {
                return RegionFinding.Unknown($"provider {shown} sets no region, so it comes from the environment (AWS_REGION or the profile) at apply time");
            }
            if (module.Length == 0)
            {
                return config is null
                    ? RegionFinding.Unknown($"the input has no configuration for provider {local}, so its region comes from the environment")
                    : RegionFinding.Unknown($"provider {local} sets no region, so it comes from the environment (AWS_REGION or the profile) at apply time");
            }
            // A module without its own configuration of a default provider inherits the parent's; an
            // aliased configuration must be passed explicitly, which the plan does not show.
            if (alias is not null) return RegionFinding.Unknown($"provider {shown} is passed into {module} from its caller, which the plan does not show");
            module = Parent(module);
        }
        return RegionFinding.Unknown($"provider {key} is nested too deeply");
    }

    private RegionFinding? OwnRegion(Resource resource)
    {
        var path = AttributePath.Of("region");
        var value = resource.Get(path);
        if (value.IsKnown)
        {
            var s = value.AsString();
            return string.IsNullOrEmpty(s) ? null : Checked(value, "its region argument");
        }
        // Computed from the provider when configuration never sets it (AWS provider v6).
        var expr = resource.ExpressionAt(path);
        return expr is null ? null : FromExpression(expr, $"{resource.Address}'s region argument");
    }

    /// <summary>The region an expression names (a literal, a variable, <c>data.aws_region.current.name</c>), as <paramref name="where"/> in messages.</summary>
    public RegionFinding Of(Expression expression, string where) => FromExpression(expression, where);

    private RegionFinding FromExpression(Expression expression, string where)
    {
        if (expression.References.Count == 0)
        {
            return expression.Constant is { } c ? Checked(c, where) : RegionFinding.Unknown($"{where} has no value in the input");
        }
        return _resolver.Resolve(expression) switch
        {
            ConstantOrigin c => Checked(c.Value, $"{where} = {c.Reference}"),
            UnresolvedOrigin u => RegionFinding.Unknown($"{where} is {u.Why}"),
            ResourceOrigin r => FromResource(r, where),
            _ => RegionFinding.Unknown($"{where} is {expression.Describe()}"),
        };
    }

    private RegionFinding FromResource(ResourceOrigin origin, string where)
    {
        // data.aws_region.current.name is read during planning; anything else is known only after apply.
        if (origin is { Mode: ResourceMode.Data, Type: "aws_region" } && origin.Instances.Count == 1)
        {
            var v = origin.Instances[0].After;
            var name = v.Get("name").AsString() ?? v.Get("region").AsString() ?? v.Get("id").AsString();
            if (name is not null && LooksLikeRegion(name)) return RegionFinding.Known(name, $"{where} = {origin.Reference}");
            // Not read yet (Terraform source): without arguments it is the region of its provider configuration.
            var body = origin.Config?.Body;
            if (body is not null && !body.Attributes.ContainsKey("name") && !body.Attributes.ContainsKey("region") && !body.Attributes.ContainsKey("id")
                && ProviderRegion(origin.Instances[0].ProviderConfigKey, origin.ModulePath) is { IsKnown: true } provider)
            {
                return RegionFinding.Known(provider.Name!, $"{where} = {origin.Reference}, the region of {provider.Source}");
            }
        }
        return RegionFinding.Unknown($"{where} is {origin.Reference}, known only after apply");
    }

    private static RegionFinding Checked(Value value, string where)
    {
        if (value.Sensitive) return RegionFinding.Unknown($"{where} is a sensitive value");
        var s = value.AsString();
        if (s is null) return RegionFinding.Unknown($"{where} is {value.ToDisplayString()}, not a region");
        // A template such as "us-${var.x}-1" resolves to its variable's value, not the region: insist on a region's shape.
        return LooksLikeRegion(s) ? RegionFinding.Known(s, where) : RegionFinding.Unknown($"{where} is \"{s}\", which is not a region name");
    }

    /// <summary>The configuration path named by a key's module part: full (<c>module.a.module.b</c>) or the last call name (<c>b</c>).</summary>
    private string? ModuleOfKey(string part, string resourceModule)
    {
        if (part.StartsWith("module.", StringComparison.Ordinal)) return ResourceAddress.StripInstanceKeys(part);
        if (resourceModule == $"module.{part}" || resourceModule.EndsWith($".module.{part}", StringComparison.Ordinal)) return resourceModule;
        // Older plans name the module by its call name only; accept it when exactly one module has that name.
        var matches = _graph.Providers.Select(p => p.Module).Where(m => m == $"module.{part}" || m.EndsWith($".module.{part}", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static string Parent(string module)
    {
        var cut = module.LastIndexOf(".module.", StringComparison.Ordinal);
        return cut < 0 ? "" : module[..cut];
    }

    [GeneratedRegex(@"^[a-z]{2}(-(gov|iso[a-z]?))?-[a-z]+-[0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex RegionShape();
}
