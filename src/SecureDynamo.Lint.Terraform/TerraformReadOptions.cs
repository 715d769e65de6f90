namespace SecureDynamo.Lint.Terraform;

/// <summary>Root variable inputs: <c>--var-file</c> paths and <c>--var NAME=VALUE</c> assignments, in command-line order.</summary>
public sealed record TerraformReadOptions(IReadOnlyList<string> VarFiles, IReadOnlyList<string> Vars)
{
    public static readonly TerraformReadOptions None = new(Array.Empty<string>(), Array.Empty<string>());
}
