using System.Text.Json;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Plan.Json;

namespace SecureDynamo.Lint.Plan;

/// <summary>
/// Streams a state-shaped module tree (<c>values.root_module</c>, <c>planned_values.root_module</c>,
/// <c>prior_state.values.root_module</c>): <c>resources</c> and nested <c>child_modules</c>.
/// Builds only the resources a filter accepts; counts the distinct managed ones it sees.
/// </summary>
internal sealed class StateModuleReader
{
    private readonly JsonTokenStream _json;
    private readonly PlanReadOptions _options;
    private readonly ReadProgress _progress;
    private readonly Func<EntryHeader, bool> _include;
    private readonly HashSet<string> _managed = new(StringComparer.Ordinal);
    private readonly ValueInterner _interner = new();

    /// <param name="include">Which resource entries to build (type filtering by the options comes on top).</param>
    /// <param name="strict">
    /// Whether an entry whose identity is ambiguous is refused (<see cref="CheckIdentity"/>, one more pass over each
    /// entry): where the resources read are the ones judged. A plan's first pass over <c>prior_state</c> reads only its
    /// data sources, inputs of other judgements, and skips the check there.
    /// </param>
    public StateModuleReader(JsonTokenStream json, PlanReadOptions options, ReadProgress progress, Func<EntryHeader, bool> include, bool strict = true)
    {
        _json = json;
        _options = options;
        _progress = progress;
        _include = include;
        _strict = strict;
    }

    private readonly bool _strict;

    public List<Resource> Resources { get; } = new();

    public int ManagedCount => _managed.Count;

    /// <summary>Reads the module object the stream is at.</summary>
    public void ReadModule()
    {
        while (_json.NextProperty() is { } name)
        {
            switch (name)
            {
                // A module tree of another shape would read as an empty state, and pass: an input error instead.
                case "resources":
                    if (!_json.ArrayOrNull(name)) break;
                    while (_json.NextItem())
                    {
                        ExpectObject(name);
                        ReadResource(_json.Capture());
                    }
                    break;
                case "child_modules":
                    if (!_json.ArrayOrNull(name)) break;
                    while (_json.NextItem())
                    {
                        ExpectObject(name);
                        ReadModule();
                    }
                    break;
                default:
                    _json.Skip();
                    break;
            }
        }
    }

    /// <summary>Reads the state object (with <c>values.root_module</c>) the stream is at, as in <c>prior_state</c>.</summary>
    public void ReadState()
    {
        while (_json.NextProperty() is { } name)
        {
            if (name == "values") { if (_json.ObjectOrNull(name)) ReadValues(); }
            else _json.Skip();
        }
    }

    /// <summary>Reads an object holding a <c>root_module</c> (<c>values</c>, <c>planned_values</c>).</summary>
    public void ReadValues()
    {
        while (_json.NextProperty() is { } name)
        {
            if (name == "root_module") { if (_json.ObjectOrNull(name)) ReadModule(); }
            else _json.Skip();
        }
    }

    private void ExpectObject(string list)
    {
        if (_json.TokenType != JsonTokenType.StartObject)
        {
            throw _json.Error($"each entry of \"{list}\" must be an object, found {JsonProblems.Describe(_json.TokenType)}");
        }
    }

    private void ReadResource(ReadOnlyMemory<byte> entry)
    {
        _progress.ResourceSeen();
        var header = EntryHeader.Read(entry.Span, wantProviderKey: false).RequiringType();
        if (header.Problem is not null) throw _json.Error(header.ProblemMessage(entry.Span, "resource"));
        var checkedAddress = _strict ? CheckIdentity(entry.Span, header) : null;
        if (header.AddressIn(entry.Span) is not { } text) return;
        if (!header.IsData) _managed.Add(text);
        if (!_include(header) || !_options.Wants(header.Mode, header.Type ?? "")) return;
        var address = checkedAddress ?? ParseAddress(text);
        using var doc = CapturedJson.Parse(entry);
        var r = doc.RootElement;
        Value after;
        try
        {
            after = ValueConverter.Convert(ValueConverter.Property(r, "values"), default, ValueConverter.Property(r, "sensitive_values"), _interner);
        }
        catch (RepeatedNameException e)
        {
            throw _json.Error($"resource {JsonProblems.Shown(text)}: \"values\" {RepeatedNameException.Describe(e.Name)}");
        }
        var resource = new Resource(address, PlannedAction.Exists, after, Value.Null, null, ResourceChange.Text(r, "provider_name"));
        if (ResourceChange.Text(r, "deposed_key") is { } deposed) DeposedObjects.Add((resource, deposed));
        else Resources.Add(resource);
    }

    /// <summary>
    /// Refuses an entry whose identity is ambiguous before it is counted, read or dropped by its type: an identifying
    /// member written twice, no address, or a mode the address contradicts (<c>"mode": "data"</c> on
    /// <c>aws_dynamodb_table.t</c> would drop a table as a data source no policy reads).
    /// </summary>
    /// <returns>The entry's address, parsed.</returns>
    private ResourceAddress CheckIdentity(ReadOnlySpan<byte> entry, EntryHeader header)
    {
        if (EntryHeader.RepeatedMember(entry) is { } repeated) throw _json.Error(header.ProblemMessage(entry, "resource", RepeatedNameException.Describe(repeated)));
        if (header.AddressIn(entry) is not { } text) throw _json.Error(header.ProblemMessage(entry, "resource", "\"address\" is missing or null"));
        var address = ParseAddress(text);
        if ((address.Mode == ResourceMode.Data) != header.IsData)
        {
            throw _json.Error($"resource {JsonProblems.Shown(text)}: \"mode\" is \"{JsonProblems.Shown(header.Mode, 40)}\" but the address names a {(address.Mode == ResourceMode.Data ? "data source" : "managed resource")}");
        }
        return address;
    }

    private ResourceAddress ParseAddress(string text)
    {
        try { return ResourceAddress.Parse(text); }
        catch (FormatException) { throw _json.Error($"resource has an unreadable address \"{JsonProblems.Shown(text)}\""); }
    }

    /// <summary>
    /// Deposed objects (left by a create_before_destroy replacement that did not finish) with their keys: real
    /// objects, but sharing the address of the current one.
    /// </summary>
    public List<(Resource Resource, string Key)> DeposedObjects { get; } = new();

    /// <summary>
    /// <see cref="Resources"/> with the deposed objects of addresses that have no current object (judged under that
    /// address), and a warning for each one that shares its address with the current object (its findings could not
    /// be told apart from the current object's).
    /// </summary>
    public List<Resource> WithDeposed(string file, List<string> warnings)
    {
        if (DeposedObjects.Count == 0) return Resources;
        var current = Resources.Select(r => r.Address).ToHashSet();
        var all = new List<Resource>(Resources);
        foreach (var (resource, key) in DeposedObjects)
        {
            if (current.Add(resource.Address)) all.Add(resource);
            else warnings.Add($"{file}: {resource.Address} has a deposed object {key} beside the current one (a create_before_destroy replacement that did not finish): it still exists, and only the current object is checked; run terraform apply to destroy it");
        }
        return all;
    }
}
