namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>
/// Numbers the distinct strings of one sort key by their ordinal order, so that results are put in
/// order by integers instead of by comparing long strings with long common prefixes. Strings are
/// added in any order (each gets a provisional id); <see cref="Ranks"/> then sorts only the distinct
/// strings, once.
/// </summary>
internal sealed class OrdinalRanks
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _distinct = [];
    // A resource's results share its address string, and an input's results its name: a string met
    // again right after itself (several verdicts of one policy on one resource, the single input) needs no hashing.
    private string? _last;
    private int _lastId = -1;

    /// <summary>How many distinct strings were added (null aside).</summary>
    public int Count => _distinct.Count;

    /// <summary>Whether null was added.</summary>
    public bool SawNull { get; private set; }

    /// <summary>The provisional id of <paramref name="s"/> (-1 for null, which sorts first, as in <see cref="string.CompareOrdinal(string, string)"/>).</summary>
    public int Add(string? s)
    {
        if (s is null)
        {
            SawNull = true;
            return -1;
        }
        if (ReferenceEquals(s, _last)) return _lastId;
        if (!_ids.TryGetValue(s, out var id))
        {
            id = _distinct.Count;
            _ids.Add(s, id);
            _distinct.Add(s);
        }
        _last = s;
        _lastId = id;
        return id;
    }

    /// <summary>For each provisional id, the ordinal rank of its string among the distinct strings.</summary>
    public int[] Ranks()
    {
        var byId = new int[_distinct.Count];
        for (var i = 0; i < byId.Length; i++) byId[i] = i;
        var strings = _distinct.ToArray();
        // Distinct strings never compare equal, so the order of ties does not arise.
        Array.Sort(strings, byId, StringComparer.Ordinal);
        var rank = new int[byId.Length];
        for (var r = 0; r < byId.Length; r++) rank[byId[r]] = r;
        return rank;
    }
}
