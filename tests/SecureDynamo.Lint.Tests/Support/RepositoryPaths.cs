namespace SecureDynamo.Lint.Tests.Support;

/// <summary>Locates the repository (the folder holding SecureDynamo.Lint.sln) from the test assembly.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SecureDynamo.Lint.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find SecureDynamo.Lint.sln above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Policies => Path.Combine(Root, "policies");

    public static string Fixtures => Path.Combine(Root, "fixtures");

    public static string InFixtures(params string[] parts) => Path.Combine([Fixtures, .. parts]);
}
