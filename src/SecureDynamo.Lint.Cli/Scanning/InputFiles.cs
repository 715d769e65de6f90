using Microsoft.Extensions.FileSystemGlobbing;
using SecureDynamo.Lint.Core.Diagnostics;

namespace SecureDynamo.Lint.Cli.Scanning;

/// <summary>
/// Turns the scanned paths into what to read. A folder of plan files expands to the files under it
/// that the <c>include</c> globs match (by default the plan files: <see cref="DefaultInclude"/>) and
/// the <c>exclude</c> globs do not; a file named directly is read unless the config's globs leave
/// it out. Globs are relative to the config file's folder (or to the scanned folder without one).
/// </summary>
public sealed class InputFiles(IReadOnlyList<string> include, IReadOnlyList<string> exclude, string? globRoot, string workingDirectory)
{
    /// <summary>What a folder expands to when the config gives no <c>include</c>: <c>terraform show -json</c> outputs by their usual names.</summary>
    public static readonly IReadOnlyList<string> DefaultInclude = ["**/tfplan*.json", "**/plan*.json", "**/*.tfplan.json", "**/*.plan.json"];

    /// <summary>
    /// What to read, in order, and a warning for each path that yields nothing. <c>.tf</c>/<c>.tf.json</c>
    /// files named together form one module. A folder with Terraform files is a module; any other
    /// folder expands to its plan files and to the Terraform root modules below it (the topmost
    /// folders with Terraform files, leaving out hidden folders and <c>modules/</c> folders, whose
    /// modules are read through the module calls that use them).
    /// </summary>
    public (ScanPlan Plan, IReadOnlyList<string> Warnings) Expand(IReadOnlyList<string> paths)
    {
        var planFiles = new List<string>();
        var terraformFiles = new List<string>();
        var modules = new List<string>();
        var warnings = new List<string>();
        var excluded = 0;
        foreach (var path in paths)
        {
            var full = path == "-" ? path : Path.GetFullPath(path, workingDirectory);
            if (path != "-" && Directory.Exists(full))
            {
                if (HasTerraformFiles(full))
                {
                    modules.Add(path);
                    continue;
                }
                var root = globRoot ?? full;
                var found = Enumerate(full)
                    // The default globs all end in .json: other files under the scanned folder (the glob root when
                    // there is no config) need not be matched against them.
                    .Where(f => (include.Count > 0 || globRoot is not null || f.EndsWith(".json", StringComparison.Ordinal)) && Selected(f, root, include.Count > 0 ? include : DefaultInclude))
                    .Select(f => Path.Join(path, Path.GetRelativePath(full, f)))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                var below = RootModulesBelow(full)
                    .Where(d => Selected(Path.Combine(d, "main.tf"), root, AllFiles))
                    .Select(d => Path.Join(path, Path.GetRelativePath(full, d)))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0 && below.Count == 0)
                {
                    warnings.Add($"{path} holds no Terraform files (*.tf, *.tf.json) and no plan files matching {string.Join(", ", include.Count > 0 ? include : DefaultInclude)}");
                }
                planFiles.AddRange(found);
                modules.AddRange(below);
            }
            else if (path != "-" && globRoot is not null && !Selected(full, globRoot, include))
            {
                excluded++;
                warnings.Add($"{path}: skipped by the include/exclude globs of the config file");
            }
            else if (IsTerraformFile(path)) terraformFiles.Add(path);
            else if (path.EndsWith(".tfvars", StringComparison.Ordinal) || path.EndsWith(".tfvars.json", StringComparison.Ordinal))
            {
                throw new InputException(path,
                    "is a variable definitions file, not a configuration or a plan: scan its module directory (terraform.tfvars and *.auto.tfvars there are read), or give it to --var-file");
            }
            else planFiles.Add(path);
        }
        return (new ScanPlan(planFiles, terraformFiles, modules, excluded), warnings);
    }

    private static readonly IReadOnlyList<string> AllFiles = ["**/*"];

    private static bool IsTerraformFile(string path) => TerraformFiles.IsConfiguration(path);

    private static bool HasTerraformFiles(string dir)
    {
        try
        {
            return Directory.EnumerateFiles(dir).Any(IsTerraformFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The topmost folders under <paramref name="dir"/> holding Terraform files, outside hidden and <c>modules</c> folders.</summary>
    private static IEnumerable<string> RootModulesBelow(string dir)
    {
        var pending = new Stack<string>();
        pending.Push(dir);
        while (pending.Count > 0)
        {
            string[] children;
            try
            {
                children = Directory.GetDirectories(pending.Pop());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var child in children)
            {
                var name = Path.GetFileName(child);
                if (name.StartsWith('.') || name == "modules" || new DirectoryInfo(child).LinkTarget is not null) continue;
                if (HasTerraformFiles(child)) yield return child;
                else pending.Push(child);
            }
        }
    }

    private bool Selected(string fullPath, string root, IReadOnlyList<string> includes)
    {
        // A file outside the glob root is not governed by the config's globs.
        var relative = Path.GetRelativePath(root, fullPath);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) return true;
        return MatcherFor(includes).Match(root, [fullPath]).HasMatches;
    }

    // The globs are compiled once per set of include patterns (a folder's every file is matched against them).
    private readonly Dictionary<IReadOnlyList<string>, Matcher> _matchers = new(ReferenceEqualityComparer.Instance);

    private Matcher MatcherFor(IReadOnlyList<string> includes)
    {
        if (_matchers.TryGetValue(includes, out var matcher)) return matcher;
        matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(includes.Count > 0 ? includes : AllFiles);
        matcher.AddExcludePatterns(exclude);
        _matchers[includes] = matcher;
        return matcher;
    }

    /// <summary>Every file under <paramref name="dir"/>, skipping hidden folders (.git, .terraform) where providers and modules are cached.</summary>
    private static IEnumerable<string> Enumerate(string dir)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(dir, "*", options).Where(f => !InHiddenFolder(Path.GetRelativePath(dir, f)));
    }

    /// <summary>Whether a folder of the relative path (not the file name) starts with a dot.</summary>
    private static bool InHiddenFolder(string relative)
    {
        var folders = relative.AsSpan(0, Math.Max(0, relative.LastIndexOf(Path.DirectorySeparatorChar)));
        return folders.Length > 0 && (folders[0] == '.' || folders.Contains([Path.DirectorySeparatorChar, '.'], StringComparison.Ordinal));
    }
}
