using System.Globalization;
using System.Text;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Terraform.Evaluation;

namespace SecureDynamo.Lint.Terraform.Functions;

/// <summary>Terraform's <c>format</c> verbs: <c>%s %d %f %t %v %q %#v %%</c> with flags, width and precision.</summary>
internal static class FormatVerbs
{
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
