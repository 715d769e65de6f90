using System.Text.Json;

namespace SecureDynamo.Lint.Plan.Json;

/// <summary>
/// The identifying strings of a resource entry (<c>mode</c>, <c>type</c>, <c>name</c>,
/// <c>address</c>, provider keys), read from its raw bytes without building it, so entries of
/// types no policy reads are counted and dropped cheaply. Terraform writes these before the
/// bulky <c>change</c>/<c>values</c>; reading stops once they are found, but any order works.
/// </summary>
/// <remarks>
/// The address is kept as where its JSON string lies in the entry (<see cref="AddressIn"/> reads it):
/// most entries are told apart by type alone, and an address string per entry is the costliest part.
/// </remarks>
internal readonly record struct EntryHeader(string Mode, string? Type, string? Name, Range? AddressToken, string? ProviderConfigKey)
{
    /// <summary>
    /// What is wrong with the identifying members, if anything: one of them is not a string (or
    /// <c>index</c> neither a number nor a string). Such an entry cannot be told apart reliably, and
    /// skipping it as "not a type any policy reads" would pass what was never read.
    /// </summary>
    public string? Problem { get; init; }

    public bool IsData => Mode == "data";

    /// <summary>
    /// This header, with a <see cref="Problem"/> when it has no <c>type</c>: a resource (change) of no type
    /// cannot be told apart from one no policy reads, and dropping it would pass what was never read.
    /// </summary>
    public EntryHeader RequiringType() =>
        Problem is null && Type is null ? this with { Problem = "\"type\" is missing or null; Terraform writes the type of every resource" } : this;

    /// <summary>
    /// <see cref="Problem"/> as a message naming the entry read from <paramref name="entry"/>:
    /// "<paramref name="kind"/> aws_x.y: ...", or "a <paramref name="kind"/>: ..." without a readable address.
    /// </summary>
    public string ProblemMessage(ReadOnlySpan<byte> entry, string kind) => ProblemMessage(entry, kind, Problem);

    /// <summary>As <see cref="ProblemMessage(ReadOnlySpan{byte}, string)"/>, for another <paramref name="problem"/> of the same entry.</summary>
    public string ProblemMessage(ReadOnlySpan<byte> entry, string kind, string? problem) =>
        (AddressIn(entry) is { } address ? $"{kind} {JsonProblems.Shown(address)}" : $"a {kind}") + ": " + problem;

    /// <summary>
    /// A 64-bit hash of the entry's <c>address</c> (of its text, escapes resolved), or null when it has none: to count
    /// distinct addresses without a string per entry (two different addresses share a hash with odds of about 1 in 10^19 per pair).
    /// </summary>
    public ulong? AddressHashIn(ReadOnlySpan<byte> entry)
    {
        if (AddressToken is not { } token) return null;
        var raw = entry[token];
        // The token's quotes aside; an escaped address is hashed as its text.
        return raw.IndexOf((byte)'\\') < 0 ? Utf8Strings.Hash64(raw[1..^1]) : Utf8Strings.Hash64(System.Text.Encoding.UTF8.GetBytes(AddressIn(entry)!));
    }

    /// <summary>The entry's <c>address</c>, or null when it has none; <paramref name="entry"/> is the entry the header was read from.</summary>
    public string? AddressIn(ReadOnlySpan<byte> entry)
    {
        if (AddressToken is not { } token) return null;
        var reader = new Utf8JsonReader(entry[token]);
        reader.Read();
        return reader.GetString();
    }

    /// <summary>
    /// Reads the header of the object in <paramref name="entry"/>: complete JSON, or an entry found by its
    /// structure alone, whose tokens are checked as far as they are read (a <see cref="JsonException"/> says they are not JSON);
    /// objects and arrays are passed by their structure alone, so such an entry must still be checked whole.
    /// </summary>
    public static EntryHeader Read(ReadOnlySpan<byte> entry, bool wantProviderKey)
    {
        var reader = new Utf8JsonReader(entry, HeaderOptions);
        // Where the reader's span starts in the entry: it starts again after each object or array skipped by its structure.
        var offset = 0;
        string? mode = null, type = null, name = null, providerKey = null;
        Range? address = null;
        string? problem = null;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isIndex = reader.ValueTextEquals("index"u8);
            var field = Field(ref reader);
            reader.Read();
            if (isIndex && reader.TokenType is not (JsonTokenType.Number or JsonTokenType.String or JsonTokenType.Null))
            {
                problem ??= $"\"index\" must be a number or a string, found {JsonProblems.Describe(reader.TokenType)}";
            }
            if (field is not null && reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
            {
                problem ??= $"\"{field}\" must be a string, found {JsonProblems.Describe(reader.TokenType)}";
            }
            if (field is null || reader.TokenType != JsonTokenType.String)
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    // The bulky members (change, values) are passed by their structure, not token by token: Terraform
                    // writes "change" before "mode", "name" and "type", and tokenizing it here would read every entry
                    // twice on the reading thread. Every entry's grammar is checked where it is built or checked.
                    var isObject = reader.TokenType == JsonTokenType.StartObject;
                    var from = offset + (int)reader.BytesConsumed;
                    var scan = new StructureScanner.State { Depth = 1 };
                    var end = StructureScanner.FindEnd(entry[from..], ref scan);
                    if (end < 0) throw new JsonException("a value of the entry does not end");
                    offset = from + end + 1;
                    reader = new Utf8JsonReader(entry[offset..], isFinalBlock: true, isObject ? AfterObjectMember : AfterArrayMember);
                    continue;
                }
                reader.Skip();
                continue;
            }
            if (field == Fields.Address)
            {
                var start = offset + (int)reader.TokenStartIndex;
                address = start..(offset + (int)reader.BytesConsumed);
            }
            else
            {
                // Modes, types and names repeat across thousands of entries: shared strings, not one per entry.
                var text = reader.ValueIsEscaped ? reader.GetString() : Utf8Strings.Text(reader.ValueSpan);
                switch (field)
                {
                    case Fields.Mode: mode = text; break;
                    case Fields.Type: type = text; break;
                    case Fields.Name: name = text; break;
                    case Fields.ProviderConfigKey: providerKey = text; break;
                }
            }
            if (mode is not null && type is not null && name is not null && address is not null && (!wantProviderKey || providerKey is not null)) break;
        }
        return new EntryHeader(mode ?? "managed", type, name, address, providerKey) { Problem = problem };
    }

    private static readonly JsonReaderOptions HeaderOptions = new() { MaxDepth = JsonTokenStream.MaxDepth };

    /// <summary>The reader's state just after a member's object (or array) value in an entry: where <see cref="Read"/> goes on after skipping one.</summary>
    private static readonly JsonReaderState AfterObjectMember = StateAfter("{}"), AfterArrayMember = StateAfter("[]");

    private static JsonReaderState StateAfter(string value)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes("{\"x\":" + value), false, new JsonReaderState(HeaderOptions));
        while (reader.Read()) { }
        return reader.CurrentState;
    }

    private static readonly JsonReaderOptions ItemOptions = new() { MaxDepth = JsonTokenStream.ItemMaxDepth, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>The members that say which resource an entry is, and whether it is read at all.</summary>
    private static readonly byte[][] Identifying = Members.Utf8("address", "mode", "type", "name", "index", "module_address", "deposed", "deposed_key", "provider_name", "provider_config_key");

    /// <summary>
    /// The first identifying member (<c>type</c>, <c>mode</c>, <c>address</c>, ...) that the entry in
    /// <paramref name="entry"/> writes twice, or null. <see cref="Read"/> stops at the first of each, so an
    /// entry of a type no policy reads would otherwise be dropped on its first <c>type</c> while a reader
    /// taking the last one sees a table. Reads every token of the entry: a <see cref="JsonException"/> says
    /// it is not exactly one JSON object.
    /// </summary>
    public static string? RepeatedMember(ReadOnlySpan<byte> entry)
    {
        var reader = new Utf8JsonReader(entry, ItemOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("not an object");
        var seen = 0;
        string? repeated = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            for (var i = 0; i < Identifying.Length; i++)
            {
                if (!reader.ValueTextEquals(Identifying[i])) continue;
                if ((seen & 1 << i) != 0) repeated ??= reader.GetString();
                seen |= 1 << i;
                break;
            }
            reader.Read();
            reader.Skip();
        }
        // Nothing may follow the object (the reader refuses any content after it).
        if (reader.Read()) throw new JsonException("more than one value");
        return repeated;
    }

    private static string? Field(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("mode"u8)) return Fields.Mode;
        if (reader.ValueTextEquals("type"u8)) return Fields.Type;
        if (reader.ValueTextEquals("name"u8)) return Fields.Name;
        if (reader.ValueTextEquals("address"u8)) return Fields.Address;
        if (reader.ValueTextEquals("provider_config_key"u8)) return Fields.ProviderConfigKey;
        return null;
    }

    private static class Fields
    {
        public const string Mode = "mode";
        public const string Type = "type";
        public const string Name = "name";
        public const string Address = "address";
        public const string ProviderConfigKey = "provider_config_key";
    }
}
