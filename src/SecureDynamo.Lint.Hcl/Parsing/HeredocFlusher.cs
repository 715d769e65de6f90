using SecureDynamo.Lint.Hcl.Text;

namespace SecureDynamo.Lint.Hcl.Parsing;

/// <summary>
/// <c>&lt;&lt;-</c> heredocs: removes the smallest indentation shared by all lines (blank lines
/// don't count; a line starting with an interpolation has zero indentation).
/// </summary>
internal static class HeredocFlusher
{
    public static void Flush(List<TemplatePart> parts, SourceMap map)
    {
        var minSpaces = int.MaxValue;
        var atLineStart = true;
        var adjust = new List<LiteralPart>();
        foreach (var part in parts)
        {
            if (atLineStart)
            {
                atLineStart = false;
                if (part is LiteralPart literal)
                {
                    var trimmed = literal.Value.TrimStart();
                    if (trimmed.Length == 0 && literal.Value.EndsWith('\n'))
                    {
                        // A blank line: its spaces don't count.
                    }
                    else
                    {
                        minSpaces = Math.Min(minSpaces, literal.Value.Length - trimmed.Length);
                        adjust.Add(literal);
                    }
                }
                else if (part is TemplateEndPart)
                {
                    break;
                }
                else
                {
                    minSpaces = 0;
                }
            }
            if (part is LiteralPart { Value: var value } && value.EndsWith('\n'))
            {
                atLineStart = true;
            }
        }
        if (minSpaces == int.MaxValue)
        {
            return;
        }
        foreach (var literal in adjust)
        {
            var cut = Math.Min(minSpaces, literal.Value.Length);
            var removedBytes = System.Text.Encoding.UTF8.GetByteCount(literal.Value.AsSpan(0, cut));
            literal.Value = literal.Value[cut..];
            var start = literal.Range.Start;
            literal.Range = literal.Range with
            {
                Start = start with { Column = start.Column + cut, Byte = start.Byte + removedBytes },
            };
        }
        _ = map;
    }
}
