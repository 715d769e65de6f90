using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;

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
    public string ModulePath => Address.ModulePath;
    public string ConfigAddress => Address.ConfigAddress;

    public Resource ToResource(ResourceConfig? config) =>
        new(Address, PlannedActions.FromPlan(Actions), After, Before, config, ProviderName, null, ActionReason, ReplacePaths, Location);

    public static ResourceChange From(string file, JObject entry, int line, int column)
    {
        var addressText = (string?)entry["address"] ?? "";
        var mode = (string?)entry["mode"] == "data" ? ResourceMode.Data : ResourceMode.Managed;
        var type = (string?)entry["type"] ?? "";
        var name = (string?)entry["name"] ?? "";
        var module = (string?)entry["module_address"] ?? "";
        string? key = entry["index"] switch
        {
            JValue { Type: JTokenType.Integer } i => ResourceAddress.FormatKey((long)i),
            JValue { Type: JTokenType.String } s => ResourceAddress.FormatKey((string)s!),
            _ => null,
        };
        ResourceAddress address;
        if (type.Length > 0 && name.Length > 0) address = new ResourceAddress(module, mode, type, name, key);
        else
        {
            try { address = ResourceAddress.Parse(addressText); }
            catch (FormatException) { throw new InputException(file, $"resource change has an unreadable address \"{addressText}\"", line, column); }
        }
        if (entry["change"] is not JObject change)
        {
            throw new InputException(file, $"resource change {addressText} has no \"change\" object", line, column);
        }
        var actions = change["actions"] is JArray a ? a.Select(x => (string?)x ?? "").ToArray() : Array.Empty<string>();
        var after = ValueConverter.Convert(change["after"], change["after_unknown"], change["after_sensitive"]);
        var before = ValueConverter.Convert(change["before"], null, change["before_sensitive"]);
        var replace = new List<AttributePath>();
        if (change["replace_paths"] is JArray paths)
        {
            foreach (var p in paths.OfType<JArray>())
            {
                var segs = p.Select(s => s.Type == JTokenType.Integer ? (object)(int)(long)s : (string?)s ?? "").ToArray();
                replace.Add(AttributePath.Of(segs));
            }
        }
        return new ResourceChange(address, actions, after, before, (string?)entry["provider_name"], (string?)entry["action_reason"], replace,
            new SourceRange(file, new SourcePosition(line, column, 0), new SourcePosition(line, column, 0)));
    }
}
