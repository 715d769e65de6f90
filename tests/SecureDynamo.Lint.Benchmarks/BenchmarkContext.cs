namespace SecureDynamo.Lint.Benchmarks;

/// <summary>What every suite shares: where generated inputs live, how many runs, which CLI to start.</summary>
/// <param name="WorkDirectory">Generated inputs (kept between runs; regenerated when the generator version changes).</param>
/// <param name="Runs">Measured runs per figure (after one warm-up); medians are reported.</param>
/// <param name="Quick">Smaller inputs and fewer runs, for a fast check.</param>
/// <param name="Only">Measure only the plan of this size (1x, 4x, 16x).</param>
/// <param name="Cli">The command that starts securedynamo (a published binary, or dotnet + the built assembly).</param>
public sealed record BenchmarkContext(string WorkDirectory, int Runs, bool Quick, CliCommand Cli, string? Only = null)
{
    public string Input(string name) => Path.Combine(WorkDirectory, name);
}
