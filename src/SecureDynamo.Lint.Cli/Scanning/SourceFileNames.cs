using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Cli.Scanning;

/// <summary>
/// The Terraform front end names files relative to the module directory it read; reports name
/// them as the user reaches them (the directory as given, then the file), so that repository-
/// relative paths in SARIF and the other reports are right when a sub-folder is scanned.
/// </summary>
public static class SourceFileNames
{
    public static IReadOnlyList<EvaluationResult> InDirectory(string directory, IReadOnlyList<EvaluationResult> results)
    {
        if (Prefix(directory).Length == 0) return results;
        var rename = Renamer(directory);
        var renamed = new List<EvaluationResult>(results.Count);
        foreach (var r in results)
        {
            renamed.Add(r.Location is { } loc && rename(loc) is var named && !ReferenceEquals(named, loc) ? r with { Location = named } : r);
        }
        return renamed;
    }

    /// <summary>
    /// What <see cref="InDirectory(string, IReadOnlyList{EvaluationResult})"/> does to one location: the range
    /// with its file named from the directory, or the same range when the file is not the module's.
    /// </summary>
    public static Func<SourceRange, SourceRange> Renamer(string directory)
    {
        var prefix = Prefix(directory);
        if (prefix.Length == 0) return static range => range;
        // Results name few files, many times each: look each up on disk and name it once (null: not inside).
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        return range =>
        {
            if (!names.TryGetValue(range.File, out var name)) names[range.File] = name = IsInside(directory, range.File) ? Join(prefix, range.File) : null;
            return name is null ? range : range with { File = name };
        };
    }

    /// <summary>A warning that starts with a file of the module (<c>main.tf:3:5: ...</c>) gets the directory in front.</summary>
    public static string InDirectory(string directory, string warning)
    {
        var prefix = Prefix(directory);
        var colon = warning.IndexOf(':', StringComparison.Ordinal);
        if (prefix.Length == 0 || colon <= 0) return warning;
        return IsInside(directory, warning[..colon]) ? Join(prefix, warning[..colon]) + warning[colon..] : warning;
    }

    /// <summary>An input error in a file of the module (<c>main.tf:36:25: ...</c>) names the file from the directory, as warnings do.</summary>
    public static InputException InDirectory(string directory, InputException error)
    {
        var prefix = Prefix(directory);
        if (prefix.Length == 0 || !IsInside(directory, error.File)) return error;
        return new InputException(Join(prefix, error.File), error.Problem, error.Line, error.Column);
    }

    /// <summary>The directory then the file, with <c>dir/..</c> steps taken (a module called as <c>../../</c> is named from where the user stands).</summary>
    private static string Join(string prefix, string file)
    {
        var parts = new List<string>();
        foreach (var part in (prefix + file).Split('/'))
        {
            if (part == ".." && parts.Count > 0 && parts[^1] is not ".." and not "" ) parts.RemoveAt(parts.Count - 1);
            else if (part != "." || parts.Count == 0) parts.Add(part);
        }
        var joined = string.Join('/', parts);
        return joined.Length == 0 ? "." : joined;
    }

    private static string Prefix(string directory)
    {
        var d = directory.Replace('\\', '/').TrimEnd('/');
        return d is "" or "." ? "" : d + "/";
    }

    /// <summary>Whether the name is a file of the scanned module or of a local module it calls (<c>../</c>).</summary>
    private static bool IsInside(string directory, string relativeFile) =>
        !Path.IsPathRooted(relativeFile) && File.Exists(Path.Combine(directory, relativeFile));
}
