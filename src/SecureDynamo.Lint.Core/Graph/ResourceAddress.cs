using System.Globalization;
using System.Text;

namespace SecureDynamo.Lint.Core.Graph;

/// <summary>
/// A resource instance address, e.g. <c>module.store["orders"].aws_dynamodb_table.this[0]</c>.
/// <see cref="ModulePath"/> is the configuration path with instance keys stripped
/// (<c>module.store</c>), which is how module instances map to <c>module_calls</c>.
/// </summary>
/// <remarks>
/// Immutable, compared by its five parts. The derived strings (module path, configuration
/// address, full address) are worked out once: policies and reports ask for them per result.
/// </remarks>
public sealed class ResourceAddress : IEquatable<ResourceAddress>
{
    private string? _text;
    // 0 until first asked for (a real hash of 0 is only worked out again).
    private int _hash;

    public ResourceAddress(string module, ResourceMode mode, string type, string name, string? key)
        : this(module, mode, type, name, key, StripInstanceKeys(module), ConfigAddressOf(mode, type, name))
    {
    }

    /// <summary>
    /// For readers that build many addresses and share their derived strings: <paramref name="modulePath"/>
    /// must be <see cref="StripInstanceKeys(string)"/> of <paramref name="module"/> and
    /// <paramref name="configAddress"/> <see cref="ConfigAddressOf"/> of the mode, type and name.
    /// </summary>
    public ResourceAddress(string module, ResourceMode mode, string type, string name, string? key, string modulePath, string configAddress)
    {
        Module = module;
        Mode = mode;
        Type = type;
        Name = name;
        Key = key;
        ModulePath = modulePath;
        ConfigAddress = configAddress;
    }

    /// <summary>The module instance path with keys: <c>module.store["orders"]</c>; "" for the root module.</summary>
    public string Module { get; }

    public ResourceMode Mode { get; }

    public string Type { get; }

    public string Name { get; }

    /// <summary>The instance key as Terraform prints it (<c>[0]</c>, <c>["k"]</c>), or null.</summary>
    public string? Key { get; }

    /// <summary>The module instance path with keys removed; "" for the root module.</summary>
    public string ModulePath { get; }

    /// <summary>The address inside its module, without instance key: <c>aws_kms_key.k</c>, <c>data.aws_iam_policy_document.d</c>.</summary>
    public string ConfigAddress { get; }

    /// <summary>The full instance address, as Terraform prints it.</summary>
    public override string ToString() => _text ??= Render();

    private string Render()
    {
        var length = (Module.Length > 0 ? Module.Length + 1 : 0) + ConfigAddress.Length + (Key?.Length ?? 0);
        return string.Create(length, this, static (text, a) =>
        {
            var n = 0;
            if (a.Module.Length > 0)
            {
                a.Module.CopyTo(text);
                text[a.Module.Length] = '.';
                n = a.Module.Length + 1;
            }
            a.ConfigAddress.CopyTo(text[n..]);
            n += a.ConfigAddress.Length;
            a.Key?.CopyTo(text[n..]);
        });
    }

    public bool Equals(ResourceAddress? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (Mode == other.Mode && string.Equals(Name, other.Name, StringComparison.Ordinal) && string.Equals(Type, other.Type, StringComparison.Ordinal) &&
             string.Equals(Key, other.Key, StringComparison.Ordinal) && string.Equals(Module, other.Module, StringComparison.Ordinal)));

    public override bool Equals(object? obj) => obj is ResourceAddress other && Equals(other);

    /// <summary>Worked out once: addresses are looked up in sets and indexes many times.</summary>
    public override int GetHashCode()
    {
        var hash = _hash;
        if (hash == 0) _hash = hash = HashCode.Combine(Module, Mode, Type, Name, Key);
        return hash;
    }

    /// <summary>The address of a resource block inside its module: <c>aws_kms_key.k</c>, <c>data.aws_iam_policy_document.d</c>.</summary>
    public static string ConfigAddressOf(ResourceMode mode, string type, string name) =>
        mode == ResourceMode.Data ? $"data.{type}.{name}" : $"{type}.{name}";

    public static bool operator ==(ResourceAddress? a, ResourceAddress? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(ResourceAddress? a, ResourceAddress? b) => !(a == b);

    /// <summary>Renders an instance key as Terraform does: <c>[0]</c> or <c>["k"]</c>.</summary>
    public static string FormatKey(object key) => key switch
    {
        int or long => $"[{key}]",
        double d => $"[{(long)d}]",
        string s => "[" + QuotedKey(s) + "]",
        _ => $"[{key}]",
    };

    /// <summary>
    /// A string key quoted as Terraform writes it in addresses (its <c>toHCLQuotedString</c>): <c>\n</c>, <c>\r</c>,
    /// <c>\t</c>, <c>\"</c> and <c>\\</c> escaped, <c>${</c> and <c>%{</c> doubled, other characters that are not
    /// printable written as <c>\uXXXX</c> (<c>\UXXXXXXXX</c> beyond the BMP).
    /// </summary>
    private static string QuotedKey(string key)
    {
        var plain = true;
        foreach (var c in key)
        {
            if (c is '\\' or '"' or '$' or '%' || !IsPrintable(c)) { plain = false; break; }
        }
        if (plain) return "\"" + key + "\"";
        var sb = new StringBuilder(key.Length + 8).Append('"');
        for (var i = 0; i < key.Length;)
        {
            var rune = Rune.GetRuneAt(key, i);
            var next = i + rune.Utf16SequenceLength;
            switch (rune.Value)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '$' or '%':
                    sb.Append((char)rune.Value);
                    if (next < key.Length && key[next] == '{') sb.Append((char)rune.Value);
                    break;
                default:
                    if (IsPrintable(rune)) sb.Append(key, i, next - i);
                    else if (rune.Value < 0x10000) sb.Append("\\u").Append(rune.Value.ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append("\\U").Append(rune.Value.ToString("x8", CultureInfo.InvariantCulture));
                    break;
            }
            i = next;
        }
        return sb.Append('"').ToString();
    }

    /// <summary>Go's <c>unicode.IsPrint</c>: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    private static bool IsPrintable(Rune r) => r.Value == ' ' || Rune.GetUnicodeCategory(r) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
            or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol => true,
        _ => false,
    };

    /// <summary>A printable character of the Basic Multilingual Plane (a surrogate is looked at as part of its pair).</summary>
    private static bool IsPrintable(char c) => !char.IsSurrogate(c) && IsPrintable(new Rune(c));

    /// <summary>
    /// Removes instance keys from a module instance path: <c>module.a["x.y"].module.b[0]</c> → <c>module.a.module.b</c>.
    /// Keys may contain dots, brackets and escaped quotes.
    /// </summary>
    public static string StripInstanceKeys(string moduleInstance)
    {
        if (moduleInstance.IndexOf('[') < 0) return moduleInstance;
        var buffer = moduleInstance.Length <= 256 ? stackalloc char[moduleInstance.Length] : new char[moduleInstance.Length];
        return new string(buffer[..StripInstanceKeys(moduleInstance, buffer)]);
    }

    /// <summary>
    /// As <see cref="StripInstanceKeys(string)"/>, written into <paramref name="destination"/> (at least as
    /// long as the input); returns the length written.
    /// </summary>
    public static int StripInstanceKeys(ReadOnlySpan<char> moduleInstance, Span<char> destination)
    {
        var n = 0;
        var i = 0;
        while (i < moduleInstance.Length)
        {
            var c = moduleInstance[i];
            if (c == '[')
            {
                i = SkipKey(moduleInstance, i);
                continue;
            }
            destination[n++] = c;
            i++;
        }
        return n;
    }

    /// <summary>
    /// The module instance that calls <paramref name="moduleInstance"/> (<c>module.a["x"]</c> for
    /// <c>module.a["x"].module.b[0]</c>, "" for <c>module.a</c>), or null for the root module ("").
    /// </summary>
    public static string? ParentModuleInstance(string moduleInstance)
    {
        if (moduleInstance.Length == 0) return null;
        // The last ".module." that is not inside an instance key starts the innermost call.
        var last = 0;
        var i = 0;
        while (i < moduleInstance.Length)
        {
            if (moduleInstance[i] == '[')
            {
                i = SkipKey(moduleInstance, i);
                continue;
            }
            if (moduleInstance[i] == '.' && string.CompareOrdinal(moduleInstance, i, ".module.", 0, 8) == 0) last = i;
            i++;
        }
        return moduleInstance[..last];
    }

    /// <summary>Parses a full instance address (as in a plan's <c>address</c> field).</summary>
    public static ResourceAddress Parse(string address)
    {
        // Split into dot-separated steps, keeping bracketed keys (which may contain dots) attached.
        var steps = new List<string>();
        var sb = new StringBuilder();
        for (var i = 0; i < address.Length;)
        {
            var c = address[i];
            if (c == '[')
            {
                var end = SkipKey(address, i);
                sb.Append(address, i, end - i);
                i = end;
                continue;
            }
            if (c == '.')
            {
                steps.Add(sb.ToString());
                sb.Clear();
                i++;
                continue;
            }
            sb.Append(c);
            i++;
        }
        steps.Add(sb.ToString());

        var module = new StringBuilder();
        var s = 0;
        while (s + 1 < steps.Count && steps[s] == "module")
        {
            if (module.Length > 0) module.Append('.');
            module.Append("module.").Append(steps[s + 1]);
            s += 2;
        }
        var mode = ResourceMode.Managed;
        if (s < steps.Count && steps[s] == "data")
        {
            mode = ResourceMode.Data;
            s++;
        }
        if (s + 2 != steps.Count) throw new FormatException($"not a resource address: {address}");
        var type = steps[s];
        var nameAndKey = steps[s + 1];
        var bracket = nameAndKey.IndexOf('[');
        var name = bracket < 0 ? nameAndKey : nameAndKey[..bracket];
        var key = bracket < 0 ? null : nameAndKey[bracket..];
        return new ResourceAddress(module.ToString(), mode, type, name, key);
    }

    private static int SkipKey(ReadOnlySpan<char> s, int open)
    {
        var i = open + 1;
        if (i < s.Length && s[i] == '"')
        {
            i++;
            while (i < s.Length && s[i] != '"')
            {
                if (s[i] == '\\') i++;
                i++;
            }
            i++;
        }
        while (i < s.Length && s[i] != ']') i++;
        return Math.Min(i + 1, s.Length);
    }
}
