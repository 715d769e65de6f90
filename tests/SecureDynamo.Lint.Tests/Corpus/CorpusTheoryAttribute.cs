namespace SecureDynamo.Lint.Tests.Corpus;

/// <summary>A theory that needs the conformance corpus; skipped with a visible reason when it is absent.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (CorpusLocator.SkipReason is { } reason) Skip = reason;
    }
}
