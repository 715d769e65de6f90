using SecureDynamo.Lint.Core.Graph;

namespace SecureDynamo.Lint.Plan;

/// <summary>
/// Builds the addresses of the entries one thread reads, sharing the strings an address derives from
/// its parts: every instance of a block has the same configuration address, and every instance of a
/// module call the same module path. One string each, not one per instance: less to keep, and the
/// graph's indexes hash a few strings that stay in the cache. One instance per building thread: not
/// thread-safe.
/// </summary>
internal sealed class AddressParts
{
    // A plan with more distinct blocks than this builds the rest unshared (a bound on what is kept).
    private const int MaxShared = 1 << 14;

    private readonly Dictionary<string, string> _modulePaths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _modulePathsBySpan;
    private readonly Dictionary<(string Type, string Name), string> _managed = new();
    private readonly Dictionary<(string Type, string Name), string> _data = new();

    public AddressParts() => _modulePathsBySpan = _modulePaths.GetAlternateLookup<ReadOnlySpan<char>>();

    public ResourceAddress Address(string module, ResourceMode mode, string type, string name, string? key) =>
        new(module, mode, type, name, key, ModulePath(module), ConfigAddress(mode, type, name));

    private string ConfigAddress(ResourceMode mode, string type, string name)
    {
        var known = mode == ResourceMode.Data ? _data : _managed;
        if (known.TryGetValue((type, name), out var shared)) return shared;
        var address = ResourceAddress.ConfigAddressOf(mode, type, name);
        if (known.Count < MaxShared) known[(type, name)] = address;
        return address;
    }

    private string ModulePath(string module)
    {
        if (module.IndexOf('[') < 0) return module;
        var buffer = module.Length <= 256 ? stackalloc char[module.Length] : new char[module.Length];
        var path = buffer[..ResourceAddress.StripInstanceKeys(module, buffer)];
        if (_modulePathsBySpan.TryGetValue(path, out var shared)) return shared;
        var text = new string(path);
        if (_modulePaths.Count < MaxShared) _modulePaths[text] = text;
        return text;
    }
}
