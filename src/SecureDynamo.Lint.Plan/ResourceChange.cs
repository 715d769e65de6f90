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

    public static ResourceChange From(string file, JsonElement entry, int line, int column, ValueInterner? interner = null)
    {
        var addressText = Text(entry, "address") ?? "";
        var mode = Text(entry, "mode") == "data" ? ResourceMode.Data : ResourceMode.Managed;
        var type = Text(entry, "type") ?? "";
        var name = Text(entry, "name") ?? "";
        var module = Text(entry, "module_address") ?? "";
        var index = ValueConverter.Property(entry, "index");
        string? key = index.ValueKind switch
        {
            JsonValueKind.Number when index.TryGetInt64(out var i) => ResourceAddress.FormatKey(i),
            JsonValueKind.String => ResourceAddress.FormatKey(index.GetString()!),
            _ => null,
        };
        ResourceAddress address;
        if (type.Length > 0 && name.Length > 0) address = new ResourceAddress(module, mode, type, name, key);
        else
        {
            try { address = ResourceAddress.Parse(addressText); }
            catch (FormatException) { throw new InputException(file, $"resource change has an unreadable address \"{JsonProblems.Shown(addressText)}\"", line, column); }
        }
        var change = ValueConverter.Property(entry, "change");
        if (change.ValueKind != JsonValueKind.Object)
        {
            throw new InputException(file, $"resource change {JsonProblems.Shown(addressText)} has no \"change\" object", line, column);
        }
        var afterJson = ObjectOrNull(file, change, "after", addressText, line, column);
        var beforeJson = ObjectOrNull(file, change, "before", addressText, line, column);
        var actions = ValueConverter.Property(change, "actions") is { ValueKind: JsonValueKind.Array } a
            ? a.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : "").ToArray()
            : Array.Empty<string>();
        var after = ValueConverter.Convert(afterJson, ValueConverter.Property(change, "after_unknown"), ValueConverter.Property(change, "after_sensitive"), interner);
        var before = ValueConverter.Convert(beforeJson, default, ValueConverter.Property(change, "before_sensitive"), interner);
        var replace = new List<AttributePath>();
        if (ValueConverter.Property(change, "replace_paths") is { ValueKind: JsonValueKind.Array } paths)
        {
            foreach (var p in paths.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Array))
            {
                var segments = p.EnumerateArray()
                    .Select(s => s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) ? (object)n : s.ValueKind == JsonValueKind.String ? s.GetString()! : "")
                    .ToArray();
                replace.Add(AttributePath.Of(segments));
            }
        }
        return new ResourceChange(address, actions, after, before, Text(entry, "provider_name"), Text(entry, "action_reason"), replace,
            new SourceRange(file, new SourcePosition(line, column, 0), new SourcePosition(line, column, 0)))
        {
            Deposed = Text(entry, "deposed") is not null,
        };
    }

    /// <summary>A resource's value: an object, or null when the resource does not exist on that side of the change.</summary>
    private static JsonElement ObjectOrNull(string file, JsonElement change, string name, string address, int line, int column)
    {
        var value = ValueConverter.Property(change, name);
        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) return value;
        throw new InputException(file, $"resource change {JsonProblems.Shown(address)}: \"change.{name}\" must be an object or null, found {JsonProblems.Describe(value.ValueKind)}", line, column);
    }

    internal static string? Text(JsonElement o, string name) =>
        ValueConverter.Property(o, name) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
}
