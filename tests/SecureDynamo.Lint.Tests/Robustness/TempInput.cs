using System.Text;

namespace SecureDynamo.Lint.Tests.Robustness;

/// <summary>A temporary folder for one test's input files, deleted afterwards.</summary>
public sealed class TempInput : IDisposable
{
    public TempInput()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("securedynamo-robustness-").FullName;
    }

    public string Directory { get; }

    public string Path(string name) => System.IO.Path.Combine(Directory, name);

    public string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    public string Write(string name, byte[] bytes)
    {
        var path = Path(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        foreach (var file in new DirectoryInfo(Directory).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (!OperatingSystem.IsWindows() && file.LinkTarget is null && file is FileInfo) File.SetUnixFileMode(file.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        System.IO.Directory.Delete(Directory, true);
    }
}
