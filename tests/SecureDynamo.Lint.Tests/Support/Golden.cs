namespace SecureDynamo.Lint.Tests.Support;

/// <summary>
/// Compares output with a committed golden file; <c>SECUREDYNAMO_UPDATE_GOLDEN=1</c> rewrites the
/// file instead (then review the diff before committing).
/// </summary>
public static class Golden
{
    public static void Assert(string relativePath, string actual)
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "SecureDynamo.Lint.Tests", relativePath);
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("SECUREDYNAMO_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Xunit.Assert.True(File.Exists(path), $"golden file {relativePath} is missing; run the tests with SECUREDYNAMO_UPDATE_GOLDEN=1 to create it");
        Xunit.Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
    }
}
