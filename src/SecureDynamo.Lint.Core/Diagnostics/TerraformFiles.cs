namespace SecureDynamo.Lint.Core.Diagnostics;

/// <summary>What names a Terraform configuration file: <c>.tf</c> (HCL) or <c>.tf.json</c>.</summary>
public static class TerraformFiles
{
    public static bool IsConfiguration(string path) =>
        path.EndsWith(".tf", StringComparison.Ordinal) || path.EndsWith(".tf.json", StringComparison.Ordinal);
}
