using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SecureDynamo.Lint.Plan.Json;

/// <summary>
/// Finds where a JSON object or array ends by its structure alone (strings, escapes, brackets),
/// 64 bytes at a time: a bit per byte for quotes, backslashes and brackets, the string interiors
/// from a running XOR of the unescaped quotes, and the depth from the brackets outside strings.
/// It does not check the grammar: whatever it skips must be validated by a
/// <see cref="System.Text.Json.Utf8JsonReader"/> as well (see <see cref="SkippedValueCheck"/>).
/// The scan resumes across buffers: the state is carried in <see cref="State"/>.
/// </summary>
internal static class StructureScanner
{
    /// <summary>Where a scan stands between two buffers.</summary>
    public struct State
    {
        /// <summary>Open brackets not yet closed (1 just after the value's first bracket).</summary>
        public long Depth;
        public bool InString;
        /// <summary>The next byte is escaped by a backslash that ended the last buffer.</summary>
        public bool Escaped;
    }

    private const int Block = 64;

    /// <summary>The index in <paramref name="bytes"/> of the bracket that brings the depth to 0, or -1 (then <paramref name="state"/> carries on).</summary>
    /// <remarks>Compiled fully optimized at once: a scan runs through tens of megabytes before tiered compilation would promote it.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FindEnd(ReadOnlySpan<byte> bytes, ref State state)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated)
        {
            for (; i + Block <= bytes.Length; i += Block)
            {
                var end = ScanBlock(bytes.Slice(i, Block), ref state);
                if (end >= 0) return i + end;
            }
        }
        for (; i < bytes.Length; i++)
        {
            if (Step(bytes[i], ref state)) return i;
        }
        return -1;
    }

    /// <summary>One byte; true when it closes the value. A backslash escapes the next byte wherever it stands (outside a string it is invalid anyway).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Step(byte b, ref State state)
    {
        if (state.Escaped)
        {
            state.Escaped = false;
            return false;
        }
        if (b == '\\') state.Escaped = true;
        else if (b == '"') state.InString = !state.InString;
        else if (!state.InString)
        {
            var folded = b | 0x20;
            if (folded == '{') state.Depth++;
            else if (folded == '}' && --state.Depth == 0) return true;
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ScanBlock(ReadOnlySpan<byte> block, ref State state)
    {
        Masks(block, out var quotes, out var backslashes, out var opens, out var closes);
        if (backslashes != 0 || state.Escaped)
        {
            var escaped = Escaped(backslashes, ref state.Escaped);
            quotes &= ~escaped;
            opens &= ~escaped;
            closes &= ~escaped;
        }
        // Bits from an opening quote up to (not including) its closing quote.
        var inside = PrefixXor(quotes);
        if (state.InString) inside = ~inside;
        state.InString = (long)inside < 0;
        opens &= ~inside;
        closes &= ~inside;
        var closed = BitOperations.PopCount(closes);
        if (state.Depth > closed)
        {
            // The depth cannot reach 0 within this block.
            state.Depth += BitOperations.PopCount(opens) - closed;
            return -1;
        }
        var brackets = opens | closes;
        while (brackets != 0)
        {
            var at = BitOperations.TrailingZeroCount(brackets);
            brackets &= brackets - 1;
            if ((opens >> at & 1) != 0) state.Depth++;
            else if (--state.Depth == 0) return at;
        }
        return -1;
    }

    /// <summary>The bytes escaped by a backslash (which is not itself escaped); <paramref name="carry"/> links blocks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Escaped(ulong backslashes, ref bool carry)
    {
        var escaped = carry ? 1UL : 0UL;
        carry = false;
        while (backslashes != 0)
        {
            var at = BitOperations.TrailingZeroCount(backslashes);
            backslashes &= backslashes - 1;
            if ((escaped >> at & 1) != 0) continue;
            if (at == Block - 1) carry = true;
            else escaped |= 1UL << (at + 1);
        }
        return escaped;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong PrefixXor(ulong x)
    {
        x ^= x << 1;
        x ^= x << 2;
        x ^= x << 4;
        x ^= x << 8;
        x ^= x << 16;
        x ^= x << 32;
        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Masks(ReadOnlySpan<byte> block, out ulong quotes, out ulong backslashes, out ulong opens, out ulong closes)
    {
        // '{' and '[' differ only in bit 0x20, as do '}' and ']': one comparison each after folding it in.
        if (Vector256.IsHardwareAccelerated)
        {
            var lo = Vector256.Create(block);
            var hi = Vector256.Create(block[32..]);
            quotes = Bits(lo, hi, (byte)'"');
            backslashes = Bits(lo, hi, (byte)'\\');
            var fold = Vector256.Create((byte)0x20);
            opens = Bits(lo | fold, hi | fold, (byte)'{');
            closes = Bits(lo | fold, hi | fold, (byte)'}');
            return;
        }
        var a = Vector128.Create(block);
        var b = Vector128.Create(block[16..]);
        var c = Vector128.Create(block[32..]);
        var d = Vector128.Create(block[48..]);
        quotes = Bits(a, b, c, d, (byte)'"');
        backslashes = Bits(a, b, c, d, (byte)'\\');
        var f = Vector128.Create((byte)0x20);
        opens = Bits(a | f, b | f, c | f, d | f, (byte)'{');
        closes = Bits(a | f, b | f, c | f, d | f, (byte)'}');
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(Vector256<byte> lo, Vector256<byte> hi, byte value)
    {
        var v = Vector256.Create(value);
        return Vector256.Equals(lo, v).ExtractMostSignificantBits() | (ulong)Vector256.Equals(hi, v).ExtractMostSignificantBits() << 32;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(Vector128<byte> a, Vector128<byte> b, Vector128<byte> c, Vector128<byte> d, byte value)
    {
        var v = Vector128.Create(value);
        return Vector128.Equals(a, v).ExtractMostSignificantBits()
               | (ulong)Vector128.Equals(b, v).ExtractMostSignificantBits() << 16
               | (ulong)Vector128.Equals(c, v).ExtractMostSignificantBits() << 32
               | (ulong)Vector128.Equals(d, v).ExtractMostSignificantBits() << 48;
    }
}
