namespace SecureDynamo.Lint.Cli.Scanning;

/// <summary>
/// What a scan reads: plan/state files, explicit Terraform files (one module together), and module
/// directories; <see cref="Excluded"/> counts the paths the config file's globs deliberately left out.
/// </summary>
public sealed record ScanPlan(IReadOnlyList<string> PlanFiles, IReadOnlyList<string> TerraformFiles, IReadOnlyList<string> TerraformDirectories, int Excluded)
{
    public bool IsEmpty => PlanFiles.Count + TerraformFiles.Count + TerraformDirectories.Count == 0;
}
