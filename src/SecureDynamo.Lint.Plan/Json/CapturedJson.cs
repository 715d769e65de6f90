using System.Text.Json;

namespace SecureDynamo.Lint.Plan.Json;

/// <summary>Parses one captured value (a resource entry, an expressions object) for building.</summary>
internal static class CapturedJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = JsonTokenStream.MaxDepth };

    /// <summary>The document reads <paramref name="bytes"/> in place: build from it before the stream moves on, then dispose it.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> bytes) => JsonDocument.Parse(bytes, Options);
}
