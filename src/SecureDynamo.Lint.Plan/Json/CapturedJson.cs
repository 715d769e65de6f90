using System.Text.Json;

namespace SecureDynamo.Lint.Plan.Json;

/// <summary>Parses one captured value (a resource entry, an expressions object) for building.</summary>
internal static class CapturedJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = JsonTokenStream.MaxDepth };
    private static readonly JsonDocumentOptions ItemOptions = new() { MaxDepth = JsonTokenStream.ItemMaxDepth };

    /// <summary>The document reads <paramref name="bytes"/> in place: build from it before the stream moves on, then dispose it.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> bytes) => JsonDocument.Parse(bytes, Options);

    /// <summary>
    /// As <see cref="Parse"/>, for an item of a top-level array (a resource entry), within the
    /// document's depth limit; it validates what it parses, so an item captured by its structure
    /// alone may come here unchecked (a <see cref="JsonException"/> then says it is not JSON).
    /// </summary>
    public static JsonDocument ParseItem(ReadOnlyMemory<byte> bytes) => JsonDocument.Parse(bytes, ItemOptions);
}
