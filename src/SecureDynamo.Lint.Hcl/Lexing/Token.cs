using SecureDynamo.Lint.Core.Diagnostics;

namespace SecureDynamo.Lint.Hcl.Lexing;

/// <summary>A token: its kind, its byte span and its range.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, SourceRange Range);
