using SecureDynamo.Lint.Core.Graph;

namespace SecureDynamo.Lint.Core.Resolution;

/// <summary>The key a resource is encrypted with, how that was decided, and the managed key resources it uses.</summary>
/// <param name="Description">Says what the key is, for messages ("the AWS managed key alias/aws/dynamodb").</param>
/// <param name="ManagedKeys">The <c>aws_kms_key</c> resources of the input that the resource uses.</param>
public sealed record KeyAssessment(KeyKind Kind, string Description, IReadOnlyList<Resource> ManagedKeys)
{
    /// <summary>
    /// For a description that names a managed key by reference: the attribute the reference reads after the key's address
    /// (<c>.arn</c>, or empty), so that one key instance can be named by its full address (<see cref="Named"/>).
    /// </summary>
    public string? KeyAttribute { get; init; }

    /// <summary>This assessment, naming its key by its full address (instance keys included) where it has exactly one.</summary>
    public KeyAssessment Named() =>
        KeyAttribute is { } attribute && ManagedKeys.Count == 1 ? this with { Description = $"the customer managed key {ManagedKeys[0].Address}{attribute}" } : this;

    public static KeyAssessment Of(KeyKind kind, string description) => new(kind, description, Array.Empty<Resource>());
}
