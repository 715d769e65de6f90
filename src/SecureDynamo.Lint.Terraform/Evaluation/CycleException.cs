using SecureDynamo.Lint.Core.Diagnostics;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>Named values that depend on themselves (<c>local.a → local.b → local.a</c>).</summary>
internal sealed class CycleException : Exception
{
    /// <param name="at">Where the value the cycle came back to is defined, when known.</param>
    public CycleException(IReadOnlyList<string> cycle, SourceRange? at = null) : base("cycle: " + string.Join(" → ", cycle))
    {
        Cycle = cycle;
        At = at;
    }

    public IReadOnlyList<string> Cycle { get; }

    public SourceRange? At { get; }
}
