using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Terraform.Enrichment;

/// <summary>
/// Finds where a result's attribute is written in Terraform source, through the graph read from
/// that source: the attribute itself, else the innermost written block on its path, else the
/// resource block. Used to point HCL findings at nested blocks and to give plan findings file:line
/// (<c>scan plan.json --source-dir DIR</c>). One locator serves one thread: it remembers the paths it has worked out.
/// </summary>
public sealed class SourceLocator
{
    private readonly Dictionary<(string Module, string Address), Resource> _blocks = new();
    private readonly Dictionary<string, Resource> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AttributePath[]> _paths = new(StringComparer.Ordinal);

    public SourceLocator(ResourceGraph source)
    {
        foreach (var r in source.Resources)
        {
            _blocks.TryAdd((r.Address.ModulePath, r.Address.ConfigAddress), r);
            _instances.TryAdd(r.Address.ToString(), r);
        }
    }

    /// <summary>The source range for <paramref name="address"/> (any instance of the same block) and <paramref name="attribute"/>, or null when the source has no such block.</summary>
    public SourceRange? Locate(string address, string? attribute)
    {
        // The same instance when the source expands to it (most results name an instance as the graph writes it), else any instance of the same block.
        if (!_instances.TryGetValue(address, out var resource))
        {
            ResourceAddress parsed;
            try
            {
                parsed = ResourceAddress.Parse(address);
            }
            catch (FormatException)
            {
                return null;
            }
            if (!_instances.TryGetValue(parsed.ToString(), out resource) && !_blocks.TryGetValue((parsed.ModulePath, parsed.ConfigAddress), out resource)) return null;
        }
        if (attribute is null) return resource.Location;
        // The paths of one attribute, longest first, are worked out once per attribute name.
        if (!_paths.TryGetValue(attribute, out var paths))
        {
            var segments = ParsePath(attribute);
            paths = new AttributePath[segments.Count];
            for (var n = segments.Count; n > 0; n--) paths[segments.Count - n] = AttributePath.Of(segments.Take(n).ToArray());
            _paths[attribute] = paths;
        }
        foreach (var path in paths)
        {
            var v = resource.After.Navigate(path);
            // A written argument that evaluates to null (deletion_protection_enabled = var.x, default null) decides as much as any.
            if (v.Range is not null) return v.Range;
        }
        return resource.Location;
    }

    /// <summary>Re-points results at their source: plan results get the .tf location, HCL results the innermost written block.</summary>
    public IReadOnlyList<EvaluationResult> Relocate(IReadOnlyList<EvaluationResult> results) => Relocate(results, null);

    /// <summary>
    /// As <see cref="Relocate(IReadOnlyList{EvaluationResult})"/>, then each result's location (found or
    /// kept) renamed by <paramref name="rename"/>: one copy of each result instead of two.
    /// </summary>
    public IReadOnlyList<EvaluationResult> Relocate(IReadOnlyList<EvaluationResult> results, Func<SourceRange, SourceRange>? rename)
    {
        // Policies judge the same attributes of the same resources: each is looked up (and renamed) once.
        var located = new Dictionary<(string Address, string? Attribute), SourceRange?>();
        var relocated = new List<EvaluationResult>(results.Count);
        foreach (var r in results)
        {
            var key = (r.ResourceAddress, r.Attribute);
            if (!located.TryGetValue(key, out var where))
            {
                where = Locate(r.ResourceAddress, r.Attribute);
                if (where is not null && rename is not null) where = rename(where);
                located[key] = where;
            }
            if (where is null && rename is not null && r.Location is { } kept) where = rename(kept);
            relocated.Add(where is not null && !ReferenceEquals(where, r.Location) ? r with { Location = where } : r);
        }
        return relocated;
    }

    /// <summary>Splits <c>server_side_encryption[0].kms_key_arn</c> into names and indexes.</summary>
    public static IReadOnlyList<object> ParsePath(string path)
    {
        var segments = new List<object>();
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[');
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0) segments.Add(name);
            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                if (close < 0) break;
                if (int.TryParse(part[(bracket + 1)..close], out var i)) segments.Add(i);
                bracket = part.IndexOf('[', close);
            }
        }
        return segments;
    }
}
