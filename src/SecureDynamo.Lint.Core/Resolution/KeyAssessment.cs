using SecureDynamo.Lint.Core.Graph;

namespace SecureDynamo.Lint.Core.Resolution;

/// <summary>The key a resource is encrypted with, how that was decided, and the managed key resources it uses.</summary>
/// <param name="Description">Says what the key is, for messages ("the AWS managed key alias/aws/dynamodb").</param>
/// <param name="ManagedKeys">The <c>aws_kms_key</c> resources of the input that the resource uses.</param>
public sealed record KeyAssessment(KeyKind Kind, string Description, IReadOnlyList<Resource> ManagedKeys)
{
    public static KeyAssessment Of(KeyKind kind, string description) => new(kind, description, Array.Empty<Resource>());
}
