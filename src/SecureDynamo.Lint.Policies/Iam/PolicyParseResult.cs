namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>The outcome of parsing a policy document: the document, or why it could not be read.</summary>
public sealed record PolicyParseResult(PolicyDocument? Document, string? Error)
{
    public static PolicyParseResult Ok(PolicyDocument document) => new(document, null);

    public static PolicyParseResult Failed(string error) => new(null, error);

    public bool Succeeded => Document is not null;
}
