using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Terraform;

namespace SecureDynamo.Lint.Cli.Scanning;

/// <summary>
/// Everything a scan was asked to do on the command line. Null or empty settings defer to the
/// config file, then to the defaults.
/// </summary>
public sealed record ScanRequest(
    IReadOnlyList<string> Paths,
    IReadOnlyList<FormatTarget> Formats,
    Severity? FailOn,
    bool? FailOnUnknown,
    IReadOnlyList<string> OnlyPolicies,
    IReadOnlyList<string> SkipPolicies,
    IReadOnlyList<string> PolicyDirectories,
    IReadOnlyList<string>? Vars = null,
    IReadOnlyList<string>? VarFiles = null,
    string? SourceDirectory = null)
{
    public TerraformReadOptions TerraformOptions => new(VarFiles ?? Array.Empty<string>(), Vars ?? Array.Empty<string>())
    {
        EnvironmentVars = TerraformEnvironment,
        Workspace = TerraformWorkspace,
    };

    /// <summary><c>TF_WORKSPACE</c>: the workspace Terraform would plan in (else the one the root module's <c>.terraform/environment</c> names).</summary>
    public string? TerraformWorkspace { get; init; }

    /// <summary>Root variable values from <c>TF_VAR_name</c> environment variables, by variable name.</summary>
    public IReadOnlyDictionary<string, string> TerraformEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--config FILE</c>; without it the nearest <c>.securedynamo.json</c> is used.</summary>
    public string? ConfigFile { get; init; }

    /// <summary><c>--baseline FILE</c>: findings recorded there are reported as suppressed.</summary>
    public string? BaselineFile { get; init; }

    /// <summary><c>--write-baseline FILE</c>: record the current failures and unknowns there.</summary>
    public string? WriteBaselineFile { get; init; }

    /// <summary>The date exceptions and inline suppressions expire by (injected so that runs are reproducible).</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The tool version printed in reports.</summary>
    public string ToolVersion { get; init; } = ToolInfo.Version;
}
