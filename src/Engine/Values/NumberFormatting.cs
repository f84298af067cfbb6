using System.Globalization;
using System.Text;

namespace DualEngine.Engine.Values;

/// <summary>Number::toString (§6.1.6.1.20) and the radix form of Number.prototype.toString (§21.1.3.6).</summary>
internal static class NumberFormatting
{
    public static string ToJsString(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (value == 0) return "0";
        // Small non-negative integers (loop counters, indices) come from a table instead of allocating.
        if (value > 0 && value < 1024 && value == (int)value) return IndexStrings.Get((uint)value);
        if (double.IsPositiveInfinity(value)) return "Infinity";
        if (double.IsNegativeInfinity(value)) return "-Infinity";
        if (value < 0) return "-" + ToJsString(-value);
        if (value < 1e21 && value == Math.Floor(value) && value < 9007199254740992)
            return ((long)value).ToString(CultureInfo.InvariantCulture);

        // "R" yields the shortest digits that round-trip (the k of step 5), in one of two layouts.
        string r = value.ToString("R", CultureInfo.InvariantCulture);
        string mantissa = r;
        int exp = 0;
        int e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            mantissa = r[..e];
            exp = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        int dot = mantissa.IndexOf('.');
        string digits;
        int n; // position of the decimal point relative to the digits (value = 0.digits × 10^n)
        if (dot >= 0)
        {
            digits = mantissa[..dot] + mantissa[(dot + 1)..];
            n = dot + exp;
        }
        else
        {
            digits = mantissa;
            n = mantissa.Length + exp;
        }
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') { lead++; n--; }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        int k = digits.Length;

        if (k <= n && n <= 21) return digits + new string('0', n - k);
        if (0 < n && n <= 21) return digits[..n] + "." + digits[n..];
        if (-6 < n && n <= 0) return "0." + new string('0', -n) + digits;
        int exponent = n - 1;
        string sign = exponent >= 0 ? "+" : "-";
        string expText = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        return k == 1 ? digits + "e" + sign + expText : digits[0] + "." + digits[1..] + "e" + sign + expText;
    }

    /// <summary>Radix 2..36 conversion, including the fraction (enough digits to distinguish the double).</summary>
    public static string ToRadixString(double value, int radix)
    {
        if (radix == 10) return ToJsString(value);
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "Infinity" : "-Infinity";
        if (value == 0) return "0";
        bool negative = value < 0;
        value = Math.Abs(value);
        double intPart = Math.Floor(value);
        double frac = value - intPart;
        var sb = new StringBuilder();
        if (intPart == 0) sb.Append('0');
        else
        {
            var chars = new List<char>();
            while (intPart >= 1)
            {
                double d = intPart % radix;
                chars.Add(Digit((int)d));
                intPart = Math.Floor(intPart / radix);
            }
            chars.Reverse();
            sb.Append(chars.ToArray());
        }
        if (frac > 0)
        {
            sb.Append('.');
            // 52 bits of mantissa need at most ceil(52 / log2(radix)) digits.
            int max = (int)Math.Ceiling(52 / Math.Log2(radix)) + 1;
            for (int i = 0; i < max && frac > 0; i++)
            {
                frac *= radix;
                int d = (int)Math.Floor(frac);
                frac -= d;
                sb.Append(Digit(d));
            }
        }
        return negative ? "-" + sb : sb.ToString();
    }

    private static char Digit(int d) => (char)(d < 10 ? '0' + d : 'a' + d - 10);
}
