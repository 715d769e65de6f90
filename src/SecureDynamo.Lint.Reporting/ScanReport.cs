using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Reporting;

/// <summary>Everything a reporter prints: inputs, results in report order, the policies run and the failure threshold.</summary>
public sealed record ScanReport(
    string ToolVersion,
    IReadOnlyList<ScanInput> Inputs,
    IReadOnlyList<EvaluationResult> Results,
    IReadOnlyList<PolicyMetadata> Policies,
    Severity FailOn,
    bool FailOnUnknown,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Whether <paramref name="r"/> makes the run fail (exit code 1).</summary>
    public bool Fails(EvaluationResult r) =>
        (r.Status == Status.Fail && r.Severity >= FailOn) || (r.Status == Status.Unknown && FailOnUnknown && r.Severity >= FailOn);

    /// <summary>
    /// Whether the run fails: a failing result, or with <c>--fail-on-unknown</c> an input with module calls not
    /// analysed (their resources are unknown, and may be the only ones: a run that read nothing must not pass then).
    /// </summary>
    public bool Failed => Results.Any(Fails) || (FailOnUnknown && Inputs.Any(i => i.Unanalysed > 0));

    /// <summary>How many results have status <paramref name="s"/> (counted once per report: reports ask for each status).</summary>
    public int Count(Status s)
    {
        var tally = _tally;
        if (tally is null || !ReferenceEquals(tally.Of, Results))
        {
            var counts = new int[Enum.GetValues<Status>().Length];
            foreach (var r in Results) counts[(int)r.Status]++;
            _tally = tally = new Tally(Results, counts);
        }
        return tally.Counts[(int)s];
    }

    private Tally? _tally;

    private sealed record Tally(IReadOnlyList<EvaluationResult> Of, int[] Counts);

    /// <summary>The folder report paths are relative to (the repository root).</summary>
    public SourceRoot Root
    {
        get => _root;
        init
        {
            // Paths are cached per root: another root (even on a copy) starts afresh.
            _root = value;
            _displayed = new(StringComparer.Ordinal);
            _relative = new(StringComparer.Ordinal);
        }
    }

    private readonly SourceRoot _root = SourceRoot.Discover(Environment.CurrentDirectory);

    /// <summary>The stable fingerprint of <paramref name="r"/> (policy, resource, repository-relative input).</summary>
    public string Fingerprint(EvaluationResult r) => FindingFingerprint.Of(r.PolicyId, r.ResourceAddress, Display(r.Input));

    /// <summary>
    /// The fingerprints of <paramref name="results"/>, in order, hashed on every core: a report of tens of
    /// thousands of results would otherwise spend a good part of its time in SHA-256.
    /// </summary>
    public IReadOnlyList<string> Fingerprints(IReadOnlyList<EvaluationResult> results)
    {
        const int chunk = 1024;
        var prints = new string[results.Count];
        void Hash(int c)
        {
            for (int i = c * chunk, end = Math.Min(prints.Length, i + chunk); i < end; i++) prints[i] = Fingerprint(results[i]);
        }
        var chunks = (prints.Length + chunk - 1) / chunk;
        if (chunks <= 1) Hash(0);
        else Parallel.For(0, chunks, Hash);
        return prints;
    }

    /// <summary>
    /// <paramref name="path"/> as reports show it (<see cref="SourceRoot.Display"/>). Thousands of
    /// results share a few files: each path is worked out once per report.
    /// </summary>
    public string Display(string path) => _displayed.GetOrAdd(path, static (p, root) => root.Display(p), Root);

    /// <summary><paramref name="path"/> relative to the root (<see cref="SourceRoot.Relative"/>), once per path and report.</summary>
    public string? Relative(string path) => _relative.GetOrAdd(path, static (p, root) => root.Relative(p), Root);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _displayed = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _relative = new(StringComparer.Ordinal);

    /// <summary>The results a CI report lists: failures, unknowns and suppressed ones (not passes or not-applicable).</summary>
    public IEnumerable<EvaluationResult> Findings => Results.Where(r => r.Status is Status.Fail or Status.Unknown or Status.Suppressed);

    /// <summary>The metadata of <paramref name="policyId"/> among the policies run, or null.</summary>
    public PolicyMetadata? Policy(string policyId) => Policies.FirstOrDefault(p => p.Id == policyId);
}
