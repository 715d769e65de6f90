namespace SecureDynamo.Lint.Tests.Corpus;

/// <summary>A fact that needs the conformance corpus; skipped with a visible reason when it is absent.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (CorpusLocator.SkipReason is { } reason) Skip = reason;
    }
}
