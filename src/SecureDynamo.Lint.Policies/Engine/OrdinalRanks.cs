namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>
/// Numbers the distinct strings of one sort key by their ordinal order, so that results are put in
/// order by integers instead of by comparing long strings with long common prefixes. Strings are
/// added in any order (each gets a provisional id); <see cref="Ranks"/> then sorts only the distinct
/// strings, once.
/// </summary>
internal sealed class OrdinalRanks
{
    /// <param name="known">
    /// Ranks worked out before (<see cref="Of"/>) of strings that are likely to be added (a graph's addresses,
    /// ranked while its policies run): when every string added is among them, <see cref="Ranks"/> sorts nothing.
    /// </param>
    public OrdinalRanks(KnownRanks? known = null) => _known = known;

    private readonly KnownRanks? _known;
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

    /// <summary>How many ranks <see cref="Ranks"/> gives out (ranks are below it; with known ranks, not all are used).</summary>
    public int RankCount => _fromKnown ? _known!.Count : _distinct.Count;

    private bool _fromKnown;

    /// <summary>For each provisional id, the ordinal rank of its string (among the distinct strings, or among the known ones).</summary>
    public int[] Ranks()
    {
        if (_known is not null)
        {
            var known = new int[_distinct.Count];
            var all = true;
            for (var i = 0; i < known.Length && all; i++) all = _known.Rank.TryGetValue(_distinct[i], out known[i]);
            if (all)
            {
                _fromKnown = true;
                return known;
            }
        }
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

/// <summary>The ordinal ranks of a set of distinct strings, worked out ahead of a sort.</summary>
internal sealed class KnownRanks
{
    private KnownRanks(Dictionary<string, int> rank) => Rank = rank;

    public Dictionary<string, int> Rank { get; }

    public int Count => Rank.Count;

    public static KnownRanks Of(IEnumerable<string> strings)
    {
        var distinct = strings.Distinct(StringComparer.Ordinal).ToArray();
        Array.Sort(distinct, StringComparer.Ordinal);
        var rank = new Dictionary<string, int>(distinct.Length, StringComparer.Ordinal);
        for (var i = 0; i < distinct.Length; i++) rank[distinct[i]] = i;
        return new KnownRanks(rank);
    }
}
