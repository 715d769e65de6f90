namespace SecureDynamo.Lint.Hcl.Values;

/// <summary>An object value; attributes are kept sorted by name (ordinal), as cty does.</summary>
public sealed record HclObject(IReadOnlyList<KeyValuePair<string, HclValue>> Attributes) : HclValue
{
    public static HclObject From(IEnumerable<KeyValuePair<string, HclValue>> attributes)
    {
        var map = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
        foreach (var (k, v) in attributes)
        {
            map[k] = v;
        }
        return new HclObject(map.ToList());
    }

    public HclValue? Get(string name)
    {
        foreach (var (k, v) in Attributes)
        {
            if (k == name)
            {
                return v;
            }
        }
        return null;
    }
}
