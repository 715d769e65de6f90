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
    // Room for a large plan's distinct short texts (names, resource ids, tag values) without evicting the common ones.
    private const int Slots = 16384;
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
        var hash = Hash(utf8);
        var slot = (int)(hash & (Slots - 1));
        var entry = Table[slot];
        if (entry is not null && entry.Hash == hash && utf8.SequenceEqual(entry.Utf8)) return entry;
        var text = Encoding.UTF8.GetString(utf8);
        entry = new Entry(hash, utf8.ToArray(), text, Value.String(text));
        Table[slot] = entry;
        return entry;
    }

    private static uint Hash(ReadOnlySpan<byte> bytes) => (uint)Hash64(bytes);

    /// <summary>
    /// A 64-bit hash of <paramref name="bytes"/>, eight at a time: the slot of a shared text (its low bits), and how skipped
    /// entries' addresses are counted without a string each (<see cref="EntryHeader.AddressHashIn"/>).
    /// </summary>
    public static ulong Hash64(ReadOnlySpan<byte> bytes)
    {
        var h = (ulong)bytes.Length * 0x9E3779B97F4A7C15UL;
        var i = 0;
        for (; i + 8 <= bytes.Length; i += 8) h = (h ^ System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..])) * 0xFF51AFD7ED558CCDUL;
        if (i < bytes.Length)
        {
            ulong tail = 0;
            for (var j = bytes.Length - 1; j >= i; j--) tail = tail << 8 | bytes[j];
            h = (h ^ tail) * 0xFF51AFD7ED558CCDUL;
        }
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 29;
        return h;
    }

    private sealed record Entry(uint Hash, byte[] Utf8, string Text, Value Value);
}
