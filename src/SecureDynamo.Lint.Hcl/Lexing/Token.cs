using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Text;

namespace SecureDynamo.Lint.Hcl.Lexing;

/// <summary>
/// A token: its kind and its byte span. Its range (line and column) is worked out when asked for:
/// most tokens' ranges are never needed whole (a node's range runs from one token's start to another's end).
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, SourceMap Map)
{
    public SourceRange Range => Map.Range(Start, End);

    public SourcePosition StartPosition => Map.Position(Start);

    public SourcePosition EndPosition => Map.Position(End);
}
