using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Hcl;
using SecureDynamo.Lint.Terraform.Building;
using SecureDynamo.Lint.Terraform.Evaluation;
using SecureDynamo.Lint.Terraform.Loading;
using SecureDynamo.Lint.Terraform.Suppression;

namespace SecureDynamo.Lint.Terraform;

/// <summary>
/// The HCL front end: reads a Terraform module (a directory, or explicit <c>.tf</c>/<c>.tf.json</c>
/// files forming one module) and builds the same <see cref="ResourceGraph"/> a plan would give
/// (<see cref="InputKind.Hcl"/>). Problems are values: parse errors and cycles raise
/// <see cref="InputException"/> (exit 2), everything else is a warning.
/// </summary>
public static class TerraformReader
{
    /// <summary>True for paths this front end reads: directories and <c>.tf</c>/<c>.tf.json</c> files.</summary>
    public static bool Handles(string path) =>
        path != "-" && (Directory.Exists(path) || path.EndsWith(".tf", StringComparison.Ordinal) || path.EndsWith(".tf.json", StringComparison.Ordinal));

    /// <summary>Reads the module in <paramref name="directory"/>; file names in ranges are relative to it.</summary>
    public static TerraformReadResult ReadDirectory(string directory, TerraformReadOptions options)
    {
        if (!Directory.Exists(directory)) throw new InputException(directory, "no such directory");
        var root = Path.GetFullPath(directory);
        var files = ModuleLoader.ConfigurationFiles(root);
        if (files.Count == 0) throw new InputException(directory, "holds no Terraform files (*.tf, *.tf.json)");
        return Read(directory, root, files, null, options);
    }

    /// <summary>Reads explicit files as one module; file names in ranges are the paths as given.</summary>
    public static TerraformReadResult ReadFiles(IReadOnlyList<string> files, TerraformReadOptions options)
    {
        if (files.Count == 0) throw new ArgumentException("no files", nameof(files));
        foreach (var f in files) if (!File.Exists(f)) throw new InputException(f, "no such file");
        var root = Path.GetDirectoryName(Path.GetFullPath(files[0]))!;
        var given = files.ToDictionary(f => Path.GetFullPath(f), f => f.Replace('\\', '/'));
        // Named in any order, the files are one module: one name (to show and to fingerprint) for it.
        return Read(string.Join(", ", files.Order(StringComparer.Ordinal)), root, files.Select(Path.GetFullPath).ToList(), f => given.TryGetValue(f, out var g) ? g : ModuleLoader.Relative(root, f), options);
    }

    private static TerraformReadResult Read(string source, string rootOnDisk, IReadOnlyList<string> files, Func<string, string>? displayName, TerraformReadOptions options) =>
        LargeStack.Run(() =>
        {
            var context = new ReadContext(rootOnDisk, options.ParseCache, options.Workspace);
            try
            {
                var definition = ModuleLoader.Load(files, rootOnDisk, rootOnDisk, displayName);
                context.Add(definition);
                var arguments = RootVariables.Collect(context, definition, options);
                var root = new ModuleInstance(context, definition, "", "", "", arguments, new Dictionary<string, string>());
                var builder = new GraphBuilder();
                var config = builder.Build(root);
                // The values the input gives, known or not (neither may be read as the variable's default).
                var variables = root.GivenVariableValues();
                var graph = new ResourceGraph(source, InputKind.Hcl, builder.Resources, config, variables, builder.Providers)
                {
                    UnanalysedModules = context.Unanalysed.Distinct(StringComparer.Ordinal).ToList(),
                };
                var suppressions = new List<SuppressionRule>();
                var attached = new HashSet<Core.Diagnostics.SourceRange>();
                foreach (var d in builder.Declared)
                {
                    suppressions.AddRange(InlineSuppressions.ForBlock(d.ModulePath, d.ConfigAddress, d.Block, d.File, context.Warnings, attached));
                }
                foreach (var file in context.Definitions.SelectMany(m => m.Files).Distinct())
                {
                    foreach (var warning in InlineSuppressions.Unattached(file, attached)) context.Warn(warning, null);
                }
                return new TerraformReadResult(graph, context.Warnings, suppressions);
            }
            catch (CycleException cycle)
            {
                if (cycle.At is { } at) throw new InputException(at.File, cycle.Message, at.Start.Line, at.Start.Column);
                throw new InputException(source, cycle.Message);
            }
        });
}
