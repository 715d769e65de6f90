using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Policies.Linking;

/// <summary>
/// Links a resource to the table an argument names: by configuration reference to an
/// <c>aws_dynamodb_table</c> (through modules, count and for_each), else by the table name the
/// argument's known value carries (<c>table/orders</c>).
/// </summary>
public sealed class TableLinker
{
    public const string TableType = "aws_dynamodb_table";
    private readonly ReferenceLinker _references;
    private static readonly AttributePath Name = AttributePath.Of("name");
    private readonly IReadOnlyList<Resource> _tables;
    // Built on first use: known table name → tables (in input order), and the tables whose name is unknown.
    private Dictionary<string, List<Resource>>? _byName;
    private List<Resource>? _unnamed;

    private readonly Func<Resource, string?>? _regionOf;

    /// <param name="regionOf">
    /// For a regional link (an autoscaling target names a table of its own region): a resource's
    /// region when known before apply. A name then links only to tables that may be in the source's region.
    /// </param>
    public TableLinker(ReferenceLinker references, IReadOnlyList<Resource> tables, Func<Resource, string?>? regionOf = null)
    {
        _references = references;
        _tables = tables;
        _regionOf = regionOf;
    }

    /// <summary>The tables <paramref name="source"/>'s <paramref name="path"/> names; <paramref name="tableName"/> extracts a table name from its known value.</summary>
    public TableLink Link(Resource source, AttributePath path, Func<string, string?> tableName)
    {
        var value = source.Get(path);
        var literal = value.IsKnown && value.AsString() is { } s ? tableName(s) : null;
        var link = _references.Link(source, path, TableType);
        string Shown() => $"{source.Address}.{path}";
        if (link.Instances.Count > 0)
        {
            if (link.Exact && link.Instances.Count == 1) return TableLink.To(link.Instances);
            // Several candidates (a splat, a conditional, a key the plan does not show): the known name decides.
            if (literal is not null)
            {
                var named = link.Instances.Where(t => NameOf(t) == literal).ToList();
                if (named.Count == 1) return TableLink.To(named);
            }
            return TableLink.Undecided(link.Instances, $"{Shown()} refers to {string.Join(" or ", link.Instances.Select(t => t.Address.ToString()))} and which one is not known before apply");
        }
        if (literal is not null)
        {
            IndexNames();
            IReadOnlyList<Resource> named = _byName!.TryGetValue(literal, out var found) ? found : [];
            IReadOnlyList<Resource> unnamed = _unnamed!;
            if (_regionOf?.Invoke(source) is { } region)
            {
                // A table known to be in another region is another table, whatever its name.
                named = named.Where(t => RegionOf(t) is not { } r || r == region).ToList();
                unnamed = UnnamedIn(region);
            }
            if (unnamed.Count > 0) return TableLink.Undecided([.. named, .. unnamed], $"{Shown()} names table {literal} and some table names are known only after apply");
            return TableLink.To(named.ToList());
        }
        if (value.IsKnown) return TableLink.To(Array.Empty<Resource>());
        var why = link.Unresolved ?? source.ExpressionAt(path)?.Describe() ?? "computed by the provider";
        return TableLink.Undecided(_tables, $"{Shown()} is known only after apply ({why})");
    }

    private readonly Dictionary<Resource, string?> _regions = new();
    private readonly Dictionary<string, IReadOnlyList<Resource>> _unnamedByRegion = new(StringComparer.Ordinal);

    private string? RegionOf(Resource table)
    {
        if (!_regions.TryGetValue(table, out var region)) _regions[table] = region = _regionOf!(table);
        return region;
    }

    /// <summary>The tables of unknown name that may be in <paramref name="region"/>, worked out once per region.</summary>
    private IReadOnlyList<Resource> UnnamedIn(string region)
    {
        if (!_unnamedByRegion.TryGetValue(region, out var list))
        {
            _unnamedByRegion[region] = list = _unnamed!.Where(t => RegionOf(t) is not { } r || r == region).ToList();
        }
        return list;
    }

    /// <summary>Indexes the tables by known name once: a linker links every target of a graph.</summary>
    private void IndexNames()
    {
        if (_byName is not null) return;
        var byName = new Dictionary<string, List<Resource>>(StringComparer.Ordinal);
        var unnamed = new List<Resource>();
        foreach (var t in _tables)
        {
            if (NameOf(t) is not { } name) unnamed.Add(t);
            else if (byName.TryGetValue(name, out var list)) list.Add(t);
            else byName[name] = [t];
        }
        _unnamed = unnamed;
        _byName = byName;
    }

    /// <summary>The table's name when known before apply.</summary>
    public static string? NameOf(Resource table)
    {
        var v = table.Get(Name);
        return v.IsKnown ? v.AsString() : null;
    }
}
