using System.Text.Json;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Plan.Json;

namespace SecureDynamo.Lint.Plan;

/// <summary>
/// Streams a plan's <c>configuration</c> object into the module tree, expressions and provider
/// blocks. Every resource declaration is kept (references to it must resolve), but only those of
/// types a policy reads get their expressions built; the others keep their address alone.
/// </summary>
internal sealed class ConfigurationReader
{
    private readonly JsonTokenStream _json;
    private readonly PlanReadOptions _options;

    public ConfigurationReader(JsonTokenStream json, PlanReadOptions options)
    {
        _json = json;
        _options = options;
    }

    public ModuleConfig? Root { get; private set; }

    public IReadOnlyList<ProviderConfig> Providers { get; private set; } = Array.Empty<ProviderConfig>();

    /// <summary>Reads the <c>configuration</c> object the stream is at.</summary>
    public void Read()
    {
        try
        {
            ReadConfiguration();
        }
        catch (JsonShapeException e)
        {
            // Where the value was read: the stream has just passed it.
            throw _json.Error("configuration: " + e.Message);
        }
    }

    private void ReadConfiguration()
    {
        while (_json.NextProperty() is { } name)
        {
            switch (name)
            {
                case "root_module":
                    if (_json.ObjectOrNull("configuration.root_module")) Root = ReadModule("");
                    break;
                case "provider_config":
                    if (_json.ObjectOrNull("configuration.provider_config")) Providers = ReadProviders();
                    break;
                default:
                    _json.Skip();
                    break;
            }
        }
        Root ??= EmptyModule("");
    }

    private ModuleConfig ReadModule(string path)
    {
        var resources = new Dictionary<string, ResourceConfig>(StringComparer.Ordinal);
        var calls = new Dictionary<string, ModuleCall>(StringComparer.Ordinal);
        var variables = new Dictionary<string, Value?>(StringComparer.Ordinal);
        var outputs = new Dictionary<string, Expression>(StringComparer.Ordinal);
        while (_json.NextProperty() is { } name)
        {
            switch (name)
            {
                // Another shape than Terraform writes would drop what it holds silently: an input error instead.
                case "resources":
                    if (!_json.ArrayOrNull(name)) break;
                    while (_json.NextItem())
                    {
                        ExpectObject("each entry of \"resources\"");
                        var resource = ReadResource(_json.Capture(), path);
                        resources[resource.Address] = resource;
                    }
                    break;
                case "module_calls":
                    if (!_json.ObjectOrNull(name)) break;
                    while (_json.NextProperty() is { } call)
                    {
                        ExpectObject($"module call \"{call}\"");
                        calls[call] = ReadCall(call, path);
                    }
                    break;
                case "variables":
                    if (!_json.ObjectOrNull(name)) break;
                    using (var doc = CapturedJson.Parse(_json.Capture()))
                    {
                        foreach (var p in doc.RootElement.EnumerateObject())
                        {
                            variables[p.Name] = ConfigBodyReader.IsObject(p.Value, $"variables.{p.Name}") && p.Value.TryGetProperty("default", out var d)
                                ? ValueConverter.Convert(d)
                                : null;
                        }
                    }
                    break;
                case "outputs":
                    if (!_json.ObjectOrNull(name)) break;
                    using (var doc = CapturedJson.Parse(_json.Capture()))
                    {
                        foreach (var p in doc.RootElement.EnumerateObject())
                        {
                            if (ConfigBodyReader.IsObject(p.Value, $"outputs.{p.Name}")
                                && ConfigBodyReader.ReadExpression(ValueConverter.Property(p.Value, "expression"), path) is { } e) outputs[p.Name] = e;
                        }
                    }
                    break;
                default:
                    _json.Skip();
                    break;
            }
        }
        return new ModuleConfig(path, resources, calls, variables, outputs);
    }

    private ResourceConfig ReadResource(ReadOnlyMemory<byte> entry, string module)
    {
        var header = EntryHeader.Read(entry.Span, wantProviderKey: true);
        var mode = header.IsData ? ResourceMode.Data : ResourceMode.Managed;
        var type = header.Type ?? "";
        var name = header.Name ?? "";
        var address = mode == ResourceMode.Data ? $"data.{type}.{name}" : $"{type}.{name}";
        if (!_options.Wants(header.Mode, type))
        {
            return new ResourceConfig(address, mode, type, name, header.ProviderConfigKey, ConfigBody.Empty, null, null);
        }
        using var doc = CapturedJson.Parse(entry);
        var r = doc.RootElement;
        return new ResourceConfig(address, mode, type, name, header.ProviderConfigKey,
            ConfigBodyReader.ReadBody(ValueConverter.Property(r, "expressions"), module),
            ConfigBodyReader.ReadExpression(ValueConverter.Property(r, "count_expression"), module),
            ConfigBodyReader.ReadExpression(ValueConverter.Property(r, "for_each_expression"), module));
    }

    private ModuleCall ReadCall(string name, string parentPath)
    {
        var childPath = parentPath.Length == 0 ? $"module.{name}" : $"{parentPath}.module.{name}";
        string? source = null;
        IReadOnlyDictionary<string, Expression> arguments = new Dictionary<string, Expression>(StringComparer.Ordinal);
        ModuleConfig? module = null;
        while (_json.NextProperty() is { } property)
        {
            switch (property)
            {
                case "source" when _json.TokenType == JsonTokenType.String:
                    source = _json.Text;
                    break;
                case "expressions":
                    if (!_json.ObjectOrNull($"module_calls.{name}.expressions")) break;
                    using (var doc = CapturedJson.Parse(_json.Capture())) arguments = ConfigBodyReader.ReadArguments(doc.RootElement, parentPath);
                    break;
                case "module":
                    if (_json.ObjectOrNull($"module_calls.{name}.module")) module = ReadModule(childPath);
                    break;
                default:
                    _json.Skip();
                    break;
            }
        }
        return new ModuleCall(name, source, arguments, module ?? EmptyModule(childPath));
    }

    private List<ProviderConfig> ReadProviders()
    {
        var list = new List<ProviderConfig>();
        while (_json.NextProperty() is { } key)
        {
            ExpectObject($"provider_config \"{key}\"");
            using var doc = CapturedJson.Parse(_json.Capture());
            var o = doc.RootElement;
            var module = ResourceChange.Text(o, "module_address") ?? "";
            list.Add(new ProviderConfig(key, ResourceChange.Text(o, "name") ?? key, ResourceChange.Text(o, "alias"), module,
                ConfigBodyReader.ReadArguments(ValueConverter.Property(o, "expressions"), module)));
        }
        return list;
    }

    private void ExpectObject(string what)
    {
        if (_json.TokenType != JsonTokenType.StartObject) throw _json.Error($"{what} must be an object, found {JsonProblems.Describe(_json.TokenType)}");
    }

    private static ModuleConfig EmptyModule(string path) =>
        new(path, new Dictionary<string, ResourceConfig>(), new Dictionary<string, ModuleCall>(), new Dictionary<string, Value?>(), new Dictionary<string, Expression>());
}
