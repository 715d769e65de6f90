using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace SecureDynamo.Lint.Plan.Json;

/// <summary>
/// The properties of one JSON object, found by name in a single pass over it: a lookup by name
/// (<see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>) scans the object's properties
/// every time, and a resource change entry is asked for a dozen of them. Escaped names are compared
/// unescaped. A name asked for that is written twice is told by <see cref="Repeated"/>: which of its
/// values counts is a guess (Terraform never writes one twice), so readers refuse the object.
/// </summary>
internal struct Members
{
    /// <summary>The most names one object can be asked for.</summary>
    public const int Capacity = 12;

    // Kept inline (no array per object): entries are read by the tens of thousands.
    private Slots _found;

    /// <summary>The properties of <paramref name="o"/> (none when it is not an object) named in <paramref name="utf8Names"/> (see <see cref="Utf8"/>).</summary>
    public static Members Of(JsonElement o, byte[][] utf8Names)
    {
        var members = new Members();
        if (o.ValueKind != JsonValueKind.Object) return members;
        foreach (var p in o.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(p);
            if (raw.IndexOf((byte)'\\') >= 0) raw = Encoding.UTF8.GetBytes(p.Name);
            for (var i = 0; i < utf8Names.Length; i++)
            {
                if (raw.SequenceEqual(utf8Names[i]))
                {
                    if (members._found[i].ValueKind != JsonValueKind.Undefined) members.Repeated ??= p.Name;
                    members._found[i] = p.Value;
                    break;
                }
            }
        }
        return members;
    }

    /// <summary>The first name asked for that the object writes more than once, or null.</summary>
    public string? Repeated { get; private set; }

    /// <summary>The value of the <paramref name="index"/>th name asked for, or default when absent.</summary>
    public readonly JsonElement this[int index] => _found[index];

    /// <summary>The names to ask for, as UTF-8 (made once).</summary>
    public static byte[][] Utf8(params string[] names)
    {
        if (names.Length > Capacity) throw new ArgumentException($"at most {Capacity} names", nameof(names));
        var utf8 = new byte[names.Length][];
        for (var i = 0; i < names.Length; i++) utf8[i] = Encoding.UTF8.GetBytes(names[i]);
        return utf8;
    }

    [System.Runtime.CompilerServices.InlineArray(Capacity)]
    private struct Slots
    {
        private JsonElement _first;
    }
}
