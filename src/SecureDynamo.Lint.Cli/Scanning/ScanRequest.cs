using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Terraform;

namespace SecureDynamo.Lint.Cli.Scanning;

/// <summary>Everything a scan was asked to do, after the command line is parsed.</summary>
public sealed record ScanRequest(
    IReadOnlyList<string> Paths,
    IReadOnlyList<FormatTarget> Formats,
    Severity FailOn,
    bool FailOnUnknown,
    IReadOnlyList<string> OnlyPolicies,
    IReadOnlyList<string> SkipPolicies,
    IReadOnlyList<string> PolicyDirectories,
    IReadOnlyList<string>? Vars = null,
    IReadOnlyList<string>? VarFiles = null,
    string? SourceDirectory = null)
{
    public TerraformReadOptions TerraformOptions => new(VarFiles ?? Array.Empty<string>(), Vars ?? Array.Empty<string>());
}
