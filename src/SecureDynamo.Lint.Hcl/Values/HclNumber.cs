using System.Globalization;
using System.Numerics;

namespace SecureDynamo.Lint.Hcl.Values;

/// <summary>
/// An exact decimal number: <c>Mantissa × 10^Exponent</c>. HCL numbers are arbitrary precision
/// (1e400 and 30-digit integers are valid), so neither double nor decimal will do.
/// </summary>
public readonly record struct HclNumber(BigInteger Mantissa, int Exponent) : IComparable<HclNumber>
{
    /// <summary>Digits kept for inexact divisions.</summary>
    private const int DivisionDigits = 40;

    public static HclNumber FromInt(long value) => new(value, 0);

    /// <summary>Parses HCL number syntax (digits, optional fraction, optional exponent).</summary>
    public static bool TryParse(string text, out HclNumber number)
    {
        number = default;
        var s = text.Trim();
        var negative = false;
        if (s.StartsWith('-'))
        {
            negative = true;
            s = s[1..];
        }
        var exponent = 0;
        var e = s.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            if (!int.TryParse(s[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                return false;
            }
            s = s[..e];
        }
        var dot = s.IndexOf('.');
        if (dot >= 0)
        {
            exponent -= s.Length - dot - 1;
            s = s.Remove(dot, 1);
        }
        if (s.Length == 0 || !s.All(char.IsAsciiDigit))
        {
            return false;
        }
        var mantissa = BigInteger.Parse(s, CultureInfo.InvariantCulture);
        number = new HclNumber(negative ? -mantissa : mantissa, exponent).Normalize();
        return true;
    }

    public HclNumber Normalize()
    {
        if (Mantissa.IsZero)
        {
            return new HclNumber(BigInteger.Zero, 0);
        }
        var m = Mantissa;
        var e = Exponent;
        while (BigInteger.Remainder(m, 10).IsZero)
        {
            m /= 10;
            e++;
        }
        return new HclNumber(m, e);
    }

    public bool IsInteger => Normalize().Exponent >= 0;

    public static HclNumber operator -(HclNumber a) => new(-a.Mantissa, a.Exponent);

    public static HclNumber operator +(HclNumber a, HclNumber b)
    {
        var (x, y, e) = Align(a, b);
        return new HclNumber(x + y, e).Normalize();
    }

    public static HclNumber operator -(HclNumber a, HclNumber b) => a + -b;

    public static HclNumber operator *(HclNumber a, HclNumber b) =>
        new HclNumber(a.Mantissa * b.Mantissa, a.Exponent + b.Exponent).Normalize();

    /// <summary>Divides, exact when the quotient terminates within <see cref="DivisionDigits"/> digits.</summary>
    public static HclNumber Divide(HclNumber a, HclNumber b)
    {
        var scale = DivisionDigits + (int)BigInteger.Log10(BigInteger.Abs(b.Mantissa) + 1);
        var numerator = a.Mantissa * BigInteger.Pow(10, scale);
        return new HclNumber(numerator / b.Mantissa, a.Exponent - b.Exponent - scale).Normalize();
    }

    /// <summary>Remainder with the sign of the dividend (like Go's big.Float based cty modulo for integers).</summary>
    public static HclNumber Modulo(HclNumber a, HclNumber b)
    {
        var (x, y, e) = Align(a, b);
        return new HclNumber(BigInteger.Remainder(x, y), e).Normalize();
    }

    public int CompareTo(HclNumber other)
    {
        var (x, y, _) = Align(this, other);
        return x.CompareTo(y);
    }

    private static (BigInteger, BigInteger, int) Align(HclNumber a, HclNumber b)
    {
        var e = Math.Min(a.Exponent, b.Exponent);
        var x = a.Mantissa * BigInteger.Pow(10, a.Exponent - e);
        var y = b.Mantissa * BigInteger.Pow(10, b.Exponent - e);
        return (x, y, e);
    }

    /// <summary>Plain decimal notation without exponent, e.g. <c>0.0025</c>, <c>1000</c>.</summary>
    public override string ToString()
    {
        var n = Normalize();
        var negative = n.Mantissa.Sign < 0;
        var digits = BigInteger.Abs(n.Mantissa).ToString(CultureInfo.InvariantCulture);
        string text;
        if (n.Exponent >= 0)
        {
            text = digits + new string('0', n.Exponent);
        }
        else
        {
            var point = digits.Length + n.Exponent;
            text = point > 0
                ? digits[..point] + "." + digits[point..]
                : "0." + new string('0', -point) + digits;
        }
        return negative ? "-" + text : text;
    }
}
