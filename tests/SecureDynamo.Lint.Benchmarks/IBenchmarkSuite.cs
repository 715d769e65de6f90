namespace SecureDynamo.Lint.Benchmarks;

/// <summary>
/// One group of measurements. Program runs every registered suite in order; the HCL front end
/// adds its suite (generated monorepo of .tf files, compared with the hcl2ast oracle) to
/// <see cref="Program"/>'s list when it lands.
/// </summary>
public interface IBenchmarkSuite
{
    /// <summary>What <c>--suite</c> names to run this suite alone.</summary>
    string Key { get; }

    string Name { get; }

    void Run(BenchmarkContext context);
}
