using System.Globalization;
using System.Numerics;

namespace DualEngine.Engine.Values;

/// <summary>Type conversion abstract operations (ECMA-262 §7.1).</summary>
internal static class Conversions
{
    public enum Hint : byte { Default, Number, String }

    /// <summary>ToPrimitive (§7.1.1).</summary>
    public static JsValue ToPrimitive(in JsValue input, Hint hint = Hint.Default)
    {
        if (!input.IsObject) return input;
        var obj = input.AsObject();
        var exotic = obj.Get(WellKnownSymbols.ToPrimitive, input);
        if (!exotic.IsNullish)
        {
            if (!exotic.IsCallable) Throw.TypeError("Symbol.toPrimitive is not a function");
            var hintValue = JsValue.FromString(hint switch { Hint.Number => "number", Hint.String => "string", _ => "default" });
            var result = ((JsFunction)exotic.AsObject()).Call(input, new ReadOnlySpan<JsValue>(in hintValue));
            if (result.IsObject) Throw.TypeError("Cannot convert object to primitive value");
            return result;
        }
        return OrdinaryToPrimitive(obj, hint == Hint.String ? Hint.String : Hint.Number);
    }

    /// <summary>OrdinaryToPrimitive (§7.1.1.1).</summary>
    public static JsValue OrdinaryToPrimitive(JsObject obj, Hint hint)
    {
        string first = hint == Hint.String ? "toString" : "valueOf";
        string second = hint == Hint.String ? "valueOf" : "toString";
        var self = JsValue.FromObject(obj);
        foreach (var name in (ReadOnlySpan<string>)[first, second])
        {
            var method = obj.Get(name, self);
            if (method.IsCallable)
            {
                var result = ((JsFunction)method.AsObject()).Call(self, ReadOnlySpan<JsValue>.Empty);
                if (!result.IsObject) return result;
            }
        }
        return Throw.TypeError<JsValue>("Cannot convert object to primitive value");
    }

    /// <summary>ToBoolean (§7.1.2).</summary>
    public static bool ToBoolean(in JsValue v) => v._tag switch
    {
        JsValue.Tag.Boolean => v.AsBoolean(),
        JsValue.Tag.Number => !(v._number == 0 || double.IsNaN(v._number)),
        JsValue.Tag.String => v.StringLength != 0,
        JsValue.Tag.Undefined or JsValue.Tag.Null or JsValue.Tag.Empty => false,
        JsValue.Tag.BigInt => !v.AsBigInt().Value.IsZero,
        _ => true,
    };

    /// <summary>ToNumeric (§7.1.3): a Number or a BigInt.</summary>
    public static JsValue ToNumeric(in JsValue v)
    {
        if (v.IsNumber || v.IsBigInt) return v;
        var prim = ToPrimitive(v, Hint.Number);
        if (prim.IsBigInt) return prim;
        return JsValue.FromNumber(ToNumber(prim));
    }

    /// <summary>ToNumber (§7.1.4).</summary>
    public static double ToNumber(in JsValue v) => v._tag switch
    {
        JsValue.Tag.Number => v._number,
        JsValue.Tag.Boolean => v.AsBoolean() ? 1 : 0,
        JsValue.Tag.Undefined or JsValue.Tag.Empty => double.NaN,
        JsValue.Tag.Null => 0,
        JsValue.Tag.String => StringToNumber(v.AsString()),
        JsValue.Tag.Symbol => Throw.TypeError<double>("Cannot convert a Symbol value to a number"),
        JsValue.Tag.BigInt => Throw.TypeError<double>("Cannot convert a BigInt value to a number"),
        _ => ToNumber(ToPrimitive(v, Hint.Number)),
    };

    /// <summary>StringToNumber (§7.1.4.1.1) following the StringNumericLiteral grammar.</summary>
    public static double StringToNumber(string text)
    {
        // Fast path: up to 15 decimal digits and nothing else ("42", "2024"), exact in a double.
        if (text.Length is > 0 and <= 15)
        {
            long value = 0;
            int at = 0;
            for (; at < text.Length; at++)
            {
                uint d = (uint)(text[at] - '0');
                if (d > 9) break;
                value = value * 10 + d;
            }
            if (at == text.Length) return value;
        }
        var s = TrimJsWhitespace(text);
        if (s.Length == 0) return 0;
        if (s.Length > 2 && s[0] == '0')
        {
            int radix = s[1] switch { 'x' or 'X' => 16, 'o' or 'O' => 8, 'b' or 'B' => 2, _ => 0 };
            if (radix != 0) return ParseRadixDigits(s.AsSpan(2), radix);
        }
        int i = 0;
        bool negative = false;
        if (s[0] == '+' || s[0] == '-') { negative = s[0] == '-'; i = 1; }
        if (s.AsSpan(i).SequenceEqual("Infinity")) return negative ? double.NegativeInfinity : double.PositiveInfinity;
        if (!IsDecimalLiteral(s.AsSpan(i))) return double.NaN;
        return double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static double ParseRadixDigits(ReadOnlySpan<char> digits, int radix)
    {
        if (digits.Length == 0) return double.NaN;
        double value = 0;
        foreach (char c in digits)
        {
            int d = DigitValue(c);
            if (d < 0 || d >= radix) return double.NaN;
            value = value * radix + d;
        }
        return value;
    }

    public static int DigitValue(char c) =>
        c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : -1;

    // StrUnsignedDecimalLiteral: digits [. digits] [exp] | . digits [exp]
    private static bool IsDecimalLiteral(ReadOnlySpan<char> s)
    {
        int i = 0, n = s.Length, intDigits = 0, fracDigits = 0;
        while (i < n && char.IsAsciiDigit(s[i])) { i++; intDigits++; }
        if (i < n && s[i] == '.')
        {
            i++;
            while (i < n && char.IsAsciiDigit(s[i])) { i++; fracDigits++; }
        }
        if (intDigits + fracDigits == 0) return false;
        if (i < n && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < n && (s[i] == '+' || s[i] == '-')) i++;
            int expDigits = 0;
            while (i < n && char.IsAsciiDigit(s[i])) { i++; expDigits++; }
            if (expDigits == 0) return false;
        }
        return i == n;
    }

    /// <summary>WhiteSpace and LineTerminator code points (§12.2, §12.3) trimmed by StringToNumber and String.prototype.trim.</summary>
    public static bool IsJsWhitespace(char c) => c switch
    {
        '\t' or '\v' or '\f' or ' ' or '\u00A0' or '\uFEFF' or '\n' or '\r' or '\u2028' or '\u2029' => true,
        _ => c > 127 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator,
    };

    public static string TrimJsWhitespace(string s)
    {
        int start = 0, end = s.Length;
        while (start < end && IsJsWhitespace(s[start])) start++;
        while (end > start && IsJsWhitespace(s[end - 1])) end--;
        return start == 0 && end == s.Length ? s : s[start..end];
    }

    /// <summary>ToIntegerOrInfinity (§7.1.5).</summary>
    public static double ToIntegerOrInfinity(in JsValue v)
    {
        double d = ToNumber(v);
        if (double.IsNaN(d) || d == 0) return 0;
        return double.IsInfinity(d) ? d : Math.Truncate(d);
    }

    /// <summary>ToInt32 (§7.1.6).</summary>
    public static int ToInt32(in JsValue v) => v.IsNumber ? DoubleToInt32(v._number) : DoubleToInt32(ToNumber(v));

    public static int DoubleToInt32(double d)
    {
        if (d is >= int.MinValue and <= int.MaxValue) return (int)d;
        if (double.IsNaN(d) || double.IsInfinity(d)) return 0;
        double m = Math.Truncate(d) % 4294967296.0;
        if (m < 0) m += 4294967296.0;
        return (int)(uint)m;
    }

    /// <summary>ToUint32 (§7.1.7).</summary>
    public static uint ToUint32(in JsValue v) => (uint)ToInt32(v);

    /// <summary>ToUint16 (§7.1.9).</summary>
    public static ushort ToUint16(in JsValue v) => (ushort)ToInt32(v);

    /// <summary>ToLength (§7.1.20).</summary>
    public static long ToLength(in JsValue v)
    {
        double len = ToIntegerOrInfinity(v);
        if (len <= 0) return 0;
        return (long)Math.Min(len, 9007199254740991);
    }

    /// <summary>ToIndex (§7.1.22).</summary>
    public static long ToIndex(in JsValue v)
    {
        if (v.IsUndefined) return 0;
        double i = ToIntegerOrInfinity(v);
        if (i < 0 || i > 9007199254740991) Throw.RangeError("Invalid index");
        return (long)i;
    }

    /// <summary>ToString (§7.1.17), flattening ropes.</summary>
    public static string ToString(in JsValue v) => v._tag switch
    {
        JsValue.Tag.String => v.AsString(),
        JsValue.Tag.Number => NumberFormatting.ToJsString(v._number),
        JsValue.Tag.Undefined or JsValue.Tag.Empty => "undefined",
        JsValue.Tag.Null => "null",
        JsValue.Tag.Boolean => v.AsBoolean() ? "true" : "false",
        JsValue.Tag.BigInt => v.AsBigInt().ToString(),
        JsValue.Tag.Symbol => Throw.TypeError<string>("Cannot convert a Symbol value to a string"),
        _ => ToString(ToPrimitive(v, Hint.String)),
    };

    /// <summary>ToString (§7.1.17) that keeps a rope a rope (for concatenation).</summary>
    public static JsValue ToJsString(in JsValue v) => v.IsString ? v : JsValue.FromString(ToString(v));

    /// <summary>ToObject (§7.1.18).</summary>
    public static JsObject ToObject(Realm realm, in JsValue v)
    {
        switch (v._tag)
        {
            case JsValue.Tag.Object: return v.AsObject();
            case JsValue.Tag.Undefined:
            case JsValue.Tag.Null:
            case JsValue.Tag.Empty:
                return Throw.TypeError<JsObject>("Cannot convert undefined or null to object");
            default:
                return new JsPrimitiveWrapper(realm, v);
        }
    }

    /// <summary>ToPropertyKey (§7.1.19).</summary>
    public static PropertyKey ToPropertyKey(in JsValue v)
    {
        if (v.IsString) return new PropertyKey(v.AsString());
        if (v.IsNumber)
        {
            double d = v._number;
            if (d >= 0 && d < uint.MaxValue && d == Math.Floor(d) && !(d == 0 && double.IsNegative(d)))
                return PropertyKey.FromIndex((uint)d);
            return new PropertyKey(NumberFormatting.ToJsString(d));
        }
        if (v.IsSymbol) return new PropertyKey(v.AsSymbol());
        var prim = ToPrimitive(v, Hint.String);
        return prim.IsSymbol ? new PropertyKey(prim.AsSymbol()) : new PropertyKey(ToString(prim));
    }

    /// <summary>CanonicalNumericIndexString-free fast test: is this value an array index (for element fast paths)?</summary>
    /// <remarks>
    /// Inlined into the element-access instructions: indices below 2^31 take one double→int conversion and a
    /// compare (NaN, fractions and out-of-range values convert to something unequal to the input); larger ones
    /// go to <see cref="TryGetLargeArrayIndex"/>. -0 is index 0, as ToPropertyKey(-0) is "0" (§7.1.19).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryGetArrayIndex(in JsValue v, out uint index)
    {
        if (v.IsNumber)
        {
            double d = v._number;
            int i = TruncateOrSentinel(d);
            if (i >= 0 && i == d) { index = (uint)i; return true; }
            return TryGetLargeArrayIndex(d, out index);
        }
        index = 0;
        return false;
    }

    /// <summary>
    /// d truncated to an int when it is in int range; for NaN and values outside it, some int that is not equal
    /// to d (int.MinValue on x64, the saturated value elsewhere). Callers compare the result with d.
    /// </summary>
    /// <remarks>
    /// On x64 this is the bare cvttsd2si instruction. C#'s (int)d saturates (NaN gives 0), which the JIT spells
    /// as an ordered-compare, a mask and a range test around it, on every element access.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int TruncateOrSentinel(double d) =>
        System.Runtime.Intrinsics.X86.Sse2.IsSupported
            ? System.Runtime.Intrinsics.X86.Sse2.ConvertToInt32WithTruncation(System.Runtime.Intrinsics.Vector128.CreateScalarUnsafe(d))
            : (int)d;

    /// <summary>Array indices from 2^31 to 2^32 - 2 (§6.1.7: an array index is below 2^32 - 1).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryGetLargeArrayIndex(double d, out uint index)
    {
        if (d >= 2147483648.0 && d < uint.MaxValue && d == Math.Floor(d))
        {
            index = (uint)d;
            return true;
        }
        index = 0;
        return false;
    }

    /// <summary>StringToBigInt (§7.1.14); null when the text is not a valid integer literal.</summary>
    public static BigInteger? StringToBigInt(string text)
    {
        var s = TrimJsWhitespace(text);
        if (s.Length == 0) return BigInteger.Zero;
        int radix = 10, start = 0;
        if (s.Length > 2 && s[0] == '0' && s[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            radix = s[1] is 'x' or 'X' ? 16 : s[1] is 'o' or 'O' ? 8 : 2;
            start = 2;
        }
        bool negative = false;
        if (radix == 10 && (s[0] == '+' || s[0] == '-')) { negative = s[0] == '-'; start = 1; }
        if (start == s.Length) return null;
        BigInteger value = BigInteger.Zero;
        for (int i = start; i < s.Length; i++)
        {
            int d = DigitValue(s[i]);
            if (d < 0 || d >= radix) return null;
            value = value * radix + d;
        }
        return negative ? -value : value;
    }

    /// <summary>
    /// 𝔽(ℝ(bigint)) (§21.1.1.1 Number(value), §6.1.6.1): the Number nearest the BigInt's value, ties to even.
    /// (.NET's (double)BigInteger truncates the bits past the 53rd instead of rounding.)
    /// </summary>
    public static double BigIntToDouble(BigInteger value)
    {
        if (value.IsZero) return 0;
        bool negative = value.Sign < 0;
        var magnitude = BigInteger.Abs(value);
        long bitLength = (long)magnitude.GetBitLength();
        double result;
        if (bitLength <= 53) result = (double)(long)magnitude;
        else if (bitLength > 1024) result = double.PositiveInfinity;
        else
        {
            // Keep 54 bits: the 53 of the significand and the rounding bit; any lower 1 bit is "sticky".
            int shift = (int)(bitLength - 54);
            long top = (long)(magnitude >> shift);
            bool sticky = shift > 0 && BigInteger.TrailingZeroCount(magnitude) < shift;
            long significand = top >> 1;
            if ((top & 1) != 0 && (sticky || (significand & 1) != 0)) significand++;
            result = Math.ScaleB(significand, shift + 1); // 2^1024 overflows to Infinity
        }
        return negative ? -result : result;
    }

    /// <summary>ToBigInt (§7.1.13).</summary>
    public static BigInteger ToBigInt(in JsValue v)
    {
        var prim = ToPrimitive(v, Hint.Number);
        switch (prim._tag)
        {
            case JsValue.Tag.BigInt: return prim.AsBigInt().Value;
            case JsValue.Tag.Boolean: return prim.AsBoolean() ? BigInteger.One : BigInteger.Zero;
            case JsValue.Tag.String:
                return StringToBigInt(prim.AsString()) ?? Throw.SyntaxErrorValue<BigInteger>("Cannot convert " + prim.AsString() + " to a BigInt");
            default:
                return Throw.TypeError<BigInteger>("Cannot convert " + ToDisplay(prim) + " to a BigInt");
        }
    }

    /// <summary>A short description of a value for error messages (never calls user code).</summary>
    public static string ToDisplay(in JsValue v) => v._tag switch
    {
        JsValue.Tag.String => "\"" + (v.StringLength > 40 ? v.AsString()[..40] + "..." : v.AsString()) + "\"",
        JsValue.Tag.Symbol => v.AsSymbol().ToString(),
        JsValue.Tag.Object => v.AsObject() is JsFunction f ? "function " + f.DebugName : "#<" + v.AsObject().ClassName + ">",
        _ => ToString(v),
    };
}
