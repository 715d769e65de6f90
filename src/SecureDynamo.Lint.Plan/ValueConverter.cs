using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Plan.Json;

namespace SecureDynamo.Lint.Plan;

/// <summary>
/// Builds a <see cref="Value"/> from a plan's value JSON and its <c>after_unknown</c> and
/// <c>after_sensitive</c> shadows (which mirror the value's shape, with <c>true</c> at the
/// unknown or sensitive parts). An absent element is <c>default(JsonElement)</c>. With a
/// <see cref="ValueInterner"/>, parts with nothing unknown or sensitive inside are shared with
/// identical parts built before.
/// </summary>
internal static class ValueConverter
{
    public static Value Convert(JsonElement value, JsonElement unknown, JsonElement sensitive, ValueInterner? interner = null)
    {
        var isSensitive = sensitive.ValueKind == JsonValueKind.True;
        if (unknown.ValueKind == JsonValueKind.True) return Value.Unknown().WithSensitive(isSensitive);
        Value converted;
        if (interner is not null && value.ValueKind != JsonValueKind.Undefined && IsUnmarked(unknown) && IsUnmarked(sensitive))
        {
            converted = Interned(value, interner);
        }
        else
        {
            converted = value.ValueKind switch
            {
                JsonValueKind.Object => ConvertObject(value, NonEmptyObject(unknown), NonEmptyObject(sensitive), interner),
                JsonValueKind.Array => ConvertArray(value, NonEmptyArray(unknown), NonEmptyArray(sensitive), interner),
                JsonValueKind.Undefined => ConvertAbsent(unknown, sensitive, interner),
                _ => ConvertScalar(value, unknown, interner),
            };
        }
        return isSensitive ? converted.WithSensitive() : converted;
    }

    public static Value Convert(JsonElement value) => Convert(value, default, default);

    /// <summary>A part with no unknown or sensitive marks: the same text always builds the same value.</summary>
    private static Value Interned(JsonElement value, ValueInterner interner)
    {
        var text = JsonMarshal.GetRawUtf8Value(value);
        // Short strings are shared by the string table already: no entry here for them.
        if (value.ValueKind == JsonValueKind.String && Utf8Strings.IsSharedString(text)) return Utf8Strings.StringValue(value);
        if (text.Length > ValueInterner.MaxTextBytes) return Build(value, interner);
        if (interner.Find(text, out var hash) is { } shared) return shared;
        var built = Build(value, interner);
        interner.Add(text, hash, built);
        return built;
    }

    private static Value Build(JsonElement value, ValueInterner interner) => value.ValueKind switch
    {
        JsonValueKind.Object => ConvertObject(value, default, default, interner),
        JsonValueKind.Array => ConvertArray(value, default, default, interner),
        _ => ConvertScalar(value, default, interner),
    };

    /// <summary>A shadow that marks nothing here: absent, false, or empty.</summary>
    private static bool IsUnmarked(JsonElement shadow) => shadow.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.False or JsonValueKind.Null => true,
        JsonValueKind.Object => shadow.GetPropertyCount() == 0,
        JsonValueKind.Array => shadow.GetArrayLength() == 0,
        _ => false,
    };

    /// <summary>A value left out of <c>after</c> because it is (partly) unknown: its shape comes from the shadow.</summary>
    private static Value ConvertAbsent(JsonElement unknown, JsonElement sensitive, ValueInterner? interner) => unknown.ValueKind switch
    {
        JsonValueKind.Object => ConvertObject(default, unknown, NonEmptyObject(sensitive), interner),
        JsonValueKind.Array => ConvertArray(default, unknown, NonEmptyArray(sensitive), interner),
        _ => Value.Null,
    };

    private static Value ConvertObject(JsonElement o, JsonElement unknown, JsonElement sensitive, ValueInterner? interner)
    {
        var count = o.ValueKind == JsonValueKind.Object ? o.GetPropertyCount() : 0;
        var unknownCount = unknown.ValueKind == JsonValueKind.Object ? unknown.GetPropertyCount() : 0;
        if (count + unknownCount == 0) return Value.EmptyMap;
        // Names and values are gathered in pooled arrays (the unknown shadow mostly repeats names of the value, so
        // the count is not known before); the values are then copied into an exact-size array, which becomes the
        // map's own when it gets a shared shape. The names are only looked up in the shape table (which copies them
        // for a new shape).
        var names = System.Buffers.ArrayPool<string>.Shared.Rent(count + unknownCount);
        var gathered = System.Buffers.ArrayPool<Value>.Shared.Rent(count + unknownCount);
        var n = 0;
        var unknowns = new ShadowWalk(unknown);
        if (count > 0)
        {
            var sensitives = new ShadowWalk(sensitive);
            foreach (var p in o.EnumerateObject())
            {
                var name = Utf8Strings.Name(p);
                names[n] = name;
                var raw = JsonMarshal.GetRawUtf8PropertyName(p);
                gathered[n++] = Convert(p.Value, unknowns.Find(p, raw), sensitives.Find(p, raw), interner);
            }
        }
        if (unknownCount > 0)
        {
            // Attributes unknown at plan time are left out of "after" entirely. The walk above knows which
            // shadow entries it matched, unless it had to look names up.
            var matchesKnown = unknowns.MatchesKnown;
            var index = 0;
            foreach (var p in unknown.EnumerateObject())
            {
                var absent = matchesKnown ? !unknowns.Matched(index++) : count == 0 || !Contains(names, count, Utf8Strings.Name(p));
                if (absent)
                {
                    names[n] = Utf8Strings.Name(p);
                    gathered[n++] = Convert(default, p.Value, Shadow(sensitive, p, JsonMarshal.GetRawUtf8PropertyName(p)), interner);
                }
            }
        }
        var values = gathered.AsSpan(0, n).ToArray();
        System.Buffers.ArrayPool<Value>.Shared.Return(gathered, clearArray: true);
        // Maps of the same names (every table of a plan) share their names. A name written twice is refused
        // (RepeatedNameException): the shape table finds it at no cost, as a dictionary does without one.
        try
        {
            if (interner?.Shape(names.AsSpan(0, n)) is { } shape) return Value.Map(new ShapedMap(shape, values));
            var fields = new Dictionary<string, Value>(n, StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                if (!fields.TryAdd(names[i], values[i])) throw new RepeatedNameException(names[i]);
            }
            return Value.Map(fields);
        }
        finally
        {
            System.Buffers.ArrayPool<string>.Shared.Return(names, clearArray: true);
        }
    }

    private static bool Contains(string[] names, int upTo, string name)
    {
        for (var i = 0; i < upTo; i++)
        {
            if (ReferenceEquals(names[i], name) || string.Equals(names[i], name, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static Value ConvertArray(JsonElement a, JsonElement unknown, JsonElement sensitive, ValueInterner? interner)
    {
        // Walk the three arrays side by side: indexing a JsonElement array is not constant time.
        var length = Math.Max(a.ValueKind == JsonValueKind.Array ? a.GetArrayLength() : 0, unknown.ValueKind == JsonValueKind.Array ? unknown.GetArrayLength() : 0);
        if (length == 0) return Value.EmptyList;
        var items = new Value[length];
        var i = 0;
        var values = Items(a);
        var unknowns = Items(unknown);
        var sensitives = Items(sensitive);
        while (true)
        {
            var hasValue = values.MoveNext();
            var hasUnknown = unknowns.MoveNext();
            if (!hasValue && !hasUnknown) break;
            var s = sensitives.MoveNext() ? sensitives.Current : default;
            items[i++] = Convert(hasValue ? values.Current : default, hasUnknown ? unknowns.Current : default, s, interner);
        }
        return Value.List(items);
    }

    private static JsonElement.ArrayEnumerator Items(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : default;

    private static Value ConvertScalar(JsonElement v, JsonElement unknown, ValueInterner? interner) => v.ValueKind switch
    {
        JsonValueKind.True => Value.Bool(true),
        JsonValueKind.False => Value.Bool(false),
        JsonValueKind.String => Utf8Strings.StringValue(v),
        JsonValueKind.Number => Value.Number(NumberText(v)),
        _ => unknown.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? ConvertAbsent(unknown, default, interner) : Value.Null,
    };

    /// <summary>Integers as written; other numbers in their shortest round-trip form ("1.0" is "1").</summary>
    internal static string NumberText(JsonElement number)
    {
        var raw = JsonMarshal.GetRawUtf8Value(number);
        if (raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0)
        {
            // JSON integers have no sign but '-' and no leading zeros: the text is its own canonical form, except -0.
            if (raw.Length <= 18 && !(raw.Length == 2 && raw[0] == '-' && raw[1] == '0')) return Utf8Strings.Text(raw);
            return number.TryGetInt64(out var l) ? l.ToString(CultureInfo.InvariantCulture) : number.GetRawText();
        }
        return number.TryGetDouble(out var d) ? d.ToString("R", CultureInfo.InvariantCulture) : number.GetRawText();
    }

    /// <summary>The shadow's entry for property <paramref name="p"/>, looked up by its UTF-8 name as written (no transcoding per lookup).</summary>
    private static JsonElement Shadow(JsonElement shadow, JsonProperty p, ReadOnlySpan<byte> rawName)
    {
        if (shadow.ValueKind != JsonValueKind.Object) return default;
        // An escaped name must be compared unescaped: the rare slow path.
        if (rawName.IndexOf((byte)'\\') >= 0) return Property(shadow, p.Name);
        return shadow.TryGetProperty(rawName, out var v) ? v : default;
    }

    /// <summary>
    /// Finds the shadow entries of an object's properties visited in order. Terraform writes an object's
    /// attributes sorted by name, in the value and in its shadows alike, so one forward walk of the shadow
    /// finds them all (a lookup by name scans the shadow's properties every time). Whether the shadow is
    /// in strict order (and free of escaped names) is checked first; a shadow that is not, or a value
    /// property out of order, is looked up by name instead, so the answer never depends on the order.
    /// </summary>
    private ref struct ShadowWalk
    {
        private readonly JsonElement _shadow;
        private JsonElement.ObjectEnumerator _entries;
        private bool _hasEntry;
        private bool _inOrder;
        private bool _started;
        private ReadOnlySpan<byte> _previous;
        // Which shadow entries (by position, the first 64) a value property matched; _entry is the cursor's position.
        private ulong _matched;
        private int _entry;
        private readonly int _count;

        public ShadowWalk(JsonElement shadow)
        {
            _shadow = shadow;
            if (shadow.ValueKind != JsonValueKind.Object) return;
            _count = shadow.GetPropertyCount();
            _inOrder = InStrictOrder(shadow);
            if (!_inOrder) return;
            _entries = shadow.EnumerateObject();
            _hasEntry = _entries.MoveNext();
        }

        /// <summary>The shadow's entry for <paramref name="p"/> (written as <paramref name="rawName"/>), or default.</summary>
        public JsonElement Find(JsonProperty p, ReadOnlySpan<byte> rawName)
        {
            if (_shadow.ValueKind != JsonValueKind.Object) return default;
            if (_inOrder && rawName.IndexOf((byte)'\\') < 0 && (!_started || rawName.SequenceCompareTo(_previous) > 0))
            {
                _started = true;
                _previous = rawName;
                while (_hasEntry)
                {
                    var order = JsonMarshal.GetRawUtf8PropertyName(_entries.Current).SequenceCompareTo(rawName);
                    if (order > 0) return default;
                    var value = _entries.Current.Value;
                    if (order == 0 && _entry < 64) _matched |= 1UL << _entry;
                    _entry++;
                    _hasEntry = _entries.MoveNext();
                    if (order == 0) return value;
                }
                return default;
            }
            // Out of order from here on: every later property is looked up by name.
            _inOrder = false;
            return Shadow(_shadow, p, rawName);
        }

        /// <summary>Whether <see cref="Matched"/> answers for every entry: the walk stayed in order over a shadow of at most 64 entries.</summary>
        public readonly bool MatchesKnown => _inOrder && _count <= 64;

        /// <summary>Whether the shadow entry at <paramref name="position"/> matched a property of the value.</summary>
        public readonly bool Matched(int position) => (_matched >> position & 1) != 0;

        private static bool InStrictOrder(JsonElement shadow)
        {
            ReadOnlySpan<byte> previous = default;
            var first = true;
            foreach (var entry in shadow.EnumerateObject())
            {
                var name = JsonMarshal.GetRawUtf8PropertyName(entry);
                if (name.IndexOf((byte)'\\') >= 0 || (!first && name.SequenceCompareTo(previous) <= 0)) return false;
                previous = name;
                first = false;
            }
            return true;
        }
    }

    internal static JsonElement Property(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) ? v : default;

    /// <summary>A shadow that marks nothing (absent, empty, or of another shape) is left out: lookups in it cost time on every attribute.</summary>
    private static JsonElement NonEmptyObject(JsonElement e) => e.ValueKind == JsonValueKind.Object && e.GetPropertyCount() > 0 ? e : default;

    private static JsonElement NonEmptyArray(JsonElement e) => e.ValueKind == JsonValueKind.Array && e.GetArrayLength() > 0 ? e : default;
}
