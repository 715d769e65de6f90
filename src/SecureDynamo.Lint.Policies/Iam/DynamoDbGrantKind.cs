namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>What one statement grants on DynamoDB, as judged by dynamodb:012.</summary>
public enum DynamoDbGrantKind
{
    /// <summary>No DynamoDB action (a Deny, another service, or a NotAction that excludes all of DynamoDB).</summary>
    None,
    /// <summary>Named DynamoDB actions on named tables.</summary>
    Scoped,
    /// <summary>Every DynamoDB action, or DynamoDB actions on every table.</summary>
    Overbroad,
    /// <summary>Depends on values known only after apply.</summary>
    Unknown,
}
