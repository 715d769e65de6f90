namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>
/// One string for each text a policy says of many resources ("point_in_time_recovery is not enabled ..."):
/// the results keep it for the report, and thousands of equal copies would be most of their memory. While
/// a policy is judged on a thread (<see cref="Share()"/>), <see cref="VerdictText"/> looks a formatted text
/// up here before making a string of it, so a repeated text is not even allocated.
/// </summary>
internal sealed class SharedTexts
{
    // Beyond this many distinct texts a policy's texts are mostly its own per resource: the rest are not kept.
    private const int MaxShared = 4096;

    [ThreadStatic]
    private static SharedTexts? t_current;

    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public SharedTexts() => _bySpan = _texts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The table texts formatted on this thread are shared in, if a policy is being judged on it.</summary>
    public static SharedTexts? Current => t_current;

    /// <summary>Makes this the current table on this thread until the returned scope is disposed.</summary>
    public Scope Share()
    {
        var previous = t_current;
        t_current = this;
        return new Scope(previous);
    }

    public string Share(string text)
    {
        if (_texts.TryGetValue(text, out var shared)) return shared;
        if (_texts.Count < MaxShared) _texts[text] = text;
        return text;
    }

    /// <summary>The shared string equal to <paramref name="text"/>, made (and kept, while there is room) when there is none.</summary>
    public string Share(ReadOnlySpan<char> text)
    {
        if (_bySpan.TryGetValue(text, out var shared)) return shared;
        var made = new string(text);
        if (_texts.Count < MaxShared) _texts[made] = made;
        return made;
    }

    public readonly struct Scope(SharedTexts? previous) : IDisposable
    {
        public void Dispose() => t_current = previous;
    }
}
