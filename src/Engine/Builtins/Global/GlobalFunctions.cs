using System.Globalization;
using System.Text;

namespace DualEngine.Engine.Builtins;

/// <summary>
/// Function properties of the global object (§19.2): parseInt, parseFloat, isNaN, isFinite, URI coding, eval; and Annex B's
/// escape and unescape (B.2.1), which web browsers must have and node has, so scripts written for them run here too.
/// </summary>
internal static class GlobalFunctions
{
    public static void Install(Realm realm)
    {
        var g = realm.GlobalObject;
        var parseIntFn = g.DefineMethod(realm, "parseInt", 2, ParseInt);
        var parseFloatFn = g.DefineMethod(realm, "parseFloat", 1, ParseFloat);
        g.DefineMethod(realm, "isNaN", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromBoolean(double.IsNaN(Conversions.ToNumber(a.At(0)))));
        g.DefineMethod(realm, "isFinite", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromBoolean(double.IsFinite(Conversions.ToNumber(a.At(0)))));
        g.DefineMethod(realm, "encodeURIComponent", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Encode(Conversions.ToString(a.At(0)), UnreservedComponent));
        g.DefineMethod(realm, "encodeURI", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Encode(Conversions.ToString(a.At(0)), UnreservedComponent + ";/?:@&=+$,#"));
        g.DefineMethod(realm, "decodeURIComponent", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Decode(Conversions.ToString(a.At(0)), ""));
        g.DefineMethod(realm, "decodeURI", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Decode(Conversions.ToString(a.At(0)), ";/?:@&=+$,#"));
        g.DefineMethod(realm, "escape", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromString(Escape(Conversions.ToString(a.At(0)))));
        g.DefineMethod(realm, "unescape", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromString(Unescape(Conversions.ToString(a.At(0)))));
        realm.Intrinsics.Eval = g.DefineMethod(realm, "eval", 1, IndirectEval);
        realm.Intrinsics.ParseInt = parseIntFn;
        realm.Intrinsics.ParseFloat = parseFloatFn;
    }

    /// <summary>parseInt (§19.2.5).</summary>
    public static JsValue ParseInt(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var s = Conversions.TrimJsWhitespace(Conversions.ToString(args.At(0)));
        int radix = Conversions.ToInt32(args.At(1));
        int i = 0;
        bool negative = false;
        if (i < s.Length && (s[i] == '+' || s[i] == '-')) { negative = s[i] == '-'; i++; }
        bool stripPrefix = true;
        if (radix != 0)
        {
            if (radix < 2 || radix > 36) return JsValue.NaN;
            if (radix != 16) stripPrefix = false;
        }
        else radix = 10;
        if (stripPrefix && i + 1 < s.Length && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) { i += 2; radix = 16; }
        int start = i;
        double value = 0;
        while (i < s.Length)
        {
            int d = Conversions.DigitValue(s[i]);
            if (d < 0 || d >= radix) break;
            value = value * radix + d;
            i++;
        }
        if (i == start) return JsValue.NaN;
        if (radix == 10 && i - start > 15) value = double.Parse(s.AsSpan(start, i - start), CultureInfo.InvariantCulture);
        return JsValue.FromNumber(negative ? -value : value);
    }

    /// <summary>parseFloat (§19.2.4): the longest prefix that is a StrDecimalLiteral.</summary>
    public static JsValue ParseFloat(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var s = Conversions.TrimJsWhitespace(Conversions.ToString(args.At(0)));
        int i = 0;
        if (i < s.Length && (s[i] == '+' || s[i] == '-')) i++;
        if (string.CompareOrdinal(s, i, "Infinity", 0, 8) == 0)
            return JsValue.FromNumber(s[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity);
        int digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; digits++; }
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; digits++; }
        }
        if (digits == 0) return JsValue.NaN;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            int save = i;
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-')) i++;
            int exp = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; exp++; }
            if (exp == 0) i = save;
        }
        var text = s[..i];
        if (text.EndsWith('.')) text = text[..^1];
        return JsValue.FromNumber(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private const string UnreservedComponent = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()";

    /// <summary>Encode (§19.2.6.5): UTF-8 percent-encoding of everything not in the unescaped set.</summary>
    private static JsValue Encode(string s, string unescaped)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (unescaped.Contains(c)) { sb.Append(c); continue; }
            int cp;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) Throw.Error(ErrorType.URIError, "URI malformed");
                cp = char.ConvertToUtf32(c, s[++i]);
            }
            else if (char.IsLowSurrogate(c)) { Throw.Error(ErrorType.URIError, "URI malformed"); cp = 0; }
            else cp = c;
            foreach (var b in Encoding.UTF8.GetBytes(char.ConvertFromUtf32(cp))) sb.Append('%').Append(b.ToString("X2"));
        }
        return JsValue.FromString(sb.ToString());
    }

    /// <summary>Decode (§19.2.6.6).</summary>
    private static JsValue Decode(string s, string reserved)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '%') { sb.Append(s[i]); continue; }
            var bytes = new List<byte>();
            int start = i;
            byte b = 0;
            while (i < s.Length && s[i] == '%')
            {
                // §19.2.6.6 step 4.c.ii: the two code units after '%' must be hex digits (byte.TryParse with
                // NumberStyles.HexNumber would also accept surrounding white space, as in "% 1").
                if (i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2]))
                    Throw.Error(ErrorType.URIError, "URI malformed");
                b = byte.Parse(s.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                bytes.Add(b);
                i += 3;
                if (bytes[0] < 0x80) break;
                int expected = bytes[0] >= 0xF0 ? 4 : bytes[0] >= 0xE0 ? 3 : 2;
                if (bytes.Count == expected) break;
            }
            i--;
            if (bytes.Count == 1 && bytes[0] < 0x80)
            {
                char c = (char)bytes[0];
                if (reserved.Contains(c)) sb.Append(s, start, 3); else sb.Append(c);
                continue;
            }
            try
            {
                sb.Append(new UTF8Encoding(false, true).GetString(bytes.ToArray()));
            }
            catch (DecoderFallbackException)
            {
                Throw.Error(ErrorType.URIError, "URI malformed");
            }
        }
        return JsValue.FromString(sb.ToString());
    }

    private const string Hex = "0123456789ABCDEF";

    /// <summary>The code units escape leaves as they are (B.2.1.1 step 4): the ASCII word characters and "@*+-./".</summary>
    private static bool IsEscapeUnescaped(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '@' or '*' or '+' or '-' or '.' or '/';

    /// <summary>
    /// escape (B.2.1.1), after ToString: each code unit outside the unescaped set becomes "%XX" (below 256) or "%uXXXX",
    /// upper-case hex. It works on code units, so a surrogate pair gives two "%u" escapes.
    /// </summary>
    internal static string Escape(string s)
    {
        int first = 0;
        while (first < s.Length && IsEscapeUnescaped(s[first])) first++;
        if (first == s.Length) return s;
        var sb = new StringBuilder(s.Length + 16);
        sb.Append(s, 0, first);
        for (int k = first; k < s.Length; k++)
        {
            char c = s[k];
            if (IsEscapeUnescaped(c)) sb.Append(c);
            else if (c < 256) sb.Append('%').Append(Hex[c >> 4]).Append(Hex[c & 0xF]);
            else sb.Append("%u").Append(Hex[c >> 12]).Append(Hex[(c >> 8) & 0xF]).Append(Hex[(c >> 4) & 0xF]).Append(Hex[c & 0xF]);
            // Up to six units per input unit: a long input could pass the string limit (and int) before the loop ends.
            if (sb.Length > JsRope.MaxStringLength) Throw.RangeError("Invalid string length");
        }
        return sb.ToString();
    }

    /// <summary>
    /// unescape (B.2.1.2), after ToString: "%uXXXX" (when k + 5 &lt; length and the next unit is a lower-case u) or else "%XX"
    /// (when k + 3 &lt;= length) becomes the code unit of those hex digits; a "%" whose digits are not all hex, or too close to
    /// the end, stays as it is. A bad "%u" form does not fall back to "%XX": its "u" is not a hex digit anyway.
    /// </summary>
    internal static string Unescape(string s)
    {
        int first = s.IndexOf('%');
        if (first < 0) return s;
        var sb = new StringBuilder(s.Length);
        sb.Append(s, 0, first);
        for (int k = first; k < s.Length; k++)
        {
            char c = s[k];
            if (c == '%')
            {
                int digitsAt = 0, count = 0;
                if (k + 5 < s.Length && s[k + 1] == 'u') { digitsAt = k + 2; count = 4; }
                else if (k + 3 <= s.Length) { digitsAt = k + 1; count = 2; }
                if (count > 0 && TryParseHex(s.AsSpan(digitsAt, count), out int n))
                {
                    c = (char)n;
                    k = digitsAt + count - 1;
                }
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>ParseText(digits, HexDigits[~Sep]): every unit an ASCII hex digit (int.TryParse would allow signs or spaces).</summary>
    private static bool TryParseHex(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (char d in digits)
        {
            if (!char.IsAsciiHexDigit(d)) return false;
            value = value * 16 + Conversions.DigitValue(d);
        }
        return true;
    }

    /// <summary>Indirect eval (§19.2.1.1 PerformEval with direct = false): global scope; non-strings are returned as is.</summary>
    private static JsValue IndirectEval(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args) =>
        realm.Engine.Machine.Eval(realm, args.At(0), null, null);
}
