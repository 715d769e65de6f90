namespace SecureDynamo.Lint.Tests.Support;

/// <summary>A throw-away folder with a <c>.git</c> marker (a repository root) for config and baseline tests.</summary>
public sealed class TempRepository : IDisposable
{
    public TempRepository(bool gitRoot = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "securedynamo-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        if (gitRoot) Directory.CreateDirectory(Path.Combine(Root, ".git"));
    }

    public string Root { get; }

    /// <summary>Writes <paramref name="text"/> at <paramref name="relative"/> and returns the full path.</summary>
    public string Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Copies a policy fixture case into the repository at <paramref name="relative"/>.</summary>
    public string CopyCase(string policyFolderPrefix, string caseFile, string relative)
    {
        var folder = Directory.GetDirectories(RepositoryPaths.Policies).Single(d => Path.GetFileName(d).StartsWith(policyFolderPrefix, StringComparison.Ordinal));
        return Write(relative, File.ReadAllText(Path.Combine(folder, "cases", caseFile)));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
