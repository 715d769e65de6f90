using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Reporting;

/// <summary>
/// Compares output with a committed expectation file under <c>Reporting/Golden/</c>, byte for
/// byte. <c>SECUREDYNAMO_UPDATE_GOLDEN=1</c> rewrites the files instead (review the diff).
/// </summary>
public static class GoldenFile
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "SecureDynamo.Lint.Tests", "Reporting", "Golden");

    public static void Match(string name, string actual)
    {
        var path = Path.Combine(Folder, name);
        if (Environment.GetEnvironmentVariable("SECUREDYNAMO_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"no golden file {name}; run the tests with SECUREDYNAMO_UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(path);
        if (expected == actual) return;
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
        Assert.Fail($"{name} differs at line {first + 1}:\n  expected: {expectedLines.ElementAtOrDefault(first)}\n  actual:   {actualLines.ElementAtOrDefault(first)}\n(SECUREDYNAMO_UPDATE_GOLDEN=1 rewrites the golden files)");
    }
}
