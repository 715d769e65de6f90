using Microsoft.Extensions.FileSystemGlobbing;

namespace SecureDynamo.Lint.Cli.Scanning;

/// <summary>
/// Turns the scanned paths into the files to read. A folder expands to the files under it that
/// the <c>include</c> globs match (by default the plan files: <see cref="DefaultInclude"/>) and
/// the <c>exclude</c> globs do not; a file named directly is read unless the config's globs leave
/// it out. Globs are relative to the config file's folder (or to the scanned folder without one).
/// </summary>
public sealed class InputFiles(IReadOnlyList<string> include, IReadOnlyList<string> exclude, string? globRoot, string workingDirectory)
{
    /// <summary>What a folder expands to when the config gives no <c>include</c>: <c>terraform show -json</c> outputs by their usual names.</summary>
    public static readonly IReadOnlyList<string> DefaultInclude = ["**/tfplan*.json", "**/plan*.json", "**/*.tfplan.json", "**/*.plan.json"];

    /// <summary>The files to read, in order, and a warning for each path that yields none.</summary>
    public (IReadOnlyList<string> Files, IReadOnlyList<string> Warnings) Expand(IReadOnlyList<string> paths)
    {
        var files = new List<string>();
        var warnings = new List<string>();
        foreach (var path in paths)
        {
            var full = path == "-" ? path : Path.GetFullPath(path, workingDirectory);
            if (path != "-" && Directory.Exists(full))
            {
                var root = globRoot ?? full;
                var found = Enumerate(full)
                    .Where(f => Selected(f, root, include.Count > 0 ? include : DefaultInclude))
                    .Select(f => Path.Join(path, Path.GetRelativePath(full, f)))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0) warnings.Add($"{path}: no files to scan in this folder (include: {string.Join(", ", include.Count > 0 ? include : DefaultInclude)})");
                files.AddRange(found);
            }
            else if (path == "-" || globRoot is null || Selected(full, globRoot, include)) files.Add(path);
            else warnings.Add($"{path}: skipped by the include/exclude globs of the config file");
        }
        return (files, warnings);
    }

    private bool Selected(string fullPath, string root, IReadOnlyList<string> includes)
    {
        // A file outside the glob root is not governed by the config's globs.
        var relative = Path.GetRelativePath(root, fullPath);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) return true;
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(includes.Count > 0 ? includes : ["**/*"]);
        matcher.AddExcludePatterns(exclude);
        return matcher.Match(root, [fullPath]).HasMatches;
    }

    /// <summary>Every file under <paramref name="dir"/>, skipping hidden folders (.git, .terraform) where providers and modules are cached.</summary>
    private static IEnumerable<string> Enumerate(string dir)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(dir, "*", options)
            .Where(f => !Path.GetRelativePath(dir, f).Split(Path.DirectorySeparatorChar).SkipLast(1).Any(part => part.StartsWith('.')));
    }
}
