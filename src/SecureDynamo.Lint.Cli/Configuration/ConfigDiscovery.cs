namespace SecureDynamo.Lint.Cli.Configuration;

/// <summary>
/// Finds the <c>.securedynamo.json</c> that applies to a scanned path: the nearest one in its
/// folder or above, up to the repository root (the folder containing <c>.git</c>).
/// </summary>
public static class ConfigDiscovery
{
    /// <param name="scannedPath">A file or folder being scanned (<c>-</c>: the working directory).</param>
    public static string? Find(string scannedPath, string workingDirectory)
    {
        var full = scannedPath == "-" ? workingDirectory : Path.GetFullPath(scannedPath, workingDirectory);
        var start = Directory.Exists(full) ? full : Path.GetDirectoryName(full);
        for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, LintConfig.FileName);
            if (File.Exists(candidate)) return candidate;
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git)) return null;
        }
        return null;
    }
}
