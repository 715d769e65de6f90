using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Robustness;

/// <summary>Paths that cannot be read as a plan: each is one line naming the path, exit 2.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileSystemInputTests : IDisposable
{
    private readonly TempInput _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_symlink_loop_is_refused()
    {
        var a = _temp.Path("a.json");
        var b = _temp.Path("b.json");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);

        var run = CliRun.InProcess("scan", a);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"securedynamo: {a}: cannot be read (", line);
    }

    [Fact]
    public void A_missing_file_and_a_path_through_a_file_are_refused()
    {
        var file = _temp.Write("plan.json", Plans.Valid());

        foreach (var path in new[] { _temp.Path("missing.json"), Path.Combine(file, "inner.json") })
        {
            var run = CliRun.InProcess("scan", path);
            Assert.Equal(2, run.ExitCode);
            Assert.Equal($"securedynamo: {path}: no such file\n", run.Stderr);
        }
    }

    [Fact]
    public void A_folder_of_plan_files_names_the_one_it_cannot_read()
    {
        var dir = Path.Combine(_temp.Directory, "plans");
        Directory.CreateDirectory(dir);
        var unreadable = Path.Combine(dir, "plan.json");
        File.WriteAllText(unreadable, Plans.Valid());
        File.SetUnixFileMode(unreadable, UnixFileMode.None);
        bool readable;
        try { File.ReadAllBytes(unreadable); readable = true; }
        catch (UnauthorizedAccessException) { readable = false; }

        var run = CliRun.InProcess("scan", dir);

        if (readable)
        {
            // root reads a mode-000 file: the folder's plan is simply scanned
            Assert.True(run.ExitCode is 0 or 1, run.Stderr);
        }
        else
        {
            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("securedynamo: ", run.Stderr);
            Assert.Contains("plan.json: permission denied", run.Stderr);
        }
    }

    [Fact]
    public void A_folder_with_nothing_to_scan_is_an_error_not_a_pass()
    {
        var dir = Path.Combine(_temp.Directory, "empty");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "README.md"), "no terraform here");

        var run = CliRun.InProcess("scan", dir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nothing to scan", Assert.Single(run.Stderr.TrimEnd('\n').Split('\n')));
    }

    [Fact]
    public void An_unreadable_file_is_refused_as_permission_denied()
    {
        var path = _temp.Write("secret.json", Plans.Valid());
        File.SetUnixFileMode(path, UnixFileMode.None);
        // Root reads any file: then the scan must simply work.
        var readable = CanOpen(path);

        var run = CliRun.InProcess("scan", path);

        if (readable) Assert.NotEqual(2, run.ExitCode);
        else Assert.Equal(($"securedynamo: {path}: permission denied\n", 2), (run.Stderr, run.ExitCode));
    }

    private static bool CanOpen(string path)
    {
        try
        {
            using var _ = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
