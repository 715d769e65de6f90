namespace SecureDynamo.Lint.Core.Diagnostics;

/// <summary>
/// The folder that report paths are relative to: the git repository root (the nearest folder
/// above the working directory that contains <c>.git</c>), or the working directory outside a repository.
/// Relative paths given by the user are resolved against <paramref name="WorkingDirectory"/>.
/// </summary>
public sealed record SourceRoot(string Directory, string WorkingDirectory)
{
    /// <summary>The repository root above <paramref name="workingDirectory"/>, or that directory itself.</summary>
    public static SourceRoot Discover(string workingDirectory)
    {
        var start = Path.GetFullPath(workingDirectory);
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            // .git is a folder in a clone and a file in a worktree or submodule.
            var git = Path.Combine(dir.FullName, ".git");
            if (System.IO.Directory.Exists(git) || File.Exists(git)) return new SourceRoot(dir.FullName, start);
        }
        return new SourceRoot(start, start);
    }

    /// <summary>
    /// <paramref name="path"/> relative to the root with forward slashes, or null when it lies
    /// outside the root (or is not a file path, like <c>&lt;stdin&gt;</c>).
    /// </summary>
    public string? Relative(string path)
    {
        if (path.StartsWith('<')) return null;
        // infra and infra/ are one folder: one path to show and to fingerprint.
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, WorkingDirectory));
        var relative = Path.GetRelativePath(Directory, full);
        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative)) return null;
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The path to show and to fingerprint: relative when inside the root, otherwise as given with forward slashes.</summary>
    public string Display(string path) => Relative(path) ?? Path.TrimEndingDirectorySeparator(path).Replace('\\', '/');
}
