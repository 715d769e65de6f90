using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Cli.Scanning;

/// <summary>Everything a scan was asked to do, after the command line is parsed.</summary>
public sealed record ScanRequest(
    IReadOnlyList<string> Paths,
    IReadOnlyList<FormatTarget> Formats,
    Severity FailOn,
    bool FailOnUnknown,
    IReadOnlyList<string> OnlyPolicies,
    IReadOnlyList<string> SkipPolicies,
    IReadOnlyList<string> PolicyDirectories);
