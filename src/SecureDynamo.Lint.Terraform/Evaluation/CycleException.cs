namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>Named values that depend on themselves (<c>local.a → local.b → local.a</c>).</summary>
internal sealed class CycleException : Exception
{
    public CycleException(IReadOnlyList<string> cycle) : base("cycle: " + string.Join(" → ", cycle)) => Cycle = cycle;

    public IReadOnlyList<string> Cycle { get; }
}
