using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Terraform;
using SecureDynamo.Lint.Terraform.Evaluation;
using SecureDynamo.Lint.Terraform.Functions;

namespace SecureDynamo.Lint.Tests.Terraform;

/// <summary>A Terraform module written to a temporary directory for one test.</summary>
internal sealed class TempModule : IDisposable
{
    public TempModule(params (string Path, string Text)[] files)
    {
        Directory = Path.Combine(Path.GetTempPath(), "securedynamo-tf-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var (path, text) in files) Write(path, text);
    }

    public string Directory { get; }

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    public void Write(string relative, string text)
    {
        var full = PathOf(relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public TerraformReadResult Read(TerraformReadOptions? options = null) => TerraformReader.ReadDirectory(Directory, options ?? TerraformReadOptions.None);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    /// <summary>Renders a value for assertions: JSON for known values, <c>unknown[refs]</c> for unknown ones.</summary>
    public static string Render(Value v) =>
        v.ContainsUnknown()
            ? v.IsUnknown ? "unknown[" + string.Join(",", v.Expression?.References ?? Array.Empty<string>()) + "]" : "partly-unknown"
            : Json.Encode(v);
}
