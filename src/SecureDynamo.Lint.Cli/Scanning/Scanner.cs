using SecureDynamo.Lint.Cli.Configuration;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Plan;
using SecureDynamo.Lint.Policies.Engine;
using SecureDynamo.Lint.Policies.Suppression;
using SecureDynamo.Lint.Reporting;

namespace SecureDynamo.Lint.Cli.Scanning;

/// <summary>
/// Reads every input, runs the selected policies, applies suppressions (config exceptions, then
/// the baseline) and builds the report. Settings come from the command line, then the config
/// file, then the defaults.
/// </summary>
public sealed class Scanner
{
    private readonly PolicyCatalog _catalog;
    private readonly PolicySelection _selection;
    private readonly LintConfig? _config;
    private readonly SourceRoot _root;

    public Scanner(PolicyCatalog catalog, PolicySelection selection, LintConfig? config, SourceRoot root)
    {
        _catalog = catalog;
        _selection = selection;
        _config = config;
        _root = root;
    }

    public static Scanner For(ScanRequest request)
    {
        var catalog = PolicyCatalog.BuiltIn();
        foreach (var dir in request.PolicyDirectories) catalog = catalog.With(CustomPolicyLoader.Load(dir));
        foreach (var id in request.OnlyPolicies.Concat(request.SkipPolicies))
        {
            if (catalog.Find(id) is null) throw new UsageException($"unknown policy id \"{id}\"; `securedynamo policies` lists them");
        }
        var configFile = request.ConfigFile ?? ConfigDiscovery.Find(request.Paths.FirstOrDefault() ?? "-", Environment.CurrentDirectory);
        var config = configFile is null ? null : ConfigReader.Read(configFile, catalog);

        // --policy names exactly what runs, even a policy the config disables; --skip-policy adds to the config's disabled ones.
        var only = request.OnlyPolicies.Count > 0 ? request.OnlyPolicies.ToHashSet(StringComparer.Ordinal) : null;
        var skipped = request.SkipPolicies.ToHashSet(StringComparer.Ordinal);
        if (config is not null && only is null) skipped.UnionWith(config.DisabledPolicies);
        var selection = new PolicySelection(only, skipped, config?.Options ?? new Dictionary<string, PolicyOptions>());
        return new Scanner(catalog, selection, config, SourceRoot.Discover(Environment.CurrentDirectory));
    }

    /// <param name="notices">Where to say what the scan did besides reporting (a written baseline).</param>
    /// <param name="progress">Where to show the progress of reading an input (by path), if anywhere.</param>
    public ScanReport Scan(ScanRequest request, TextWriter notices, CancellationToken cancellation = default, Func<string, ProgressLine?>? progress = null)
    {
        var inputFiles = new InputFiles(_config?.Include ?? Array.Empty<string>(), _config?.Exclude ?? Array.Empty<string>(), _config?.Directory, Environment.CurrentDirectory);
        var (files, warnings) = inputFiles.Expand(request.Paths);
        var inputs = new List<ScanInput>();
        var results = new List<EvaluationResult>();
        var engine = new PolicyEngine(_catalog, _selection);
        var types = _catalog.ResourceTypes();
        foreach (var path in files)
        {
            cancellation.ThrowIfCancellationRequested();
            ResourceGraph graph;
            using (var line = progress?.Invoke(path))
            {
                graph = PlanReader.ReadFile(path, new PlanReadOptions(types, cancellation, line));
            }
            inputs.Add(new ScanInput(graph.Source, graph.Kind.ToString().ToLowerInvariant(), graph.ManagedResourceCount));
            results.AddRange(engine.Run(graph));
        }
        // The engine orders each input's results; only several inputs need ordering again.
        var ordered = files.Count == 1 ? results : PolicyEngine.Order(results);

        var allWarnings = new List<string>(warnings);
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

        var policies = _catalog.Policies.Where(p => _selection.Runs(p.Id)).Select(p => p.Metadata).ToArray();
        var failOn = request.FailOn ?? _config?.FailOn ?? Severity.Low;
        var failOnUnknown = request.FailOnUnknown || (_config?.FailOnUnknown ?? false);
        return new ScanReport(request.ToolVersion, inputs, findings, policies, failOn, failOnUnknown, allWarnings) { Root = _root };
    }
}
