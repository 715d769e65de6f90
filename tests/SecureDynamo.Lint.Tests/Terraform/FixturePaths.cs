using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Terraform;

/// <summary>Terraform fixture modules of these tests.</summary>
internal static class FixturePaths
{
    /// <summary>
    /// Root module with a for_each module call and a count resource, and <c>plan.json</c>: the plan
    /// Terraform would produce for it (hand-written with the fixture plan builder).
    /// </summary>
    public static string Orders => Path.Combine(RepositoryPaths.Root, "tests", "SecureDynamo.Lint.Tests", "Terraform", "Fixtures", "orders");
}
