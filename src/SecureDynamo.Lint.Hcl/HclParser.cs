using SecureDynamo.Lint.Hcl.Lexing;
using SecureDynamo.Lint.Hcl.Parsing;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Hcl.Text;

namespace SecureDynamo.Lint.Hcl;

/// <summary>
/// Entry points of the HCL native-syntax parser. Never throws on bad input: problems are
/// diagnostics. Work runs on a large-stack thread, so 10 000-deep nesting is fine.
/// </summary>
public static class HclParser
{
    /// <summary>Parses a configuration file (<c>.tf</c>, <c>.tfvars</c>): a body of attributes and blocks.</summary>
    public static HclFile ParseConfig(string fileName, byte[] source) => LargeStack.Run(() => ParseConfigOnThisThread(fileName, source));

    /// <summary>Parses a standalone expression.</summary>
    public static HclExpressionResult ParseExpression(string fileName, byte[] source) =>
        LargeStack.Run(() => ParseStandalone(fileName, source, template: false));

    /// <summary>Parses a bare template (text with <c>${}</c> and <c>%{}</c> sequences).</summary>
    public static HclExpressionResult ParseTemplate(string fileName, byte[] source) =>
        LargeStack.Run(() => ParseStandalone(fileName, source, template: true));

    /// <summary>Parses on the calling thread; the caller must provide enough stack.</summary>
    internal static HclFile ParseConfigOnThisThread(string fileName, byte[] source)
    {
        var (tokens, map, diagnostics, start) = Lex(fileName, source, template: false);
        var parser = new Parser(tokens, map, diagnostics);
        var body = parser.ParseFile(map.Range(start, start));
        var comments = new List<HclComment>();
        foreach (var t in tokens)
        {
            if (t.Kind == TokenKind.Comment) comments.Add(new HclComment(map.Text(t.Start, t.End), t.Range));
        }
        GiveBack(tokens);
        return new HclFile(fileName, body, diagnostics, comments);
    }

    internal static HclExpressionResult ParseStandalone(string fileName, byte[] source, bool template)
    {
        var (tokens, map, diagnostics, _) = Lex(fileName, source, template);
        var parser = new Parser(tokens, map, diagnostics);
        var expr = template ? parser.ParseBareTemplate() : parser.ParseWholeExpression();
        GiveBack(tokens);
        return new HclExpressionResult(expr, diagnostics);
    }

    // The token list of the last parse on this thread, kept for the next one: tokens are only needed
    // while a file is parsed, and a new list per file was most of what lexing allocated.
    [ThreadStatic]
    private static List<Token>? _spareTokens;

    private const int SpareTokensLimit = 1 << 16;

    private static void GiveBack(List<Token> tokens)
    {
        tokens.Clear();
        if (tokens.Capacity <= SpareTokensLimit) _spareTokens = tokens;
    }

    private static (List<Token>, SourceMap, List<HclDiagnostic>, int) Lex(string fileName, byte[] source, bool template)
    {
        var start = source.Length >= 3 && source[0] == 0xEF && source[1] == 0xBB && source[2] == 0xBF ? 3 : 0;
        var map = new SourceMap(fileName, source, start);
        var spare = _spareTokens;
        _spareTokens = null;
        var tokens = Lexer.Scan(source, map, start, template, spare);
        var diagnostics = TokenChecker.Check(tokens, map);
        return (tokens, map, diagnostics, start);
    }
}
