using Microsoft.Extensions.FileSystemGlobbing;
using SecureDynamo.Lint.Core.Diagnostics;

namespace SecureDynamo.Lint.Cli.Scanning;

/// <summary>
/// Turns the scanned paths into what to read. A folder of plan files expands to the files under it
/// that the <c>include</c> globs match (by default the plan files: <see cref="DefaultInclude"/>) and
/// the <c>exclude</c> globs do not; a file named directly is read unless the config's globs leave
/// it out. Globs are relative to the config file's folder (or to the scanned folder without one).
/// </summary>
public sealed partial class InputFiles(IReadOnlyList<string> include, IReadOnlyList<string> exclude, string? globRoot, string workingDirectory)
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
        if (paths.Count(p => p == "-") > 1) throw new UsageException("standard input (-) is given more than once; it can be read only once");
        foreach (var path in paths)
        {
            var full = path == "-" ? path : Path.GetFullPath(path, workingDirectory);
            if (path != "-" && Directory.Exists(full))
            {
                // A folder with Terraform files is a module; other root modules and plan files below it (a repository whose
                // root has a versions.tf) are read too, but not the folders its own module calls use, nor a plan beside its
                // .tf files (the plan of that module: judged when named, not twice with its source).
                var isModule = HasTerraformFiles(full);
                if (isModule) modules.Add(path);
                var called = isModule ? LocalModuleFolders(full) : [];
                var root = globRoot ?? full;
                var found = Enumerate(full)
                    // The default globs all end in .json: other files under the scanned folder (the glob root when
                    // there is no config) need not be matched against them.
                    .Where(f => (include.Count > 0 || globRoot is not null || f.EndsWith(".json", StringComparison.Ordinal)) && Selected(f, root, include.Count > 0 ? include : DefaultInclude))
                    .Where(f => !Under(f, called))
                    .Select(f => Path.Join(path, Path.GetRelativePath(full, f)))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (isModule)
                {
                    foreach (var beside in found.Where(f => Path.GetDirectoryName(Path.GetFullPath(f, workingDirectory)) == Path.TrimEndingDirectorySeparator(full)).ToList())
                    {
                        warnings.Add($"{beside}: skipped: a plan file beside the .tf files of the module scanned with it; name it to judge the plan");
                        found.Remove(beside);
                    }
                }
                var below = RootModulesBelow(full, link => warnings.Add($"{Path.Join(path, Path.GetRelativePath(full, link))}: skipped: a symbolic link to a folder is not followed (a link can loop); scan its target directly"))
                    .Where(d => !Under(d, called) && Selected(Path.Combine(d, "main.tf"), root, AllFiles))
                    .Select(d => Path.Join(path, Path.GetRelativePath(full, d)))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                // Found by a glob, not named: a JSON file that is not Terraform's (docs/planning.json, a package's plans.json)
                // is skipped with a warning rather than stopping the scan of everything else; a named file is always read.
                foreach (var broken in found.Where(f => !LinkTargetExists(Path.GetFullPath(f, workingDirectory))).ToList())
                {
                    warnings.Add($"{broken}: skipped: a symbolic link whose target does not exist");
                    found.Remove(broken);
                }
                foreach (var other in found.Where(f => !LooksLikeTerraformJson(Path.GetFullPath(f, workingDirectory))).ToList())
                {
                    warnings.Add($"{other}: skipped: it matches the plan file globs but is not `terraform show -json` output (it does not start as Terraform's JSON does)");
                    found.Remove(other);
                }
                if (!isModule && found.Count == 0 && below.Count == 0)
                {
                    warnings.Add($"{path} holds no Terraform files (*.tf, *.tf.json) and no plan files matching {string.Join(", ", include.Count > 0 ? include : DefaultInclude)}");
                }
                planFiles.AddRange(found);
                modules.AddRange(below);
            }
            // A Terraform file named directly is read: the include globs choose plan files (a folder's modules are not filtered by them either).
            else if (IsTerraformFile(path)) terraformFiles.Add(path);
            else if (path != "-" && globRoot is not null && !Selected(full, globRoot, include))
            {
                excluded++;
                warnings.Add($"{path}: skipped by the include/exclude globs of the config file");
            }
            else if (path.EndsWith(".tfvars", StringComparison.Ordinal) || path.EndsWith(".tfvars.json", StringComparison.Ordinal))
            {
                throw new InputException(path,
                    "is a variable definitions file, not a configuration or a plan: scan its module directory (terraform.tfvars and *.auto.tfvars there are read), or give it to --var-file");
            }
            else planFiles.Add(path);
        }
        // An input named twice, or a folder and a file in it, is read once: judged twice, every finding would be reported twice.
        return (new ScanPlan(Once(planFiles), Once(terraformFiles), Once(modules), excluded), warnings);
    }

    private List<string> Once(List<string> paths)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return paths.Where(p => seen.Add(p == "-" ? p : Path.TrimEndingDirectorySeparator(Path.GetFullPath(p, workingDirectory)))).ToList();
    }

    private static readonly IReadOnlyList<string> AllFiles = ["**/*"];

    /// <summary>Whether a file, or the file a symbolic link finally leads to, exists (File.Exists calls a dangling link a file).</summary>
    private static bool LinkTargetExists(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.LinkTarget is null ? info.Exists : info.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true };
        }
        catch (IOException)
        {
            return false; // a loop of links
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bsource\s*=\s*""(\.\.?/[^""]*)""")]
    private static partial System.Text.RegularExpressions.Regex LocalSource();

    /// <summary>
    /// The folders the module in <paramref name="dir"/> calls by a local source (<c>source = "./tables"</c>), and those they
    /// call in turn (<c>source = "../shared"</c>): read through those calls.
    /// </summary>
    private static IReadOnlyList<string> LocalModuleFolders(string dir)
    {
        var folders = new List<string>();
        var pending = new Queue<string>([Path.TrimEndingDirectorySeparator(dir)]);
        var seen = new HashSet<string>(pending, StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var module = pending.Dequeue();
            try
            {
                foreach (var file in Directory.EnumerateFiles(module).Where(IsTerraformFile))
                {
                    foreach (System.Text.RegularExpressions.Match m in LocalSource().Matches(File.ReadAllText(file)))
                    {
                        var called = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(module, m.Groups[1].Value)));
                        if (!seen.Add(called)) continue;
                        folders.Add(called);
                        if (Directory.Exists(called)) pending.Enqueue(called);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException) { }
        }
        return folders;
    }

    /// <summary>Whether <paramref name="path"/> is one of <paramref name="folders"/> or lies under one.</summary>
    private static bool Under(string path, IReadOnlyList<string> folders)
    {
        foreach (var folder in folders)
        {
            if (path.StartsWith(folder, StringComparison.Ordinal) && (path.Length == folder.Length || path[folder.Length] == Path.DirectorySeparatorChar)) return true;
        }
        return false;
    }

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
    /// <param name="linkSkipped">Told each symbolic link to a folder that is not followed.</param>
    private static IEnumerable<string> RootModulesBelow(string dir, Action<string> linkSkipped)
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
                if (name.StartsWith('.') || name == "modules" || name == "node_modules") continue;
                if (new DirectoryInfo(child).LinkTarget is not null)
                {
                    linkSkipped(child);
                    continue;
                }
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

    /// <summary>
    /// Every file under <paramref name="dir"/>, skipping hidden folders (.git, .terraform) where providers and modules are
    /// cached, and node_modules (JavaScript packages, which hold JSON files of every name).
    /// </summary>
    private static IEnumerable<string> Enumerate(string dir)
    {
        // Symbolic links to folders are not walked (a link can loop); a symbolic link to a file (a shared plan) is read.
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
        var files = new System.IO.Enumeration.FileSystemEnumerable<string>(dir, static (ref System.IO.Enumeration.FileSystemEntry e) => e.ToFullPath(), options)
        {
            ShouldIncludePredicate = static (ref System.IO.Enumeration.FileSystemEntry e) => !e.IsDirectory,
            ShouldRecursePredicate = static (ref System.IO.Enumeration.FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        return files.Where(f => !InSkippedFolder(Path.GetRelativePath(dir, f)));
    }

    /// <summary>Whether a folder of the relative path (not the file name) starts with a dot or is node_modules.</summary>
    private static bool InSkippedFolder(string relative)
    {
        var cut = relative.LastIndexOf(Path.DirectorySeparatorChar);
        if (cut <= 0) return false;
        foreach (var folder in relative[..cut].Split(Path.DirectorySeparatorChar))
        {
            if (folder.StartsWith('.') || folder == "node_modules") return true;
        }
        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*\{\s*""([^""\\]*)""")]
    private static partial System.Text.RegularExpressions.Regex FirstMember();

    /// <summary>The members Terraform writes at the top of <c>terraform show -json</c> output (a plan or a state).</summary>
    private static readonly HashSet<string> TopLevelNames = new(StringComparer.Ordinal)
    {
        "format_version", "terraform_version", "variables", "planned_values", "resource_drift", "resource_changes", "output_changes",
        "prior_state", "configuration", "relevant_attributes", "checks", "timestamp", "applyable", "complete", "errored", "values",
        "deferred_changes", "deferred_action_invocations", "action_invocations",
    };

    /// <summary>
    /// Whether the file may be Terraform's JSON output: <c>format_version</c> among its first characters, an object whose
    /// first member is one Terraform writes (a plan pretty-printed with sorted keys starts with <c>applyable</c>), or
    /// setup-terraform's wrapper lines (read, so that the reader says how to fix them). Anything else is someone else's JSON.
    /// </summary>
    private static bool LooksLikeTerraformJson(string path)
    {
        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            var head = new char[4096];
            var n = reader.ReadBlock(head, 0, head.Length);
            var text = new string(head, 0, n);
            if (text.Contains("\"format_version\"", StringComparison.Ordinal) || text.StartsWith("[command]", StringComparison.Ordinal)) return true;
            var first = FirstMember().Match(text);
            return first.Success && TopLevelNames.Contains(first.Groups[1].Value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable: read it anyway, so that the reader reports why.
            return true;
        }
    }
}
