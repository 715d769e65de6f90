using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Hcl.Values;
using SecureDynamo.Lint.Terraform.Evaluation;
using static SecureDynamo.Lint.Terraform.Functions.FunctionLibrary;

namespace SecureDynamo.Lint.Terraform.Functions;

/// <summary>Terraform's numeric functions.</summary>
internal static class NumericFunctions
{
    public static void Register(Dictionary<string, Func<IReadOnlyList<Value>, FunctionContext, Value>> f)
    {
        f["min"] = (a, _) => Extreme(a, -1);
        f["max"] = (a, _) => Extreme(a, 1);
        f["sum"] = (a, _) =>
        {
            Arity(a, 1);
            var total = HclNumber.FromInt(0);
            foreach (var v in ValueOps.ToItems(a[0])) total += ValueOps.ToNumber(v);
            return ValueOps.Number(total);
        };
        f["abs"] = (a, _) => { Arity(a, 1); var n = ValueOps.ToNumber(a[0]); return ValueOps.Number(n.Mantissa.Sign < 0 ? -n : n); };
        f["ceil"] = (a, _) => { Arity(a, 1); return Value.Number(Math.Ceiling(AsDouble(a[0]))); };
        f["floor"] = (a, _) => { Arity(a, 1); return Value.Number(Math.Floor(AsDouble(a[0]))); };
        f["signum"] = (a, _) => { Arity(a, 1); return ValueOps.Number(ValueOps.ToNumber(a[0]).Mantissa.Sign); };
        f["pow"] = (a, _) => { Arity(a, 2); return Value.Number(Math.Pow(AsDouble(a[0]), AsDouble(a[1]))); };
        f["log"] = (a, _) => { Arity(a, 2); return Value.Number(Math.Log(AsDouble(a[0]), AsDouble(a[1]))); };
        f["parseint"] = (a, _) =>
        {
            Arity(a, 2);
            var s = ValueOps.ToText(a[0]);
            var radix = ValueOps.ToInt(a[1]);
            if (radix < 2 || radix > 62) throw new EvaluationError("base must be between 2 and 62");
            var negative = s.StartsWith('-');
            var digits = negative || s.StartsWith('+') ? s[1..] : s;
            if (digits.Length == 0) throw new EvaluationError($"cannot parse \"{s}\" as a base {radix} integer");
            var result = System.Numerics.BigInteger.Zero;
            foreach (var c in digits)
            {
                var d = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetterLower(c) ? c - 'a' + 10 : char.IsAsciiLetterUpper(c) ? (radix <= 36 ? c - 'A' + 10 : c - 'A' + 36) : 99;
                if (d >= radix) throw new EvaluationError($"cannot parse \"{s}\" as a base {radix} integer");
                result = result * radix + d;
            }
            return ValueOps.Number(new HclNumber(negative ? -result : result, 0));
        };
    }

    private static double AsDouble(Value v) => double.Parse(ValueOps.ToNumber(v).ToString(), System.Globalization.CultureInfo.InvariantCulture);

    private static Value Extreme(IReadOnlyList<Value> a, int sign)
    {
        if (a.Count == 0) throw new EvaluationError("takes at least one number");
        var best = ValueOps.ToNumber(a[0]);
        foreach (var v in a.Skip(1))
        {
            var n = ValueOps.ToNumber(v);
            if (n.CompareTo(best) * sign > 0) best = n;
        }
        return ValueOps.Number(best);
    }
}
