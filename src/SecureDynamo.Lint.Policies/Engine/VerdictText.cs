using System.Runtime.CompilerServices;

namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>
/// A verdict's text from the policy's interpolated string, formatted into a pooled buffer and looked up
/// among the texts already said (<see cref="SharedTexts"/>) before a string is made: most texts repeat
/// from resource to resource. Formatting is that of ordinary string interpolation.
/// </summary>
[InterpolatedStringHandler]
public ref struct VerdictText
{
    private DefaultInterpolatedStringHandler _text;

    public VerdictText(int literalLength, int formattedCount) => _text = new DefaultInterpolatedStringHandler(literalLength, formattedCount);

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted(string? value) => _text.AppendFormatted(value);

    public void AppendFormatted(ReadOnlySpan<char> value) => _text.AppendFormatted(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

    public void AppendFormatted<T>(T value, int alignment) => _text.AppendFormatted(value, alignment);

    public void AppendFormatted<T>(T value, int alignment, string? format) => _text.AppendFormatted(value, alignment, format);

    /// <summary>The text, shared when a policy is being judged on this thread; the handler is spent.</summary>
    public string ToStringAndClear()
    {
        if (SharedTexts.Current is not { } shared) return _text.ToStringAndClear();
        var text = shared.Share(_text.Text);
        _text.Clear();
        return text;
    }
}
