namespace SecureDynamo.Lint.Hcl.Lexing;

/// <summary>What the scanner is inside of; a stack of these decides how the next bytes are read.</summary>
internal sealed class LexerContext(LexerContextKind kind, string marker = "")
{
    public LexerContextKind Kind { get; } = kind;

    /// <summary>The heredoc's closing marker.</summary>
    public string Marker { get; } = marker;

    /// <summary>Heredocs only: the scanner is at the start of a line (a closing marker may follow).</summary>
    public bool AtLineStart { get; set; } = true;
}
