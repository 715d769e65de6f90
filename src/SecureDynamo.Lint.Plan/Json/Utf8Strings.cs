using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Plan.Json;

/// <summary>
/// Shares the strings a plan repeats thousands of times (attribute names such as
/// <c>billing_mode</c>, short values such as <c>"S"</c> or <c>"prod"</c>, and their <see cref="Value"/>s) instead of allocating
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
        return IsShared(raw) ? Get(raw) : property.Name;
    }

    public static string String(JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        return IsSharedString(raw) ? Get(raw[1..^1]) : element.GetString()!;
    }

    /// <summary>The string value of <paramref name="element"/> (a JSON string), shared like its text when short.</summary>
    public static Value StringValue(JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        return IsSharedString(raw) ? Find(raw[1..^1]).Value : Value.String(element.GetString()!);
    }

    /// <summary>Whether the JSON string written as <paramref name="raw"/> (quotes included) is one this table shares.</summary>
    public static bool IsSharedString(ReadOnlySpan<byte> raw) => raw.Length >= 2 && IsShared(raw[1..^1]);

    /// <summary>Short text without escapes: shared; anything else is built each time.</summary>
    private static bool IsShared(ReadOnlySpan<byte> text) => text.Length <= MaxCachedBytes && text.IndexOf((byte)'\\') < 0;

    private static string Get(ReadOnlySpan<byte> utf8) => Find(utf8).Text;

    /// <summary>The text of plain (unescaped) UTF-8 <paramref name="utf8"/>, shared when short.</summary>
    public static string Text(ReadOnlySpan<byte> utf8) => utf8.Length <= MaxCachedBytes ? Get(utf8) : Encoding.UTF8.GetString(utf8);

    private static Entry Find(ReadOnlySpan<byte> utf8)
    {
        var slot = (int)(Hash(utf8) & (Slots - 1));
        var entry = Table[slot];
        if (entry is not null && utf8.SequenceEqual(entry.Utf8)) return entry;
        var text = Encoding.UTF8.GetString(utf8);
        entry = new Entry(utf8.ToArray(), text, Value.String(text));
        Table[slot] = entry;
        return entry;
    }

    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var h = 2166136261u;
        foreach (var b in bytes) h = (h ^ b) * 16777619u;
        return h;
    }

    private sealed record Entry(byte[] Utf8, string Text, Value Value);
}
