using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Terraform.Evaluation;
using SecureDynamo.Lint.Terraform.Loading;

namespace SecureDynamo.Lint.Terraform.Building;

/// <summary>State shared by one read: the scanned root, loaded modules, warnings and the evaluation stack.</summary>
internal sealed class ReadContext
{
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModuleDefinition> _modules = new(StringComparer.Ordinal);

    private readonly ParseCache? _cache;

    /// <param name="cache">Where called modules' files parsed by other reads of the scan are found, if anywhere.</param>
    /// <param name="workspace">The selected workspace, or null for the one the root's <c>.terraform/environment</c> names (else <c>default</c>).</param>
    public ReadContext(string rootOnDisk, ParseCache? cache = null, string? workspace = null)
    {
        RootOnDisk = rootOnDisk;
        _cache = cache;
        Manifest = ModulesManifest.Load(rootOnDisk);
        Workspace = string.IsNullOrEmpty(workspace) ? SelectedWorkspace(rootOnDisk) : workspace;
    }

    /// <summary>What <c>terraform.workspace</c> is.</summary>
    public string Workspace { get; }

    private static string SelectedWorkspace(string rootOnDisk)
    {
        try
        {
            var file = Path.Combine(rootOnDisk, ".terraform", "environment");
            return File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } name ? name : "default";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "default";
        }
    }

    public string RootOnDisk { get; }

    public ModulesManifest Manifest { get; }

    public EvaluationStack Stack { get; } = new();

    /// <summary>The root module's instance (the only instance of its resources' module ""), once created.</summary>
    public ModuleInstance? Root { get; set; }

    public List<string> Warnings { get; } = new();

    /// <summary>Module calls that were not read (no source, missing directory, not installed).</summary>
    public List<string> Unanalysed { get; } = new();

    public List<ModuleDefinition> Definitions { get; } = new();

    /// <summary><c>dynamic</c> blocks whose for_each was unknown in some instance: whether their blocks exist is unknown.</summary>
    public HashSet<SourceRange> UnknownDynamicBlocks { get; } = new();

    public void Warn(string message, SourceRange? range)
    {
        var text = range is null ? message : $"{range}: {message}";
        if (_warned.Add(text)) Warnings.Add(text);
    }

    /// <summary>The module in <paramref name="directoryOnDisk"/>, loaded once.</summary>
    public ModuleDefinition Module(string directoryOnDisk)
    {
        var full = Path.GetFullPath(directoryOnDisk);
        if (_modules.TryGetValue(full, out var m)) return m;
        m = ModuleLoader.Load(ModuleLoader.ConfigurationFiles(full), full, RootOnDisk, cache: _cache);
        _modules[full] = m;
        Definitions.Add(m);
        return m;
    }

    public void Add(ModuleDefinition m)
    {
        _modules[Path.GetFullPath(m.DirectoryOnDisk)] = m;
        Definitions.Add(m);
    }
}
