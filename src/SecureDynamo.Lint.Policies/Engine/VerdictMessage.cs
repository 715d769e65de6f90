using System.Runtime.CompilerServices;
using SecureDynamo.Lint.Core.Graph;

namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>
/// Builds a verdict's message, "address: text", straight from the policy's interpolated string: the
/// text is not first made into a string of its own and then copied behind the address. Formatting is
/// that of ordinary string interpolation (the same <see cref="DefaultInterpolatedStringHandler"/>).
/// </summary>
[InterpolatedStringHandler]
public ref struct VerdictMessage
{
    private DefaultInterpolatedStringHandler _text;

    public VerdictMessage(int literalLength, int formattedCount, Resource resource)
    {
        var address = resource.Address.ToString();
        _text = new DefaultInterpolatedStringHandler(address.Length + 2 + literalLength, formattedCount);
        _text.AppendLiteral(address);
        _text.AppendLiteral(": ");
    }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted(string? value) => _text.AppendFormatted(value);

    public void AppendFormatted(ReadOnlySpan<char> value) => _text.AppendFormatted(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

    public void AppendFormatted<T>(T value, int alignment) => _text.AppendFormatted(value, alignment);

    public void AppendFormatted<T>(T value, int alignment, string? format) => _text.AppendFormatted(value, alignment, format);

    /// <summary>The message; the handler is spent.</summary>
    public string ToStringAndClear() => _text.ToStringAndClear();
}
