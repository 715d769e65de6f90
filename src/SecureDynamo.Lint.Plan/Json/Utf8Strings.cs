using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace SecureDynamo.Lint.Plan.Json;

/// <summary>
/// Shares the strings a plan repeats thousands of times (attribute names such as
/// <c>billing_mode</c>, short values such as <c>"S"</c> or <c>"prod"</c>) instead of allocating
/// each occurrence: a large plan's values are mostly these. A small direct-mapped table; entries
/// are immutable, so concurrent readers only ever see a whole entry or a miss.
/// </summary>
internal static class Utf8Strings
{
    private const int MaxCachedBytes = 32;
    private const int Slots = 4096;
    private static readonly Entry?[] Table = new Entry?[Slots];

    public static string Name(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return raw.Length <= MaxCachedBytes && raw.IndexOf((byte)'\\') < 0 ? Get(raw) : property.Name;
    }

    public static string String(JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length >= 2 && raw.Length - 2 <= MaxCachedBytes && raw.IndexOf((byte)'\\') < 0) return Get(raw[1..^1]);
        return element.GetString()!;
    }

    private static string Get(ReadOnlySpan<byte> utf8)
    {
        var slot = (int)(Hash(utf8) & (Slots - 1));
        var entry = Table[slot];
        if (entry is not null && utf8.SequenceEqual(entry.Utf8)) return entry.Text;
        var text = Encoding.UTF8.GetString(utf8);
        Table[slot] = new Entry(utf8.ToArray(), text);
        return text;
    }

    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var h = 2166136261u;
        foreach (var b in bytes) h = (h ^ b) * 16777619u;
        return h;
    }

    private sealed record Entry(byte[] Utf8, string Text);
}
