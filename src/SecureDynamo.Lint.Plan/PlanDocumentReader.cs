using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Plan.Json;

namespace SecureDynamo.Lint.Plan;

/// <summary>
/// Reads one <c>terraform show -json</c> document from a seekable UTF-8 stream in a single
/// streaming pass: top-level keys in any order, <c>resource_changes</c> entry by entry,
/// <c>configuration</c> module by module. <c>planned_values</c> repeats <c>resource_changes</c>
/// and is skipped; only a plan without <c>resource_changes</c> goes back to read it.
/// </summary>
internal sealed class PlanDocumentReader
{
    private readonly string _file;
    private readonly Stream _stream;
    private readonly long _start;
    private readonly PlanReadOptions _options;
    private readonly ReadProgress _progress;
    private readonly JsonTokenStream _json;
    private readonly SkippedValueCheck? _skipped;
    private bool _skippedByStructure;

    private string? _formatVersion;
    private object? _rawStateVersion;
    private bool _rawStateMarkers;
    private bool _hasResourceChanges;
    private bool _errored;
    private bool _incomplete;
    private ConfigurationReader? _configuration;
    private StateModuleReader? _priorState;
    private StateModuleReader? _values;
    private long? _plannedValuesOffset;
    private long? _priorStateOffset;
    private readonly Dictionary<string, Value> _variables = new(StringComparer.Ordinal);
    private readonly List<ResourceChange> _changes = new();
    private readonly List<ResourceChange> _destroyedDeposed = new();
    /// <summary>
    /// Managed resources skipped without building, to report how many the input holds: a 64-bit hash of each address,
    /// counted once each at the end (no string and no growing hash set per entry for resources nobody reads).
    /// </summary>
    private readonly List<ulong> _skippedManaged = new();
    private readonly Dictionary<string, ModuleConfig?> _modulesByPath = new(StringComparer.Ordinal);

    /// <param name="checkSkippedAside">
    /// Skip large unread values by their structure and check their grammar on another thread
    /// (<see cref="SkippedValueCheck"/>), when the input allows it; false reads every token here.
    /// </param>
    public PlanDocumentReader(string file, Stream utf8, PlanReadOptions options, bool checkSkippedAside = true)
    {
        _file = file;
        _stream = utf8;
        _start = utf8.Position;
        _options = options;
        _progress = new ReadProgress(options);
        _json = new JsonTokenStream(file, utf8, _progress);
        _skipped = checkSkippedAside ? SkippedValueCheck.For(utf8, options.Cancellation) : null;
    }

    public ResourceGraph Read()
    {
        try
        {
            return ReadDocument();
        }
        catch (InvalidOperationException e) when (JsonProblems.IsUnpairedSurrogate(e))
        {
            throw _json.Error(JsonProblems.UnpairedSurrogate);
        }
        catch (RepeatedNameException e)
        {
            // A value read where no reader above names its place (the configuration's constants).
            throw new InputException(_file, "a value " + RepeatedNameException.Describe(e.Name));
        }
        catch (Exception e) when (_skippedByStructure && e is InputException or SkippedValueCheck.Invalid)
        {
            // The input is not what it should be somewhere: read it again token by token, so that the
            // error is the one of the first problem in the file, exactly where it lies.
            _skipped!.Dispose();
            _stream.Position = _start;
            return new PlanDocumentReader(_file, _stream, _options, checkSkippedAside: false).Read();
        }
        finally
        {
            _skipped?.Dispose();
        }
    }

    private ResourceGraph ReadDocument()
    {
        if (!_json.Read()) throw new InputException(_file, "the file is empty; expected the output of `terraform show -json`");
        if (_json.TokenType != JsonTokenType.StartObject)
        {
            throw _json.Error($"expected a JSON object (the output of `terraform show -json`), found {JsonProblems.Describe(_json.TokenType)}");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (_json.NextProperty() is { } name)
        {
            if (!seen.Add(name)) throw _json.Error("the document " + RepeatedNameException.Describe(name));
            ReadTopLevel(name);
        }
        // Anything after the document is an error (JSON Lines, concatenated documents).
        if (_json.Read())
        {
            throw _json.Error("has more content after the JSON document; expected exactly one `terraform show -json` document");
        }
        // Nothing read after a skipped value counts until that value is known to be valid JSON.
        _skipped?.Confirm();
        return Build();
    }

    private void ReadTopLevel(string name)
    {
        switch (name)
        {
            case "format_version":
                if (_json.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
                {
                    throw _json.Error($"\"format_version\" must be a string, found {JsonProblems.Describe(_json.TokenType)}");
                }
                _formatVersion = _json.Text;
                break;
            case "resource_changes":
                _hasResourceChanges = true;
                if (_json.TokenType != JsonTokenType.StartArray)
                {
                    throw _json.Error($"\"resource_changes\" must be an array, found {JsonProblems.Describe(_json.TokenType)}");
                }
                ReadResourceChanges();
                break;
            case "configuration":
                if (!_json.ObjectOrNull(name)) break;
                _configuration = new ConfigurationReader(_json, _options);
                _configuration.Read();
                break;
            case "prior_state":
                if (!_json.ObjectOrNull(name)) break;
                _priorStateOffset = _json.TokenOffset;
                // Data sources read during planning live here; they are inputs for other judgements.
                _priorState = new StateModuleReader(_json, _options, _progress, header => header.IsData, strict: false);
                _priorState.ReadState();
                break;
            case "values":
                if (!_json.ObjectOrNull(name)) break;
                _values = new StateModuleReader(_json, _options, _progress, _ => true);
                _values.ReadValues();
                break;
            case "planned_values":
                if (!_json.ObjectOrNull(name)) break;
                _plannedValuesOffset = _json.TokenOffset;
                SkipUnread();
                break;
            case "variables":
                if (!_json.ObjectOrNull(name)) break;
                ReadVariables();
                break;
            case "version":
                _rawStateVersion = _json.Text;
                _json.Skip();
                break;
            // Terraform 1.5+ writes a plan that failed part-way (plan -out with errors) with errored true and complete false.
            case "errored":
                _errored = _json.TokenType == JsonTokenType.True;
                _json.Skip();
                break;
            case "complete":
                _incomplete = _json.TokenType == JsonTokenType.False;
                _json.Skip();
                break;
            case "lineage":
            case "serial":
                _rawStateMarkers = true;
                _json.Skip();
                break;
            default:
                SkipUnread();
                break;
        }
    }

    /// <summary>A top-level value no policy reads (planned_values, resource_drift, ...): skipped, and checked aside where it can be.</summary>
    private void SkipUnread()
    {
        if (_skipped is null || _json.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            _json.Skip();
            return;
        }
        _skippedByStructure = true;
        var (offset, length) = _json.SkipStructure();
        // The stream's offsets count from where the document starts in the input.
        _skipped.Start(_start + offset, length);
    }

    private void ReadResourceChanges()
    {
        var builder = new ResourceChangeBuilder(_file);
        // Where skipped values are checked aside, each entry is found by its structure alone and its grammar checked
        // where it is built (or, for a type no policy reads, checked there): the reading thread tokenizes none of it.
        var byStructure = _skipped is not null;
        if (byStructure) _skippedByStructure = true;
        try
        {
            while (_json.NextItem())
            {
                if (_json.TokenType != JsonTokenType.StartObject)
                {
                    throw _json.Error($"each entry of \"resource_changes\" must be an object, found {JsonProblems.Describe(_json.TokenType)}");
                }
                SharedBuffer holder;
                var entry = byStructure ? _json.CaptureItemByStructure(out holder) : _json.CaptureShared(out holder);
                _progress.ResourceSeen();
                EntryHeader header;
                try
                {
                    header = EntryHeader.Read(entry.Span, wantProviderKey: false).RequiringType();
                }
                catch (JsonException) when (byStructure)
                {
                    holder.Release();
                    throw new SkippedValueCheck.Invalid();
                }
                if (header.Problem is not null)
                {
                    holder.Release();
                    throw _json.Error(header.ProblemMessage(entry.Span, "resource change"));
                }
                if (!_options.Wants(header.Mode, header.Type ?? ""))
                {
                    // Counted by address: a deposed object repeats the address of the current one.
                    if (!header.IsData && header.AddressHashIn(entry.Span) is { } skipped) _skippedManaged.Add(skipped);
                    if (byStructure)
                    {
                        builder.Check(entry, holder);
                        continue;
                    }
                    var repeated = EntryHeader.RepeatedMember(entry.Span) is { } name
                        ? _json.Error(header.ProblemMessage(entry.Span, "resource change", RepeatedNameException.Describe(name)))
                        : null;
                    holder.Release();
                    if (repeated is not null) throw repeated;
                    continue;
                }
                var (line, column) = _json.Position();
                builder.Add(entry, holder, line, column, byStructure);
            }
        }
        catch (Exception e) when (builder.Abandon() is { } earlier && earlier != e)
        {
            ExceptionDispatchInfo.Throw(earlier);
        }
        builder.Complete();
        // A deposed object (left by a create_before_destroy replacement that did not finish) shares the
        // address of the current one: its destruction is told on the current object (or, without one, on it).
        _changes.EnsureCapacity(_changes.Count + builder.Changes.Count);
        foreach (var change in builder.Changes)
        {
            if (!change.Deposed) _changes.Add(change);
            else if (PlannedActions.FromPlan(change.Actions) is PlannedAction.Delete or PlannedAction.Replace) _destroyedDeposed.Add(change);
        }
    }

    private void ReadVariables()
    {
        using var doc = CapturedJson.Parse(_json.Capture());
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            try
            {
                if (_variables.ContainsKey(p.Name)) throw new RepeatedNameException(p.Name);
                if (p.Value.ValueKind != JsonValueKind.Object)
                {
                    // Terraform writes {"value": ...}: another shape would leave the variable without its value.
                    throw _json.Error($"\"variables.{JsonProblems.Shown(p.Name, 60)}\" must be an object with a \"value\", found {JsonProblems.Describe(p.Value.ValueKind)}");
                }
                if (p.Value.TryGetProperty("value", out var value)) _variables[p.Name] = ValueConverter.Convert(value);
            }
            catch (RepeatedNameException e)
            {
                throw _json.Error($"\"variables\" {RepeatedNameException.Describe(e.Name)}");
            }
        }
    }

    private ResourceGraph Build()
    {
        if (_formatVersion is null)
        {
            if (_rawStateVersion is not null || _rawStateMarkers)
            {
                throw new InputException(_file,
                    "this is a raw Terraform state file (terraform.tfstate), not `terraform show -json` output; run `terraform show -json > state.json` for the current state, or `terraform show -json <planfile> > plan.json` for a plan, and scan that file");
            }
            throw new InputException(_file, "has no \"format_version\"; expected the output of `terraform show -json`");
        }
        CheckFormatVersion(_formatVersion);

        var isPlan = _hasResourceChanges || _plannedValuesOffset is not null || _configuration is not null || _priorState is not null;
        if (!isPlan)
        {
            var warnings = new List<string>();
            return new ResourceGraph(_file, InputKind.State, _values?.WithDeposed(_file, warnings) ?? new List<Resource>(), null, new Dictionary<string, Value>(),
                Array.Empty<ProviderConfig>(), _values?.ManagedCount ?? 0)
            {
                Warnings = warnings,
            };
        }

        var root = _configuration?.Root;
        var resources = new List<Resource>(_changes.Count);
        var seen = new HashSet<ResourceAddress>(_changes.Count);
        var managedCount = DistinctCount(_skippedManaged);
        var refreshWarnings = new List<string>();
        var deposedByAddress = _destroyedDeposed.Count == 0 ? null : _destroyedDeposed.GroupBy(c => c.Address).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var change in _changes)
        {
            if (!seen.Add(change.Address)) continue;
            var deposed = deposedByAddress?.GetValueOrDefault(change.Address)?.Select(c => c.DeposedKey!).ToList();
            resources.Add(change.ToResource(FindConfig(root, change.ModulePath, change.ConfigAddress), deposed));
            if (change.Address.Mode == ResourceMode.Managed) managedCount++;
        }
        // Deposed objects destroyed where the plan has no current object: each address once, as its first deposed object.
        foreach (var (address, changes) in deposedByAddress ?? [])
        {
            if (!seen.Add(address)) continue;
            var first = changes[0];
            resources.Add(first.ToResource(FindConfig(root, first.ModulePath, first.ConfigAddress), changes.Select(c => c.DeposedKey!).ToList()));
            if (address.Mode == ResourceMode.Managed) managedCount++;
        }
        if (!_hasResourceChanges && _plannedValuesOffset is { } offset)
        {
            // Old plans with no changes carry resources only in planned_values: they are unchanged.
            var planned = ReadAgainAt(offset, r => r.ReadValues());
            foreach (var r in planned.Resources)
            {
                var config = FindConfig(root, r.Address.ModulePath, r.Address.ConfigAddress);
                if (seen.Add(r.Address)) resources.Add(new Resource(r.Address, PlannedAction.NoOp, r.After, r.After, config, r.ProviderName, location: r.Location));
            }
            managedCount = planned.ManagedCount;
            // A refresh-only plan changes nothing: its planned_values are empty, and the resources it keeps (refreshed)
            // are in prior_state. Judged as they are, rather than passing a plan of existing tables as empty.
            if (planned.ManagedCount == 0 && _priorStateOffset is { } prior)
            {
                var state = ReadAgainAt(prior, r => r.ReadState());
                foreach (var r in state.WithDeposed(_file, refreshWarnings))
                {
                    if (r.Mode != ResourceMode.Managed || !seen.Add(r.Address)) continue;
                    resources.Add(new Resource(r.Address, PlannedAction.NoOp, r.After, r.After, FindConfig(root, r.Address.ModulePath, r.Address.ConfigAddress), r.ProviderName));
                }
                managedCount = state.ManagedCount;
                if (managedCount > 0)
                {
                    refreshWarnings.Insert(0, $"{_file}: this plan has no resource_changes and no planned resources (a refresh-only plan): {(managedCount == 1 ? "the managed resource of prior_state (the refreshed state, which the plan keeps) was" : $"the {managedCount} managed resources of prior_state (the refreshed state, which the plan keeps) were")} checked");
                }
            }
        }
        foreach (var r in _priorState?.Resources ?? new List<Resource>())
        {
            if (r.Mode != ResourceMode.Data || !seen.Add(r.Address)) continue;
            resources.Add(new Resource(r.Address, PlannedAction.Read, r.After, Value.Null, FindConfig(root, r.Address.ModulePath, r.Address.ConfigAddress), r.ProviderName));
        }
        return new ResourceGraph(_file, InputKind.Plan, resources, root, _variables, _configuration?.Providers ?? Array.Empty<ProviderConfig>(), managedCount)
        {
            Warnings = [.. refreshWarnings, .. PlanWarnings()],
        };
    }

    private static int DistinctCount(List<ulong> hashes)
    {
        if (hashes.Count < 2) return hashes.Count;
        var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(hashes);
        sorted.Sort();
        var distinct = 1;
        for (var i = 1; i < sorted.Length; i++) if (sorted[i] != sorted[i - 1]) distinct++;
        return distinct;
    }

    private IReadOnlyList<string> PlanWarnings()
    {
        if (_errored) return [$"{_file}: Terraform marked this plan errored (\"errored\": true): planning stopped at an error, so resources it had not reached are missing and were not checked; fix the error and scan the new plan"];
        if (_incomplete) return [$"{_file}: Terraform marked this plan incomplete (\"complete\": false): more changes follow after it is applied (deferred or unknown instances), and those are not checked here"];
        return [];
    }

    /// <summary>
    /// Reads again, every resource of it, a value first read in part or skipped: <c>planned_values</c>
    /// (<see cref="StateModuleReader.ReadValues"/>) or <c>prior_state</c> (<see cref="StateModuleReader.ReadState"/>) at <paramref name="offset"/>.
    /// </summary>
    private StateModuleReader ReadAgainAt(long offset, Action<StateModuleReader> read)
    {
        _stream.Position = offset;
        var json = new JsonTokenStream(_file, _stream, _progress);
        json.Read();
        var reader = new StateModuleReader(json, _options, _progress, _ => true);
        read(reader);
        return reader;
    }

    private ResourceConfig? FindConfig(ModuleConfig? root, string modulePath, string configAddress)
    {
        if (root is null) return null;
        // Resources of one module share its path: walk the module calls once per path.
        if (!_modulesByPath.TryGetValue(modulePath, out var module)) _modulesByPath[modulePath] = module = FindModule(root, modulePath);
        return module?.Resources.GetValueOrDefault(configAddress);
    }

    private static ModuleConfig? FindModule(ModuleConfig root, string modulePath)
    {
        var module = root;
        if (modulePath.Length == 0) return module;
        var steps = modulePath.Split('.');
        for (var i = 1; i < steps.Length; i += 2)
        {
            if (!module.Calls.TryGetValue(steps[i], out var call)) return null;
            module = call.Module;
        }
        return module;
    }

    private void CheckFormatVersion(string version)
    {
        var major = version.Split('.')[0];
        if (!int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var m))
        {
            throw new InputException(_file, $"has an unreadable format_version \"{JsonProblems.Shown(version)}\"");
        }
        if (m >= 2)
        {
            throw new InputException(_file, $"has format_version {JsonProblems.Shown(version)}, which this version of securedynamo does not support (it reads 0.x and 1.x); upgrade securedynamo");
        }
    }
}
