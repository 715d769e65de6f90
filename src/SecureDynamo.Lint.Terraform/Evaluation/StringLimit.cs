namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>
/// The longest string evaluation makes. A module can double a string in every local (<c>l1 = "${l0}${l0}"</c>, …)
/// and reach gigabytes in a few dozen lines; past this length the value is an evaluation warning (the value
/// unknown) instead of a scan that runs out of memory. No real attribute comes near it.
/// </summary>
internal static class StringLimit
{
    public const int MaxChars = 16 * 1024 * 1024;

    /// <summary>The pieces joined, with <paramref name="separator"/> between them, or an <see cref="EvaluationError"/> when the result would be too long.</summary>
    public static string Join(string separator, IReadOnlyList<string> pieces)
    {
        long length = pieces.Count > 0 ? (long)separator.Length * (pieces.Count - 1) : 0;
        foreach (var p in pieces) length += p.Length;
        if (length > MaxChars) throw new EvaluationError($"the result would be a string of {length:N0} characters, more than this tool builds ({MaxChars:N0})");
        return string.Join(separator, pieces);
    }
}
