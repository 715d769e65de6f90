using System.Text.Json;

namespace SecureDynamo.Lint.Plan.Json;

/// <summary>
/// The identifying strings of a resource entry (<c>mode</c>, <c>type</c>, <c>name</c>,
/// <c>address</c>, provider keys), read from its raw bytes without building it, so entries of
/// types no policy reads are counted and dropped cheaply. Terraform writes these before the
/// bulky <c>change</c>/<c>values</c>; reading stops once they are found, but any order works.
/// </summary>
internal readonly record struct EntryHeader(string Mode, string? Type, string? Name, string? Address, string? ProviderConfigKey)
{
    public bool IsData => Mode == "data";

    /// <summary>Reads the header of the object in <paramref name="entry"/> (complete, already validated JSON).</summary>
    /// <param name="wantAddress">False to leave <see cref="Address"/> null: most entries are told apart by type alone.</param>
    public static EntryHeader Read(ReadOnlySpan<byte> entry, bool wantProviderKey, bool wantAddress = true)
    {
        var reader = new Utf8JsonReader(entry, new JsonReaderOptions { MaxDepth = JsonTokenStream.MaxDepth });
        string? mode = null, type = null, name = null, address = null, providerKey = null;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Field(ref reader);
            reader.Read();
            if (field is null || reader.TokenType != JsonTokenType.String || (field == Fields.Address && !wantAddress))
            {
                reader.Skip();
                continue;
            }
            // Modes, types and names repeat across thousands of entries: shared strings, not one per entry.
            var text = field != Fields.Address && !reader.ValueIsEscaped ? Utf8Strings.Text(reader.ValueSpan) : reader.GetString();
            switch (field)
            {
                case Fields.Mode: mode = text; break;
                case Fields.Type: type = text; break;
                case Fields.Name: name = text; break;
                case Fields.Address: address = text; break;
                case Fields.ProviderConfigKey: providerKey = text; break;
            }
            if (mode is not null && type is not null && name is not null && (address is not null || !wantAddress) && (!wantProviderKey || providerKey is not null)) break;
        }
        return new EntryHeader(mode ?? "managed", type, name, address, providerKey);
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
