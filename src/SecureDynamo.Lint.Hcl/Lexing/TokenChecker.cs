using System.Runtime.CompilerServices;
using SecureDynamo.Lint.Hcl.Text;

namespace SecureDynamo.Lint.Hcl.Lexing;

/// <summary>
/// Lexical diagnostics, reported before any parse error (as HCL does): invalid characters,
/// unsupported operators, bad UTF-8, newlines in quoted strings.
/// </summary>
internal static class TokenChecker
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<HclDiagnostic> Check(List<Token> tokens, SourceMap map)
    {
        var diagnostics = new List<HclDiagnostic>();
        int bitwise = 0, apostrophes = 0, backticks = 0, semicolons = 0, badUtf8 = 0;
        foreach (var tok in tokens)
        {
            (string, string)? message = null;
            switch (tok.Kind)
            {
                case TokenKind.BitwiseAnd or TokenKind.BitwiseOr or TokenKind.BitwiseXor or TokenKind.BitwiseNot:
                    if (bitwise++ < 4)
                    {
                        message = HclMessages.BitwiseOperator(tok.Kind switch
                        {
                            TokenKind.BitwiseAnd => " Did you mean boolean AND (\"&&\")?",
                            TokenKind.BitwiseOr => " Did you mean boolean OR (\"||\")?",
                            TokenKind.BitwiseNot => " Did you mean boolean NOT (\"!\")?",
                            _ => string.Empty,
                        });
                    }
                    break;
                case TokenKind.Apostrophe:
                    if (apostrophes % 2 == 0)
                    {
                        message = HclMessages.Apostrophe;
                    }
                    apostrophes++;
                    break;
                case TokenKind.Backtick:
                    if (backticks % 2 == 0)
                    {
                        message = HclMessages.Backtick;
                    }
                    backticks++;
                    break;
                case TokenKind.Semicolon:
                    if (semicolons++ < 1)
                    {
                        message = HclMessages.Semicolon;
                    }
                    break;
                case TokenKind.BadUtf8:
                    if (badUtf8++ < 1)
                    {
                        message = HclMessages.BadUtf8;
                    }
                    break;
                case TokenKind.QuotedNewline:
                    message = HclMessages.MultiLineString;
                    break;
                case TokenKind.Invalid:
                    var text = map.Text(tok.Start, tok.End);
                    message = text is "\u201C" or "\u201D" ? HclMessages.CurlyQuote
                        : text == "\0" ? HclMessages.NulCharacter
                        : HclMessages.InvalidCharacter;
                    break;
            }
            if (message is { } m)
            {
                diagnostics.Add(new HclDiagnostic(HclSeverity.Error, m.Item1, m.Item2, tok.Range));
            }
        }
        return diagnostics;
    }
}
