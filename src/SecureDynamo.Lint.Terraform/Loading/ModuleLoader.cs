using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl;
using SecureDynamo.Lint.Hcl.Syntax;
using Attribute = SecureDynamo.Lint.Hcl.Syntax.Attribute;

namespace SecureDynamo.Lint.Terraform.Loading;

/// <summary>Reads the <c>.tf</c> and <c>.tf.json</c> files of a module into a <see cref="ModuleDefinition"/>.</summary>
internal static class ModuleLoader
{
    /// <summary>Every configuration file of <paramref name="directoryOnDisk"/>, in Terraform's order.</summary>
    public static IReadOnlyList<string> ConfigurationFiles(string directoryOnDisk) =>
        System.IO.Directory.GetFiles(directoryOnDisk)
            .Where(f => IsConfigurationFile(f))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();

    public static bool IsConfigurationFile(string path)
    {
        var name = Path.GetFileName(path);
        return (name.EndsWith(".tf", StringComparison.Ordinal) || name.EndsWith(".tf.json", StringComparison.Ordinal)) && !name.StartsWith('.');
    }

    /// <summary>
    /// Loads a module from <paramref name="files"/> (paths on disk). <paramref name="rootOnDisk"/> is
    /// the scanned directory: file names in ranges are relative to it, with forward slashes.
    /// Parse errors raise an <see cref="InputException"/> naming the first error. With a
    /// <paramref name="cache"/>, files parsed by an earlier read (of the same scan) are not parsed again.
    /// </summary>
    public static ModuleDefinition Load(IReadOnlyList<string> files, string directoryOnDisk, string rootOnDisk, Func<string, string>? displayName = null, ParseCache? cache = null)
    {
        displayName ??= f => Relative(rootOnDisk, f);
        var primary = new List<Block>();
        var overrides = new List<Block>();
        var locals = new Dictionary<string, Attribute>(StringComparer.Ordinal);
        var overrideLocals = new List<Block>();
        var parsed = new List<HclFile>();
        var sources = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var name = displayName(path);
            byte[] bytes;
            HclFile file;
            FileInfo? info = null;
            ParseCache.Entry? cached = null;
            try
            {
                if (cache is not null)
                {
                    info = new FileInfo(path);
                    cached = cache.Find(path, name, info);
                }
                bytes = cached?.Bytes ?? BoundedFile.Read(path, BoundedFile.MaxConfigBytes);
            }
            catch (BoundedFile.FileTooLargeException e)
            {
                throw new InputException(name, e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException(name, "cannot be read: " + e.Message);
            }
            if (cached is not null) file = cached.File;
            else
            {
                file = path.EndsWith(".json", StringComparison.Ordinal) ? TfJsonReader.Read(name, bytes) : HclParser.ParseConfig(name, bytes);
                if (cache is not null) cache.Add(path, name, new ParseCache.Entry(info!.Length, info.LastWriteTimeUtc, bytes, file));
            }
            var error = file.Diagnostics.FirstOrDefault(d => d.Severity == HclSeverity.Error);
            if (error is not null)
            {
                throw new InputException(name, $"{error.Summary}{(error.Detail.Length > 0 ? ": " + error.Detail : "")}", error.Range.Start.Line, error.Range.Start.Column);
            }
            CheckLabels(name, file);
            parsed.Add(file);
            if (!path.EndsWith(".json", StringComparison.Ordinal)) sources[name] = bytes;
            var isOverride = IsOverride(Path.GetFileName(path));
            foreach (var block in file.Body.Blocks)
            {
                if (isOverride) overrides.Add(block);
                else if (block.Type == "locals")
                {
                    foreach (var a in block.Body.Attributes)
                    {
                        if (locals.TryGetValue(a.Name, out var first)) throw Duplicate($"local value \"{a.Name}\"", a.NameRange, first.NameRange);
                        locals[a.Name] = a;
                    }
                }
                else primary.Add(block);
            }
        }
        CheckUnique(primary);
        OverrideMerger.Merge(primary, locals, overrides);
        return new ModuleDefinition(Relative(rootOnDisk, directoryOnDisk), directoryOnDisk, parsed, sources, primary, locals);
    }

    /// <summary>
    /// Terraform rejects a top-level block with the wrong number of labels ("Missing name for
    /// resource", "Extraneous label for module"): so do we, rather than drop the block silently.
    /// Block types Terraform does not know are left alone.
    /// </summary>
    private static void CheckLabels(string name, HclFile file)
    {
        foreach (var block in file.Body.Blocks)
        {
            if (!TfJsonReader.TopLevelLabels.TryGetValue(block.Type, out var expected) || block.Labels.Count == expected.Length) continue;
            var at = block.Labels.Count > expected.Length ? block.LabelRanges[expected.Length].Start : block.TypeRange.Start;
            var problem = expected.Length == 0
                ? $"{block.Type} block takes no labels, found {block.Labels.Count}"
                : $"{block.Type} block needs {expected.Length} label{(expected.Length == 1 ? "" : "s")} ({string.Join(" and ", expected)}), found {block.Labels.Count}";
            throw new InputException(name, problem, at.Line, at.Column);
        }
    }

    /// <summary>
    /// Terraform refuses a module that declares a resource, data source, variable, output or module call twice
    /// ("Duplicate resource configuration"): judging both would give one address two verdicts, and the later
    /// of two locals would silently win.
    /// </summary>
    private static void CheckUnique(List<Block> blocks)
    {
        var seen = new Dictionary<string, Block>(StringComparer.Ordinal);
        foreach (var b in blocks)
        {
            if (b.Type is not ("resource" or "data" or "variable" or "output" or "module")) continue;
            var key = b.Type + " " + string.Join(" ", b.Labels);
            if (seen.TryGetValue(key, out var first)) throw Duplicate($"{b.Type} {string.Join(".", b.Labels)}", b.TypeRange, first.TypeRange);
            seen[key] = b;
        }
    }

    private static InputException Duplicate(string what, Core.Diagnostics.SourceRange at, Core.Diagnostics.SourceRange first) =>
        new(at.File, $"{what} is declared twice (first at {first}); Terraform refuses a module that declares it twice", at.Start.Line, at.Start.Column);

    private static bool IsOverride(string fileName)
    {
        var stem = fileName.EndsWith(".tf.json", StringComparison.Ordinal) ? fileName[..^".tf.json".Length] : fileName[..^".tf".Length];
        return stem == "override" || stem.EndsWith("_override", StringComparison.Ordinal);
    }

    public static string Relative(string root, string path)
    {
        var rel = Path.GetRelativePath(root, path).Replace('\\', '/');
        return rel.Length == 0 ? "." : rel;
    }
}
