using SecureDynamo.Lint.Hcl;
using SecureDynamo.Lint.Hcl.Syntax;
using Attribute = SecureDynamo.Lint.Hcl.Syntax.Attribute;

namespace SecureDynamo.Lint.Terraform.Loading;

/// <summary>
/// The blocks of one module directory after override files are merged: what Terraform calls a
/// module's configuration, before any evaluation.
/// </summary>
internal sealed class ModuleDefinition
{
    public ModuleDefinition(string directory, string directoryOnDisk, IReadOnlyList<HclFile> files, IReadOnlyDictionary<string, byte[]> sources, IReadOnlyList<Block> blocks, IReadOnlyDictionary<string, Attribute> locals)
    {
        Sources = sources;
        Directory = directory;
        DirectoryOnDisk = directoryOnDisk;
        Files = files;
        Locals = locals;
        foreach (var b in blocks)
        {
            switch (b.Type)
            {
                case "resource" or "data" when b.Labels.Count == 2: Resources.Add(b); break;
                case "variable" when b.Labels.Count == 1: Variables[b.Labels[0]] = b; break;
                case "module" when b.Labels.Count == 1: Calls[b.Labels[0]] = b; break;
                case "output" when b.Labels.Count == 1: Outputs[b.Labels[0]] = b; break;
                case "provider" when b.Labels.Count == 1: Providers.Add(b); break;
            }
        }
    }

    /// <summary>The directory relative to the scanned root, forward slashes (<c>.</c> for the root).</summary>
    public string Directory { get; }

    public string DirectoryOnDisk { get; }

    /// <summary>The parsed files (their comments hold inline suppressions).</summary>
    public IReadOnlyList<HclFile> Files { get; }

    /// <summary>File bytes by file name (as in ranges), for expression source text.</summary>
    public IReadOnlyDictionary<string, byte[]> Sources { get; }

    /// <summary>The source text of <paramref name="range"/>, or null when unavailable.</summary>
    public string? TextOf(Core.Diagnostics.SourceRange range)
    {
        if (!Sources.TryGetValue(range.File, out var bytes)) return null;
        var start = range.Start.Byte;
        var end = range.End.Byte;
        if (start < 0 || end > bytes.Length || end <= start) return null;
        return System.Text.Encoding.UTF8.GetString(bytes, start, end - start);
    }

    public List<Block> Resources { get; } = new();

    public Dictionary<string, Block> Variables { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Attribute> Locals { get; }

    public Dictionary<string, Block> Calls { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Block> Outputs { get; } = new(StringComparer.Ordinal);

    public List<Block> Providers { get; } = new();

    /// <summary><c>aws_kms_key.k</c> or <c>data.aws_kms_alias.a</c> for a resource or data block.</summary>
    public static string AddressOf(Block b) => b.Type == "data" ? $"data.{b.Labels[0]}.{b.Labels[1]}" : $"{b.Labels[0]}.{b.Labels[1]}";
}
