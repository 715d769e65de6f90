namespace SecureDynamo.Lint.Terraform;

/// <summary>Root variable inputs: <c>--var-file</c> paths and <c>--var NAME=VALUE</c> assignments, in command-line order.</summary>
public sealed record TerraformReadOptions(IReadOnlyList<string> VarFiles, IReadOnlyList<string> Vars)
{
    /// <summary><c>TF_VAR_name</c> environment variables, by variable name (the lowest-precedence values after defaults).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVars { get; init; } = new Dictionary<string, string>();

    public static readonly TerraformReadOptions None = new(Array.Empty<string>(), Array.Empty<string>());
}
