using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Plan;
using SecureDynamo.Lint.Policies.Engine;
using SecureDynamo.Lint.Reporting;
using SecureDynamo.Lint.Terraform;
using SecureDynamo.Lint.Terraform.Enrichment;
using SecureDynamo.Lint.Terraform.Suppression;

namespace SecureDynamo.Lint.Cli.Scanning;

/// <summary>
/// Reads every input, runs the selected policies and builds the report. Plans and states go to the
/// plan reader; directories and <c>.tf</c>/<c>.tf.json</c> files to the Terraform front end (all
/// explicit files together form one module). Inline suppressions from the source apply after the
/// engine, to HCL results and, with <c>--source-dir</c>, to plan results.
/// </summary>
public sealed class Scanner
{
    private readonly PolicyCatalog _catalog;
    private readonly PolicySelection _selection;
    private readonly Func<DateOnly> _today;

    public Scanner(PolicyCatalog catalog, PolicySelection selection, Func<DateOnly>? today = null)
    {
        _catalog = catalog;
        _selection = selection;
        _today = today ?? (() => DateOnly.FromDateTime(DateTime.UtcNow));
    }

    public static Scanner For(ScanRequest request)
    {
        var catalog = PolicyCatalog.BuiltIn();
        foreach (var dir in request.PolicyDirectories) catalog = catalog.With(CustomPolicyLoader.Load(dir));
        foreach (var id in request.OnlyPolicies.Concat(request.SkipPolicies))
        {
            if (catalog.Find(id) is null) throw new UsageException($"unknown policy id \"{id}\"; `securedynamo policies` lists them");
        }
        var selection = new PolicySelection(
            request.OnlyPolicies.Count > 0 ? request.OnlyPolicies.ToHashSet(StringComparer.Ordinal) : null,
            request.SkipPolicies.ToHashSet(StringComparer.Ordinal),
            new Dictionary<string, PolicyOptions>());
        return new Scanner(catalog, selection);
    }

    public ScanReport Scan(ScanRequest request)
    {
        var inputs = new List<ScanInput>();
        var results = new List<EvaluationResult>();
        var warnings = new List<string>();
        var engine = new PolicyEngine(_catalog, _selection);
        var readOptions = new PlanReadOptions(_catalog.ResourceTypes());
        var source = request.SourceDirectory is null ? null : ReadSource(request.SourceDirectory, request, warnings);

        void Add(ResourceGraph graph, IReadOnlyList<EvaluationResult> found)
        {
            inputs.Add(new ScanInput(graph.Source, graph.Kind.ToString().ToLowerInvariant(), graph.Resources.Count(r => r.Mode == ResourceMode.Managed)));
            results.AddRange(found);
        }

        var files = request.Paths.Where(p => TerraformReader.Handles(p) && !Directory.Exists(p)).ToList();
        if (files.Count > 0)
        {
            var read = TerraformReader.ReadFiles(files, request.TerraformOptions);
            Add(read.Graph, Judge(engine, read, warnings));
        }
        foreach (var path in request.Paths.Where(p => !files.Contains(p)))
        {
            if (path != "-" && Directory.Exists(path))
            {
                var read = TerraformReader.ReadDirectory(path, request.TerraformOptions);
                Add(read.Graph, Judge(engine, read, warnings));
                continue;
            }
            var graph = PlanReader.ReadFile(path, readOptions);
            IReadOnlyList<EvaluationResult> found = engine.Run(graph);
            if (source is not null)
            {
                found = new SourceLocator(source.Graph).Relocate(found);
                found = InlineSuppressions.Apply(found, source.Suppressions, _today(), warnings);
            }
            Add(graph, found);
        }
        var policies = _catalog.Policies.Where(p => _selection.Runs(p.Id)).Select(p => p.Metadata).ToArray();
        return new ScanReport(ToolInfo.Version, inputs, PolicyEngine.Order(results), policies, request.FailOn, request.FailOnUnknown, warnings.Distinct().ToList());
    }

    private IReadOnlyList<EvaluationResult> Judge(PolicyEngine engine, TerraformReadResult read, List<string> warnings)
    {
        warnings.AddRange(read.Warnings);
        var found = new SourceLocator(read.Graph).Relocate(engine.Run(read.Graph));
        return InlineSuppressions.Apply(found, read.Suppressions, _today(), warnings);
    }

    private static TerraformReadResult ReadSource(string directory, ScanRequest request, List<string> warnings)
    {
        if (!Directory.Exists(directory)) throw new InputException(directory, "--source-dir: no such directory");
        var read = TerraformReader.ReadDirectory(directory, request.TerraformOptions);
        warnings.AddRange(read.Warnings);
        return read;
    }
}
