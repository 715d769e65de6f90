using System.Runtime.ExceptionServices;
using SecureDynamo.Lint.Cli.Configuration;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Hcl;
using SecureDynamo.Lint.Plan;
using SecureDynamo.Lint.Policies.Engine;
using SecureDynamo.Lint.Policies.Suppression;
using SecureDynamo.Lint.Reporting;
using SecureDynamo.Lint.Terraform;
using SecureDynamo.Lint.Terraform.Enrichment;
using SecureDynamo.Lint.Terraform.Loading;
using SecureDynamo.Lint.Terraform.Suppression;

namespace SecureDynamo.Lint.Cli.Scanning;

/// <summary>
/// Reads every input, runs the selected policies, applies suppressions (inline comments in the
/// source, config exceptions, then the baseline) and builds the report. Plans and states go to the
/// plan reader; Terraform module directories and <c>.tf</c>/<c>.tf.json</c> files to the Terraform
/// front end (explicit files together form one module). Settings come from the command line, then
/// the config file, then the defaults.
/// </summary>
public sealed class Scanner
{
    private readonly Lazy<PolicyCatalog> _catalog;
    private readonly PolicySelection _selection;
    private readonly LintConfig? _config;
    private readonly SourceRoot _root;

    public Scanner(PolicyCatalog catalog, PolicySelection selection, LintConfig? config, SourceRoot root)
        : this(new Lazy<PolicyCatalog>(catalog), selection, config, root)
    {
    }

    private Scanner(Lazy<PolicyCatalog> catalog, PolicySelection selection, LintConfig? config, SourceRoot root)
    {
        _catalog = catalog;
        _selection = selection;
        _config = config;
        _root = root;
    }

    public static Scanner For(ScanRequest request)
    {
        var configFile = request.ConfigFile ?? ConfigDiscovery.Find(request.Paths.FirstOrDefault() ?? "-", Environment.CurrentDirectory);
        if (request.PolicyDirectories.Count == 0 && request.OnlyPolicies.Count == 0 && request.SkipPolicies.Count == 0 && configFile is null)
        {
            // Nothing to check against the built-in catalogue first: it loads while the inputs are found and read.
            PolicyCatalog.StartLoading();
            return new Scanner(new Lazy<PolicyCatalog>(PolicyCatalog.BuiltIn), PolicySelection.All, null, SourceRoot.Discover(Environment.CurrentDirectory));
        }
        var catalog = PolicyCatalog.BuiltInWith(request.PolicyDirectories);
        foreach (var id in request.OnlyPolicies.Concat(request.SkipPolicies))
        {
            if (catalog.Find(id) is null) throw new UsageException($"unknown policy id \"{id}\"; `securedynamo policies` lists them");
        }
        var config = configFile is null ? null : ConfigReader.Read(configFile, catalog);

        // --policy names exactly what runs, even a policy the config disables; --skip-policy adds to the config's disabled ones.
        var only = request.OnlyPolicies.Count > 0 ? request.OnlyPolicies.ToHashSet(StringComparer.Ordinal) : null;
        var skipped = request.SkipPolicies.ToHashSet(StringComparer.Ordinal);
        if (config is not null && only is null) skipped.UnionWith(config.DisabledPolicies);
        var selection = new PolicySelection(only, skipped, config?.Options ?? new Dictionary<string, PolicyOptions>());
        // A scan that runs no policy would pass anything.
        if (!catalog.Policies.Any(p => (only is null || only.Contains(p.Id)) && !skipped.Contains(p.Id)))
        {
            throw new UsageException("no policy is left to run (--policy, --skip-policy and the config file's disabled policies leave none)");
        }
        return new Scanner(catalog, selection, config, SourceRoot.Discover(Environment.CurrentDirectory));
    }

    /// <param name="notices">Where to say what the scan did besides reporting (a written baseline).</param>
    /// <param name="progress">Where to show the progress of reading an input (by path), if anywhere.</param>
    public ScanReport Scan(ScanRequest request, TextWriter notices, CancellationToken cancellation = default, Func<string, ProgressLine?>? progress = null)
    {
        var inputFiles = new InputFiles(_config?.Include ?? Array.Empty<string>(), _config?.Exclude ?? Array.Empty<string>(), _config?.Directory, Environment.CurrentDirectory);
        var (plan, warnings) = inputFiles.Expand(request.Paths);
        if (plan.IsEmpty && plan.Excluded == 0)
        {
            // Nothing could be found at all: a security check that looked at nothing must not pass.
            // (Paths the config file excludes on purpose are a deliberate, reported skip.)
            var first = request.Paths.FirstOrDefault() ?? ".";
            throw new InputException(first, warnings.Count > 0 ? $"nothing to scan: {string.Join("; ", warnings)}" : "nothing to scan");
        }
        var allWarnings = new List<string>(warnings);
        if (plan.TerraformFiles.Count + plan.TerraformDirectories.Count == 0 && request.SourceDirectory is null
            && ((request.Vars?.Count ?? 0) + (request.VarFiles?.Count ?? 0)) > 0)
        {
            // A plan holds the variables it was made with: --var/--var-file change nothing there.
            allWarnings.Add("--var and --var-file apply to Terraform source; the plans scanned here carry the variable values they were made with, which are used");
        }
        var inputs = new List<ScanInput>();
        var results = new List<EvaluationResult>();
        var engine = new Lazy<PolicyEngine>(() => new PolicyEngine(_catalog.Value, _selection));
        var source = request.SourceDirectory is null ? null : ReadSource(request.SourceDirectory, request, allWarnings);

        void Add(ResourceGraph graph, IReadOnlyList<EvaluationResult> found)
        {
            inputs.Add(InputOf(graph));
            results.AddRange(found);
        }

        if (plan.TerraformFiles.Count > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            var read = TerraformReader.ReadFiles(plan.TerraformFiles, request.TerraformOptions);
            Add(read.Graph, Judge(engine.Value, read, request.Today, allWarnings, null, Environment.ProcessorCount));
        }
        // The root modules of one scan share the parses of the modules they call (a shared modules/ directory is parsed once).
        var moduleOptions = request.TerraformOptions with { ParseCache = new ParseCache() };
        foreach (var module in ReadModules(plan.TerraformDirectories, engine, request, moduleOptions, cancellation))
        {
            allWarnings.AddRange(module.Warnings);
            inputs.Add(module.Input);
            results.AddRange(module.Results);
        }
        var types = plan.PlanFiles.Count > 0 ? _catalog.Value.ResourceTypes() : null;
        foreach (var path in plan.PlanFiles)
        {
            cancellation.ThrowIfCancellationRequested();
            ResourceGraph graph;
            using (var line = progress?.Invoke(path))
            {
                graph = PlanReader.ReadFile(path, new PlanReadOptions(types!, cancellation, line));
            }
            allWarnings.AddRange(graph.Warnings);
            IReadOnlyList<EvaluationResult> found = engine.Value.Run(graph);
            if (source is not null)
            {
                found = new SourceLocator(source.Graph).Relocate(found);
                allWarnings.AddRange(InlineSuppressions.UnknownIds(source.Suppressions, engine.Value.PolicyIds));
                found = InlineSuppressions.Apply(found, source.Suppressions, request.Today, allWarnings);
                found = SourceFileNames.InDirectory(request.SourceDirectory!, found);
            }
            Add(graph, found);
        }
        // The engine orders each input's results; only several inputs need ordering again.
        var ordered = inputs.Count == 1 ? results : PolicyEngine.Order(results);

        var configured = new List<ISuppressionSource>();
        if (_config is not null) configured.Add(new ConfigExceptions(_config.File, _config.Exceptions, request.Today));
        var configStage = new SuppressionStage(configured);
        var findings = configStage.Apply(ordered);
        allWarnings.AddRange(configStage.Warnings);

        if (request.WriteBaselineFile is { } write)
        {
            var count = Baseline.Write(write, findings, _root);
            notices.WriteLine($"securedynamo: wrote {count} finding{(count == 1 ? "" : "s")} to the baseline {write}");
        }
        if (request.BaselineFile is { } baselineFile)
        {
            findings = new SuppressionStage([Baseline.Read(baselineFile, _root)]).Apply(findings);
        }

        var policies = _catalog.Value.Policies.Where(p => _selection.Runs(p.Id)).Select(p => p.Metadata).ToArray();
        var failOn = request.FailOn ?? _config?.FailOn ?? Severity.Low;
        var failOnUnknown = request.FailOnUnknown ?? _config?.FailOnUnknown ?? false;
        var shownWarnings = allWarnings.Select(RootRelative).Distinct(StringComparer.Ordinal).ToList();
        return new ScanReport(request.ToolVersion, inputs, findings, policies, failOn, failOnUnknown, shownWarnings) { Root = _root };
    }

    /// <summary>
    /// A warning that starts with a file or folder of the input (<c>./env3/extra.tf:1:1: ...</c>, <c>/ci/.securedynamo.json: ...</c>)
    /// names it as the reports name findings: relative to the repository root.
    /// </summary>
    private string RootRelative(string warning)
    {
        for (var colon = warning.IndexOf(':'); colon > 0; colon = warning.IndexOf(':', colon + 1))
        {
            if (colon + 1 >= warning.Length || !(char.IsAsciiDigit(warning[colon + 1]) || warning[colon + 1] == ' ')) continue;
            var path = warning[..colon];
            return File.Exists(path) || Directory.Exists(path) ? _root.Display(path) + warning[colon..] : warning;
        }
        return warning;
    }

    /// <summary>
    /// Reads and judges the root modules on every core: they share nothing. The outcome is the one
    /// of reading them in order: results and warnings come back in the modules' order, and the
    /// first module (in order) that fails to read is the error reported.
    /// </summary>
    private static IReadOnlyList<JudgedModule> ReadModules(IReadOnlyList<string> modules, Lazy<PolicyEngine> engine, ScanRequest request, TerraformReadOptions terraformOptions, CancellationToken cancellation)
    {
        if (modules.Count == 0) return Array.Empty<JudgedModule>();
        var judged = new JudgedModule?[modules.Count];
        var failures = new ExceptionDispatchInfo?[modules.Count];
        var firstFailure = modules.Count;
        var next = -1;
        // A few large-stack workers take the modules in order (a thread per module would be started
        // otherwise: reading parses, and parsing needs a large stack).
        var workers = Math.Min(Environment.ProcessorCount, modules.Count);
        // With modules judged on every core, each module's policies run on its worker's thread (no waiting on each other).
        var policyParallelism = workers > 1 ? 1 : Environment.ProcessorCount;
        LargeStack.RunOnWorkers(workers, () =>
        {
            int i;
            while (!cancellation.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < modules.Count)
            {
                // A module after one that failed is not needed: only the first failure is reported.
                if (i > Volatile.Read(ref firstFailure)) continue;
                try
                {
                    var read = ReadDirectory(modules[i], terraformOptions);
                    var warnings = new List<string>();
                    var found = Judge(engine.Value, read, request.Today, warnings, modules[i], policyParallelism);
                    judged[i] = new JudgedModule(InputOf(read.Graph), found, warnings);
                }
                catch (Exception e)
                {
                    failures[i] = ExceptionDispatchInfo.Capture(e);
                    int seen;
                    while (i < (seen = Volatile.Read(ref firstFailure)) && Interlocked.CompareExchange(ref firstFailure, i, seen) != seen) { }
                }
            }
        });
        cancellation.ThrowIfCancellationRequested();
        if (firstFailure < modules.Count) failures[firstFailure]!.Throw();
        return judged.Select(j => j!).ToList();
    }

    private static ScanInput InputOf(ResourceGraph graph) => new(graph.Source, graph.Kind.ToString().ToLowerInvariant(), graph.ManagedResourceCount, graph.UnanalysedModules.Count);

    /// <param name="directory">The module directory as the user named it, or null for explicit files (named as given).</param>
    private static IReadOnlyList<EvaluationResult> Judge(PolicyEngine engine, TerraformReadResult read, DateOnly today, List<string> warnings, string? directory, int policyParallelism)
    {
        var local = new List<string>(read.Warnings);
        // Results point at their source and, for a module directory, name its files from the directory, in one pass.
        var rename = directory is null ? null : SourceFileNames.Renamer(directory);
        var found = new SourceLocator(read.Graph).Relocate(engine.Run(read.Graph, policyParallelism), rename);
        local.AddRange(InlineSuppressions.UnknownIds(read.Suppressions, engine.PolicyIds));
        found = InlineSuppressions.Apply(found, read.Suppressions, today, local);
        if (directory is null)
        {
            warnings.AddRange(local);
            return found;
        }
        warnings.AddRange(local.Select(w => SourceFileNames.InDirectory(directory, w)));
        return found;
    }

    /// <summary>Reads a module directory; an input error in one of its files names the file from the directory, as warnings do.</summary>
    private static TerraformReadResult ReadDirectory(string directory, TerraformReadOptions options)
    {
        try { return TerraformReader.ReadDirectory(directory, options); }
        catch (InputException e) { throw SourceFileNames.InDirectory(directory, e); }
    }

    private static TerraformReadResult ReadSource(string directory, ScanRequest request, List<string> warnings)
    {
        if (!Directory.Exists(directory)) throw new InputException(directory, "--source-dir: no such directory");
        var read = ReadDirectory(directory, request.TerraformOptions);
        warnings.AddRange(read.Warnings.Select(w => SourceFileNames.InDirectory(directory, w)));
        return read;
    }
}
