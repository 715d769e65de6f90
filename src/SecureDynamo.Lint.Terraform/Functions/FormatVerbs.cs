using System.Globalization;
using System.Text;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Terraform.Evaluation;

namespace SecureDynamo.Lint.Terraform.Functions;

/// <summary>Terraform's <c>format</c> verbs: <c>%s %d %f %t %v %q %#v %%</c> with flags, width and precision.</summary>
internal static class FormatVerbs
{
    /// <summary>
    /// For <c>format</c> called with a known format and some arguments known only after apply (each wholly unknown, used by
    /// a plain <c>%s</c> or <c>%v</c>): the text with <see cref="Core.Values.Expression.UnknownMarker"/> for each such
    /// argument and the references of each marker (<see cref="Core.Values.Expression.Skeleton"/>). Null when no argument is
    /// unknown, or when the format pads, cuts or converts one (the text it makes cannot be told then).
    /// </summary>
    public static (string Text, IReadOnlyList<IReadOnlyList<string>> References)? Skeleton(IReadOnlyList<Value> values)
    {
        if (values.Count < 2 || values[0] is not { Kind: ValueKind.String } format) return null;
        var text = format.AsString()!;
        var anyUnknown = false;
        var args = new List<Value>(values.Count - 1);
        for (var i = 1; i < values.Count; i++)
        {
            var v = values[i];
            if (v.IsUnknown)
            {
                anyUnknown = true;
                args.Add(Value.String(Sentinel + (i - 1).ToString(CultureInfo.InvariantCulture) + SentinelEnd));
            }
            else if (v.ContainsUnknown()) return null;
            else args.Add(v);
        }
        if (!anyUnknown) return null;
        // Plain verbs only: flags, widths, precisions and explicit indexes would pad, cut or reorder the unknown text.
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%') continue;
            if (++i >= text.Length || "%svdft".IndexOf(text[i]) < 0) return null;
        }
        string made;
        // An unknown argument under a verb that converts it (%d, %t) cannot be formatted: no skeleton then.
        try { made = Format(text, args); }
        catch (Exception e) when (e is EvaluationError or FormatException or InvalidCastException or OverflowException or ArgumentException) { return null; }
        var sb = new StringBuilder(made.Length);
        var references = new List<IReadOnlyList<string>>();
        for (var i = 0; i < made.Length; i++)
        {
            if (made[i] != Sentinel[0])
            {
                sb.Append(made[i]);
                continue;
            }
            var end = made.IndexOf(SentinelEnd, i, StringComparison.Ordinal);
            // An unknown argument used by %v/%s is written as it is; any other verb changed it: no skeleton.
            if (end < 0 || !int.TryParse(made.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)) return null;
            sb.Append(Core.Values.Expression.UnknownMarker);
            references.Add(values[index + 1].Expression?.References ?? []);
            i = end;
        }
        return references.Count == 0 ? null : (sb.ToString(), references);
    }

    // Private-use characters standing for an unknown argument while the format is applied.
    private const string Sentinel = "\uE003";
    private const string SentinelEnd = "\uE004";

    public static string Format(string format, IReadOnlyList<Value> args)
    {
        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%')
            {
                sb.Append(c);
                continue;
            }
            if (++i >= format.Length) throw new EvaluationError("format string ends with %");
            if (format[i] == '%')
            {
                sb.Append('%');
                continue;
            }
            var flags = new StringBuilder();
            while (i < format.Length && "+- #0".Contains(format[i])) flags.Append(format[i++]);
            var explicitIndex = -1;
            if (i < format.Length && format[i] == '[')
            {
                var close = format.IndexOf(']', i);
                explicitIndex = int.Parse(format[(i + 1)..close], CultureInfo.InvariantCulture) - 1;
                i = close + 1;
            }
            var width = ReadInt(format, ref i);
            int? precision = null;
            if (i < format.Length && format[i] == '.')
            {
                i++;
                precision = ReadInt(format, ref i) ?? 0;
            }
            if (i >= format.Length) throw new EvaluationError("format string ends in the middle of a verb");
            var verb = format[i];
            if (explicitIndex >= 0) next = explicitIndex;
            if (next >= args.Count) throw new EvaluationError($"not enough arguments for format verb %{verb}");
            var text = Render(verb, flags.ToString(), precision, args[next++]);
            if (width is { } w && text.Length < w)
            {
                text = flags.ToString().Contains('-') ? text.PadRight(w) : text.PadLeft(w, flags.ToString().Contains('0') && verb is 'd' or 'f' ? '0' : ' ');
            }
            sb.Append(text);
        }
        return sb.ToString();
    }

    /// <summary>The largest width or precision taken: a module's <c>%.999999999f</c> must not cost gigabytes here.</summary>
    internal const int MaxWidth = 100_000;

    private static int? ReadInt(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        if (i == start) return null;
        if (i - start > 9 || int.Parse(s[start..i], CultureInfo.InvariantCulture) is var n && n > MaxWidth)
        {
            throw new EvaluationError($"a width or precision of {s[start..i]} is more than this tool renders ({MaxWidth})");
        }
        return n;
    }

    private static string Render(char verb, string flags, int? precision, Value v)
    {
        switch (verb)
        {
            case 's':
                var s = ValueOps.ToText(v);
                return precision is { } p && p < s.Length ? s[..p] : s;
            case 'd':
                var n = ValueOps.ToNumber(v);
                if (!n.IsInteger) throw new EvaluationError($"%d requires a whole number, got {n}");
                var d = n.ToString();
                return flags.Contains('+') && !d.StartsWith('-') ? "+" + d : d;
            case 'f':
            case 'e':
            case 'g':
                var x = double.Parse(ValueOps.ToNumber(v).ToString(), CultureInfo.InvariantCulture);
                return verb switch
                {
                    'f' => x.ToString("F" + (precision ?? 6), CultureInfo.InvariantCulture),
                    'e' => x.ToString((precision is null ? "0.000000" : "0." + new string('0', precision.Value)) + "e+00", CultureInfo.InvariantCulture),
                    _ => x.ToString("G", CultureInfo.InvariantCulture),
                };
            case 't':
                return ValueOps.ToBool(v) ? "true" : "false";
            case 'q':
                return Json.Encode(Value.String(ValueOps.ToText(v)));
            case 'v':
                if (flags.Contains('#')) return Json.Encode(v);
                return v.Kind is ValueKind.String or ValueKind.Number or ValueKind.Bool ? v.AsString()! : Json.Encode(v);
            default:
                throw new EvaluationError($"unsupported format verb %{verb}");
        }
    }
}
