using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Plan;

/// <summary>Reads a plan's <c>configuration</c> object: the module tree, expressions and provider blocks.</summary>
internal static class ConfigurationReader
{
    public static ModuleConfig ReadModule(JObject? module, string path)
    {
        var resources = new Dictionary<string, ResourceConfig>(StringComparer.Ordinal);
        var calls = new Dictionary<string, ModuleCall>(StringComparer.Ordinal);
        var variables = new Dictionary<string, Value?>(StringComparer.Ordinal);
        var outputs = new Dictionary<string, Expression>(StringComparer.Ordinal);
        if (module is null) return new ModuleConfig(path, resources, calls, variables, outputs);

        if (module["resources"] is JArray rs)
        {
            foreach (var r in rs.OfType<JObject>())
            {
                var mode = (string?)r["mode"] == "data" ? ResourceMode.Data : ResourceMode.Managed;
                var type = (string?)r["type"] ?? "";
                var name = (string?)r["name"] ?? "";
                var address = mode == ResourceMode.Data ? $"data.{type}.{name}" : $"{type}.{name}";
                resources[address] = new ResourceConfig(address, mode, type, name, (string?)r["provider_config_key"],
                    ReadBody(r["expressions"] as JObject, path),
                    ReadExpression(r["count_expression"], path), ReadExpression(r["for_each_expression"], path));
            }
        }
        if (module["module_calls"] is JObject mc)
        {
            foreach (var p in mc.Properties())
            {
                if (p.Value is not JObject call) continue;
                var childPath = path.Length == 0 ? $"module.{p.Name}" : $"{path}.module.{p.Name}";
                var args = new Dictionary<string, Expression>(StringComparer.Ordinal);
                if (call["expressions"] is JObject ex)
                {
                    foreach (var a in ex.Properties())
                    {
                        if (ReadExpression(a.Value, path) is { } e) args[a.Name] = e;
                    }
                }
                calls[p.Name] = new ModuleCall(p.Name, (string?)call["source"], args, ReadModule(call["module"] as JObject, childPath));
            }
        }
        if (module["variables"] is JObject vs)
        {
            foreach (var p in vs.Properties())
            {
                var def = p.Value is JObject v && v.TryGetValue("default", out var d) ? ValueConverter.Convert(d, null, null) : null;
                variables[p.Name] = def;
            }
        }
        if (module["outputs"] is JObject os)
        {
            foreach (var p in os.Properties())
            {
                if (ReadExpression(p.Value?["expression"], path) is { } e) outputs[p.Name] = e;
            }
        }
        return new ModuleConfig(path, resources, calls, variables, outputs);
    }

    public static IReadOnlyList<ProviderConfig> ReadProviders(JObject? providers)
    {
        var list = new List<ProviderConfig>();
        if (providers is null) return list;
        foreach (var p in providers.Properties())
        {
            if (p.Value is not JObject o) continue;
            var module = (string?)o["module_address"] ?? "";
            var args = new Dictionary<string, Expression>(StringComparer.Ordinal);
            if (o["expressions"] is JObject ex)
            {
                foreach (var a in ex.Properties())
                {
                    if (ReadExpression(a.Value, module) is { } e) args[a.Name] = e;
                }
            }
            list.Add(new ProviderConfig(p.Name, (string?)o["name"] ?? p.Name, (string?)o["alias"], module, args));
        }
        return list;
    }

    /// <summary>Reads an expressions object: expression objects are arguments, arrays (or plain objects) are nested blocks.</summary>
    public static ConfigBody ReadBody(JObject? expressions, string module)
    {
        if (expressions is null || expressions.Count == 0) return ConfigBody.Empty;
        var attributes = new Dictionary<string, Expression>(StringComparer.Ordinal);
        var blocks = new Dictionary<string, IReadOnlyList<ConfigBody>>(StringComparer.Ordinal);
        foreach (var p in expressions.Properties())
        {
            switch (p.Value)
            {
                case JObject o when IsExpression(o):
                    attributes[p.Name] = ReadExpression(o, module)!;
                    break;
                case JObject o:
                    blocks[p.Name] = new[] { ReadBody(o, module) };
                    break;
                case JArray a:
                    blocks[p.Name] = a.OfType<JObject>().Select(b => ReadBody(b, module)).ToArray();
                    break;
            }
        }
        return new ConfigBody(attributes, blocks);
    }

    private static bool IsExpression(JObject o) =>
        o.Count == 0 || o.ContainsKey("references") || o.ContainsKey("constant_value");

    public static Expression? ReadExpression(JToken? token, string module)
    {
        if (token is not JObject o) return null;
        var refs = o["references"] is JArray ra ? ra.Select(r => (string?)r).OfType<string>().ToArray() : Array.Empty<string>();
        var constant = o.TryGetValue("constant_value", out var c) ? ValueConverter.Convert(c, null, null) : null;
        return new Expression(module, refs, constant);
    }
}
