using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Corpus;

/// <summary>
/// Finds the conformance corpus: <c>$SECUREDYNAMO_CORPUS</c>, else <c>../shared/corpus</c> beside the
/// repository. Where it is absent (a user's fresh clone) corpus tests are skipped with a visible
/// reason, unless <c>SECUREDYNAMO_REQUIRE_CORPUS=1</c> (CI), where they run and fail.
/// </summary>
public static class CorpusLocator
{
    public static string Root
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("SECUREDYNAMO_CORPUS");
            if (!string.IsNullOrEmpty(fromEnv)) return Path.GetFullPath(fromEnv);
            return Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "corpus"));
        }
    }

    public static bool Available => Directory.Exists(Path.Combine(Root, "plans")) && Directory.Exists(Path.Combine(Root, "peers"));

    public static bool Required => Environment.GetEnvironmentVariable("SECUREDYNAMO_REQUIRE_CORPUS") == "1";

    /// <summary>Null when corpus tests should run; otherwise why they are skipped.</summary>
    public static string? SkipReason =>
        Available || Required ? null : $"conformance corpus not found at {Root} (set SECUREDYNAMO_CORPUS to run these tests)";

    public static string In(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>
    /// A file of the shared folder the corpus lives in (<c>schemas/…</c>): <c>$SECUREDYNAMO_SHARED</c>, else the
    /// corpus folder's parent. Tests that read it are corpus tests: skipped on a fresh clone, required in CI.
    /// </summary>
    public static string Shared(params string[] parts)
    {
        var shared = Environment.GetEnvironmentVariable("SECUREDYNAMO_SHARED");
        return Path.Combine([string.IsNullOrEmpty(shared) ? Path.GetDirectoryName(Root)! : Path.GetFullPath(shared), .. parts]);
    }
}
