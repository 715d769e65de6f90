using SecureDynamo.Lint.Terraform.Loading;

namespace SecureDynamo.Lint.Terraform;

/// <summary>Root variable inputs: <c>--var-file</c> paths and <c>--var NAME=VALUE</c> assignments, in command-line order.</summary>
public sealed record TerraformReadOptions(IReadOnlyList<string> VarFiles, IReadOnlyList<string> Vars)
{
    /// <summary><c>TF_VAR_name</c> environment variables, by variable name (the lowest-precedence values after defaults).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVars { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Where the files of called modules are parsed once for several reads (one scan's root modules),
    /// or null to parse them for each read.
    /// </summary>
    public ParseCache? ParseCache { get; init; }

    /// <summary>
    /// The selected workspace (<c>TF_WORKSPACE</c>), or null for the one the root module's <c>.terraform/environment</c>
    /// names (written by <c>terraform workspace select</c>), else <c>default</c>: <c>terraform.workspace</c> evaluates to it.
    /// </summary>
    public string? Workspace { get; init; }

    public static readonly TerraformReadOptions None = new(Array.Empty<string>(), Array.Empty<string>());
}
