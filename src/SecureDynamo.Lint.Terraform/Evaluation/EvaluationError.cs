using SecureDynamo.Lint.Core.Diagnostics;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>An expression Terraform itself would reject (wrong type, missing key, bad function argument).</summary>
internal sealed class EvaluationError : Exception
{
    public EvaluationError(string message, SourceRange? range = null) : base(message) => Range = range;

    public SourceRange? Range { get; }
}
