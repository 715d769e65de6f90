using System.Text.Json;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Plan.Json;

namespace SecureDynamo.Lint.Plan;

/// <summary>One entry of a plan's <c>resource_changes</c>, before it is joined with its configuration.</summary>
internal sealed record ResourceChange(
    ResourceAddress Address,
    IReadOnlyList<string> Actions,
    Value After,
    Value Before,
    string? ProviderName,
    string? ActionReason,
    IReadOnlyList<AttributePath> ReplacePaths,
    SourceRange Location)
{
    /// <summary>The entry is a deposed object (it has a <c>deposed</c> key), not the current one.</summary>
    public bool Deposed { get; init; }

    public string ModulePath => Address.ModulePath;
    public string ConfigAddress => Address.ConfigAddress;

    public Resource ToResource(ResourceConfig? config) =>
        new(Address, PlannedActions.FromPlan(Actions), After, Before, config, ProviderName, null, ActionReason, ReplacePaths, Location);

    public static ResourceChange From(string file, JsonElement entry, int line, int column, ValueInterner? interner = null, AddressParts? addresses = null)
    {
        var mode = Shared(entry, "mode") == "data" ? ResourceMode.Data : ResourceMode.Managed;
        var type = Shared(entry, "type") ?? "";
        var name = Shared(entry, "name") ?? "";
        var module = Shared(entry, "module_address") ?? "";
        var index = ValueConverter.Property(entry, "index");
        string? key = index.ValueKind switch
        {
            JsonValueKind.Number when index.TryGetInt64(out var i) => ResourceAddress.FormatKey(i),
            JsonValueKind.String => ResourceAddress.FormatKey(index.GetString()!),
            _ => null,
        };
        ResourceAddress address;
        if (type.Length > 0 && name.Length > 0) address = addresses?.Address(module, mode, type, name, key) ?? new ResourceAddress(module, mode, type, name, key);
        else
        {
            var text = AddressText(entry);
            try { address = ResourceAddress.Parse(text); }
            catch (FormatException) { throw new InputException(file, $"resource change has an unreadable address \"{JsonProblems.Shown(text)}\"", line, column); }
        }
        // Worked out here, on a building thread, while the parts are in the cache: the reader looks every address up once more.
        _ = address.GetHashCode();
        var change = ValueConverter.Property(entry, "change");
        if (change.ValueKind != JsonValueKind.Object)
        {
            throw new InputException(file, $"resource change {JsonProblems.Shown(AddressText(entry))} has no \"change\" object", line, column);
        }
        var afterJson = ObjectOrNull(file, entry, change, "after", line, column);
        var beforeJson = ObjectOrNull(file, entry, change, "before", line, column);
        var actions = Array.Empty<string>();
        if (ValueConverter.Property(change, "actions") is { ValueKind: JsonValueKind.Array } a)
        {
            actions = new string[a.GetArrayLength()];
            var n = 0;
            foreach (var x in a.EnumerateArray()) actions[n++] = x.ValueKind == JsonValueKind.String ? Utf8Strings.String(x) : "";
        }
        var after = ValueConverter.Convert(afterJson, ValueConverter.Property(change, "after_unknown"), ValueConverter.Property(change, "after_sensitive"), interner);
        var before = ValueConverter.Convert(beforeJson, default, ValueConverter.Property(change, "before_sensitive"), interner);
        IReadOnlyList<AttributePath> replace = Array.Empty<AttributePath>();
        if (ValueConverter.Property(change, "replace_paths") is { ValueKind: JsonValueKind.Array } paths && paths.GetArrayLength() > 0)
        {
            var list = new List<AttributePath>();
            foreach (var p in paths.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Array))
            {
                var segments = p.EnumerateArray()
                    .Select(s => s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) ? (object)n : s.ValueKind == JsonValueKind.String ? s.GetString()! : "")
                    .ToArray();
                list.Add(AttributePath.Of(segments));
            }
            replace = list;
        }
        return new ResourceChange(address, actions, after, before, Shared(entry, "provider_name"), Text(entry, "action_reason"), replace,
            new SourceRange(file, new SourcePosition(line, column, 0), new SourcePosition(line, column, 0)))
        {
            Deposed = ValueConverter.Property(entry, "deposed").ValueKind == JsonValueKind.String,
        };
    }

    /// <summary>The entry's full address, read only where it is needed: a message, or an entry without type and name.</summary>
    private static string AddressText(JsonElement entry) => Text(entry, "address") ?? "";

    /// <summary>A short identifying string (mode, type, name, module, provider) shared across entries that repeat it.</summary>
    private static string? Shared(JsonElement o, string name) =>
        ValueConverter.Property(o, name) is { ValueKind: JsonValueKind.String } s ? Utf8Strings.String(s) : null;

    /// <summary>A resource's value: an object, or null when the resource does not exist on that side of the change.</summary>
    private static JsonElement ObjectOrNull(string file, JsonElement entry, JsonElement change, string name, int line, int column)
    {
        var value = ValueConverter.Property(change, name);
        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) return value;
        throw new InputException(file, $"resource change {JsonProblems.Shown(AddressText(entry))}: \"change.{name}\" must be an object or null, found {JsonProblems.Describe(value.ValueKind)}", line, column);
    }

    internal static string? Text(JsonElement o, string name) =>
        ValueConverter.Property(o, name) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
}
