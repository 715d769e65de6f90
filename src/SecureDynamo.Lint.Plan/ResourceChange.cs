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
    /// <summary>The key of the deposed object this entry is (left by a create_before_destroy replacement that did not finish), or null for the current object.</summary>
    public string? DeposedKey { get; init; }

    public bool Deposed => DeposedKey is not null;

    public string ModulePath => Address.ModulePath;
    public string ConfigAddress => Address.ConfigAddress;

    /// <param name="destroyedDeposed">Keys of this address's deposed objects that the plan destroys.</param>
    public Resource ToResource(ResourceConfig? config, IReadOnlyList<string>? destroyedDeposed = null) =>
        new(Address, PlannedActions.FromPlan(Actions), After, Before, config, ProviderName, null, ActionReason, ReplacePaths, Location)
        {
            IsDeposedObject = Deposed,
            DestroyedDeposedObjects = destroyedDeposed ?? [],
        };

    // The members of an entry and of its change this reader uses, found in one pass over each.
    private static class Entry
    {
        public const int Mode = 0, Type = 1, Name = 2, ModuleAddress = 3, Index = 4, Change = 5, ProviderName = 6, ActionReason = 7, Deposed = 8;
    }

    private static readonly byte[][] EntryNames = Members.Utf8("mode", "type", "name", "module_address", "index", "change", "provider_name", "action_reason", "deposed");
    private static class Change
    {
        public const int After = 0, Before = 1, Actions = 2, AfterUnknown = 3, AfterSensitive = 4, BeforeSensitive = 5, ReplacePaths = 6;
    }

    private static readonly byte[][] ChangeNames = Members.Utf8("after", "before", "actions", "after_unknown", "after_sensitive", "before_sensitive", "replace_paths");

    public static ResourceChange From(string file, JsonElement entry, int line, int column, ValueInterner? interner = null, AddressParts? addresses = null)
    {
        var members = Members.Of(entry, EntryNames);
        if (members.Repeated is { } repeatedMember) throw Problem(file, entry, RepeatedNameException.Describe(repeatedMember), line, column);
        var mode = Shared(members[Entry.Mode]) == "data" ? ResourceMode.Data : ResourceMode.Managed;
        var type = Shared(members[Entry.Type]) ?? "";
        var name = Shared(members[Entry.Name]) ?? "";
        var module = Shared(members[Entry.ModuleAddress]) ?? "";
        var index = members[Entry.Index];
        string? key = index.ValueKind switch
        {
            JsonValueKind.Number when index.TryGetInt64(out var i) => ResourceAddress.FormatKey(i),
            JsonValueKind.String => ResourceAddress.FormatKey(index.GetString()!),
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            _ => throw Problem(file, entry, $"\"index\" must be a whole number or a string, found {JsonProblems.Describe(index.ValueKind)}", line, column),
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
        var change = members[Entry.Change];
        if (change.ValueKind != JsonValueKind.Object)
        {
            throw new InputException(file, $"resource change {JsonProblems.Shown(AddressText(entry))} has no \"change\" object", line, column);
        }
        var changes = Members.Of(change, ChangeNames);
        if (changes.Repeated is { } repeatedChange) throw Problem(file, entry, "\"change\" " + RepeatedNameException.Describe(repeatedChange), line, column);
        foreach (var (shadow, member) in new[] { (Change.AfterUnknown, "after_unknown"), (Change.AfterSensitive, "after_sensitive"), (Change.BeforeSensitive, "before_sensitive") })
        {
            // A shadow of another type would silently mark nothing: values left out as unknown would read as absent.
            if (changes[shadow].ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
            {
                throw Problem(file, entry, $"\"change.{member}\" must be an object or a boolean, found {JsonProblems.Describe(changes[shadow].ValueKind)}", line, column);
            }
        }
        var afterJson = ObjectOrNull(file, entry, changes[Change.After], "after", line, column);
        var beforeJson = ObjectOrNull(file, entry, changes[Change.Before], "before", line, column);
        var actions = ReadActions(file, entry, changes[Change.Actions], line, column);
        Value after, before;
        try
        {
            after = ValueConverter.Convert(afterJson, changes[Change.AfterUnknown], changes[Change.AfterSensitive], interner);
            before = ValueConverter.Convert(beforeJson, default, changes[Change.BeforeSensitive], interner);
        }
        catch (RepeatedNameException e)
        {
            throw Problem(file, entry, "\"change\" " + RepeatedNameException.Describe(e.Name), line, column);
        }
        IReadOnlyList<AttributePath> replace = Array.Empty<AttributePath>();
        if (changes[Change.ReplacePaths] is { ValueKind: JsonValueKind.Array } paths && paths.GetArrayLength() > 0)
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
        return new ResourceChange(address, actions, after, before, Shared(members[Entry.ProviderName]), Text(members[Entry.ActionReason]), replace,
            new SourceRange(file, new SourcePosition(line, column, 0), new SourcePosition(line, column, 0)))
        {
            DeposedKey = members[Entry.Deposed].ValueKind == JsonValueKind.String ? members[Entry.Deposed].GetString() : null,
        };
    }

    /// <summary>The actions Terraform writes, alone or as a replacement pair.</summary>
    private static readonly string[] KnownActions = ["no-op", "create", "read", "update", "delete", "forget"];

    /// <summary>
    /// The change's <c>actions</c>: a list of the actions Terraform writes (one, or <c>delete</c> and
    /// <c>create</c> for a replacement). Anything else is an input error: read as "no change", a
    /// mistyped or unknown action would let a table's destruction pass.
    /// </summary>
    private static string[] ReadActions(string file, JsonElement entry, JsonElement actions, int line, int column)
    {
        InputException ActionsProblem(string what) => Problem(file, entry, "\"change.actions\" " + what, line, column);
        if (actions.ValueKind != JsonValueKind.Array)
        {
            throw ActionsProblem(actions.ValueKind == JsonValueKind.Undefined ? "is missing" : $"must be a list of actions, found {JsonProblems.Describe(actions.ValueKind)}");
        }
        var list = new string[actions.GetArrayLength()];
        var n = 0;
        foreach (var x in actions.EnumerateArray())
        {
            var action = x.ValueKind == JsonValueKind.String ? Utf8Strings.String(x) : null;
            if (action is null || Array.IndexOf(KnownActions, action) < 0)
            {
                throw ActionsProblem($"has {(action is null ? JsonProblems.Describe(x.ValueKind) + " where an action belongs" : $"the unknown action \"{JsonProblems.Shown(action, 40)}\"")}; Terraform writes {string.Join(", ", KnownActions)} (a newer Terraform may need a newer securedynamo)");
            }
            list[n++] = action;
        }
        if (list.Length != 1 && PlannedActions.FromPlan(list) != PlannedAction.Replace)
        {
            throw ActionsProblem($"is [{string.Join(", ", list)}]; Terraform writes one action, or delete and create for a replacement");
        }
        return list;
    }

    private static InputException Problem(string file, JsonElement entry, string problem, int line, int column) =>
        new(file, $"resource change {JsonProblems.Shown(AddressText(entry))}: {problem}", line, column);

    /// <summary>The entry's full address, read only where it is needed: a message, or an entry without type and name.</summary>
    private static string AddressText(JsonElement entry) => Text(entry, "address") ?? "";

    /// <summary>A short identifying string (mode, type, name, module, provider) shared across entries that repeat it.</summary>
    private static string? Shared(JsonElement value) => value.ValueKind == JsonValueKind.String ? Utf8Strings.String(value) : null;

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A resource's value: an object, or null when the resource does not exist on that side of the change.</summary>
    private static JsonElement ObjectOrNull(string file, JsonElement entry, JsonElement value, string name, int line, int column)
    {
        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) return value;
        throw Problem(file, entry, $"\"change.{name}\" must be an object or null, found {JsonProblems.Describe(value.ValueKind)}", line, column);
    }

    internal static string? Text(JsonElement o, string name) => Text(ValueConverter.Property(o, name));
}
