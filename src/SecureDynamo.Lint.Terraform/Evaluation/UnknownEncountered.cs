namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>Raised inside a function when it needs the content of a value that is unknown before apply.</summary>
internal sealed class UnknownEncountered : Exception
{
    public UnknownEncountered() : base("value unknown before apply") { }
}
