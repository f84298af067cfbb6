using System.Globalization;
using System.Text;

namespace DualEngine.Engine.Values;

/// <summary>Number::toString (§6.1.6.1.20) and the radix form of Number.prototype.toString (§21.1.3.6).</summary>
internal static class NumberFormatting
{
    /// <summary>Longest Number::toString result ("-1.2345678901234567e-308" and "-0.000001234567890123456" are 24).</summary>
    internal const int MaxLength = 32;

    public static string ToJsString(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (value == 0) return "0";
        // Small non-negative integers (loop counters, indices) come from a table instead of allocating.
        if (value > 0 && value < 1024 && value == (int)value) return IndexStrings.Get((uint)value);
        if (double.IsPositiveInfinity(value)) return "Infinity";
        if (double.IsNegativeInfinity(value)) return "-Infinity";
        Span<char> buffer = stackalloc char[MaxLength];
        return new string(buffer[..Format(value, buffer)]);
    }

    /// <summary>
    /// The digits of a 32-bit integer (never int.MinValue), written by hand: the most common number to turn into
    /// a string (`'x' + i`); long.TryFormat would look up the culture's NumberFormatInfo for each one.
    /// </summary>
    private static int FormatInt(int value, Span<char> dest)
    {
        int pos = 0;
        uint v = (uint)value;
        if (value < 0)
        {
            dest[pos++] = '-';
            v = (uint)-value;
        }
        int end = pos + DigitCount(v);
        for (int i = end - 1; i > pos; i--)
        {
            uint q = v / 10;
            dest[i] = (char)('0' + (v - q * 10));
            v = q;
        }
        dest[pos] = (char)('0' + v);
        return end;
    }

    private static int DigitCount(uint v) =>
        v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5
        : v < 1000000 ? 6 : v < 10000000 ? 7 : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;

    /// <summary>
    /// Writes Number::toString(value) (§6.1.6.1.20) into <paramref name="dest"/> (at least <see cref="MaxLength"/>
    /// long) and returns the length; no allocation.
    /// </summary>
    public static int Format(double value, Span<char> dest)
    {
        // 32-bit integers first, the common case (NaN converts to 0 and fails the comparison; -0 prints as "0").
        int small = (int)value;
        if (small == value && small != int.MinValue) return FormatInt(small, dest);
        if (double.IsNaN(value)) return Write("NaN", dest);
        if (double.IsInfinity(value)) return Write(value > 0 ? "Infinity" : "-Infinity", dest);
        int written;
        if (value == Math.Floor(value) && Math.Abs(value) < 9007199254740992)
        {
            // Safe integers print all their digits (they are below 1e21).
            ((long)value).TryFormat(dest, out written, default, CultureInfo.InvariantCulture);
            return written;
        }
        int pos = 0;
        if (value < 0)
        {
            dest[pos++] = '-';
            value = -value;
        }

        // "R" yields the shortest digits that round-trip (the k of step 5), as "d.ddd", "0.000ddd" or "d.dddE+xx".
        Span<char> r = stackalloc char[MaxLength];
        value.TryFormat(r, out int rLength, "R", CultureInfo.InvariantCulture);
        r = r[..rLength];
        int exp = 0;
        int e = r.IndexOfAny('E', 'e');
        if (e >= 0)
        {
            exp = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }
        // Collect the digits without the point; n is the position of the point relative to them
        // (value = 0.digits × 10^n).
        Span<char> digits = stackalloc char[MaxLength];
        int k = 0, n = -1;
        foreach (char c in r)
        {
            if (c == '.') n = k;
            else digits[k++] = c;
        }
        if (n < 0) n = k;
        n += exp;
        int lead = 0;
        while (lead < k - 1 && digits[lead] == '0') { lead++; n--; }
        digits = digits[lead..k];
        k = digits.Length;
        while (k > 1 && digits[k - 1] == '0') k--;
        digits = digits[..k];

        if (k <= n && n <= 21)
        {
            digits.CopyTo(dest[pos..]);
            pos += k;
            dest.Slice(pos, n - k).Fill('0');
            return pos + n - k;
        }
        if (0 < n && n <= 21)
        {
            digits[..n].CopyTo(dest[pos..]);
            pos += n;
            dest[pos++] = '.';
            digits[n..].CopyTo(dest[pos..]);
            return pos + k - n;
        }
        if (-6 < n && n <= 0)
        {
            dest[pos++] = '0';
            dest[pos++] = '.';
            dest.Slice(pos, -n).Fill('0');
            pos += -n;
            digits.CopyTo(dest[pos..]);
            return pos + k;
        }
        dest[pos++] = digits[0];
        if (k > 1)
        {
            dest[pos++] = '.';
            digits[1..].CopyTo(dest[pos..]);
            pos += k - 1;
        }
        int exponent = n - 1;
        dest[pos++] = 'e';
        dest[pos++] = exponent >= 0 ? '+' : '-';
        Math.Abs(exponent).TryFormat(dest[pos..], out written, default, CultureInfo.InvariantCulture);
        return pos + written;
    }

    private static int Write(string text, Span<char> dest)
    {
        text.CopyTo(dest);
        return text.Length;
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
