namespace SecureDynamo.Lint.Core.Resolution;

/// <summary>Which kind of KMS key encrypts a resource.</summary>
public enum KeyKind
{
    /// <summary>A key the customer creates and controls (key ARN/ID, customer alias, managed <c>aws_kms_key</c>).</summary>
    CustomerManaged,
    /// <summary>The AWS managed key <c>alias/aws/dynamodb</c>.</summary>
    AwsManaged,
    /// <summary>Encryption with a key AWS owns (server-side encryption not enabled with KMS).</summary>
    AwsOwned,
    Unknown,
}
