namespace SecureDynamo.Lint.Hcl.Lexing;

/// <summary>The kinds of <see cref="LexerContext"/>.</summary>
internal enum LexerContextKind
{
    Brace,
    Interpolation,
    Quoted,
    Heredoc,
    BareTemplate,
}
