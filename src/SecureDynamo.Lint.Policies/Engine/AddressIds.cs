using System.Collections.Concurrent;
using SecureDynamo.Lint.Core.Graph;

namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>
/// Numbers the resources a graph's results name, by reference, as the policies judge them (on their threads): the
/// results are put in address order at the end on one thread, which then neither hashes a long address text per result
/// nor walks the results to find them.
/// </summary>
internal sealed class AddressIds
{
    // Resource equality is identity, hashed by its stored hash.
    private readonly ConcurrentDictionary<Resource, int> _ids = new();
    private int _next;

    /// <summary>The id of <paramref name="resource"/> (a number below the count of <see cref="Texts"/>).</summary>
    public int Of(Resource resource)
    {
        if (_ids.TryGetValue(resource, out var id)) return id;
        // Two threads may number the same resource at once: one number is kept, the other is left unused.
        return _ids.GetOrAdd(resource, Interlocked.Increment(ref _next) - 1);
    }

    /// <summary>The address text of each id (null for a number left unused).</summary>
    public string?[] Texts()
    {
        var texts = new string?[Volatile.Read(ref _next)];
        foreach (var (resource, id) in _ids) texts[id] = resource.Address.ToString();
        return texts;
    }
}
