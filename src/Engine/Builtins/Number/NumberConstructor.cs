using System.Globalization;

namespace DualEngine.Engine.Builtins;

/// <summary>The Number constructor (§21.1.1-2) and Number.prototype (§21.1.3).</summary>
internal static class NumberConstructor
{
    public static void Install(Realm realm)
    {
        var proto = new JsPrimitiveWrapper(realm.Intrinsics.ObjectPrototype, JsValue.Zero);
        realm.Intrinsics.NumberPrototype = proto;
        var ctor = ObjectBuilding.DefineConstructor(realm, "Number", 1, Construct, proto);
        ctor.FastSet("EPSILON", JsValue.FromNumber(Math.Pow(2, -52)), PropertyFlags.None);
        ctor.FastSet("MAX_SAFE_INTEGER", JsValue.FromNumber(9007199254740991), PropertyFlags.None);
        ctor.FastSet("MIN_SAFE_INTEGER", JsValue.FromNumber(-9007199254740991), PropertyFlags.None);
        ctor.FastSet("MAX_VALUE", JsValue.FromNumber(double.MaxValue), PropertyFlags.None);
        ctor.FastSet("MIN_VALUE", JsValue.FromNumber(double.Epsilon), PropertyFlags.None);
        ctor.FastSet("NaN", JsValue.NaN, PropertyFlags.None);
        ctor.FastSet("NEGATIVE_INFINITY", JsValue.FromNumber(double.NegativeInfinity), PropertyFlags.None);
        ctor.FastSet("POSITIVE_INFINITY", JsValue.FromNumber(double.PositiveInfinity), PropertyFlags.None);
        ctor.DefineMethod(realm, "isFinite", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromBoolean(a.At(0).IsNumber && double.IsFinite(a.At(0).AsNumber())));
        ctor.DefineMethod(realm, "isNaN", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromBoolean(a.At(0).IsNumber && double.IsNaN(a.At(0).AsNumber())));
        ctor.DefineMethod(realm, "isInteger", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromBoolean(IsIntegral(a.At(0))));
        ctor.DefineMethod(realm, "isSafeInteger", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromBoolean(IsIntegral(a.At(0)) && Math.Abs(a.At(0).AsNumber()) <= 9007199254740991));
        ctor.FastSet("parseFloat", JsValue.FromObject(realm.Intrinsics.ParseFloat ?? realm.GlobalObject.Get("parseFloat").AsObject()), PropertyFlags.Hidden);
        ctor.FastSet("parseInt", JsValue.FromObject(realm.Intrinsics.ParseInt ?? realm.GlobalObject.Get("parseInt").AsObject()), PropertyFlags.Hidden);

        proto.DefineMethod(realm, "toString", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            double x = ThisNumber(t, "toString");
            int radix = a.At(0).IsUndefined ? 10 : (int)Conversions.ToIntegerOrInfinity(a.At(0));
            if (radix < 2 || radix > 36) Throw.RangeError("toString() radix must be between 2 and 36");
            return JsValue.FromString(NumberFormatting.ToRadixString(x, radix));
        });
        proto.DefineMethod(realm, "toLocaleString", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromString(ThisNumber(t, "toLocaleString").ToString("#,##0.###", CultureInfo.InvariantCulture)));
        proto.DefineMethod(realm, "valueOf", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromNumber(ThisNumber(t, "valueOf")));
        proto.DefineMethod(realm, "toFixed", 1, ToFixed);
        proto.DefineMethod(realm, "toPrecision", 1, ToPrecision);
        proto.DefineMethod(realm, "toExponential", 1, ToExponential);
    }

    private static bool IsIntegral(in JsValue v) => v.IsNumber && double.IsFinite(v.AsNumber()) && Math.Truncate(v.AsNumber()) == v.AsNumber();

    /// <summary>Number(value) (§21.1.1.1): a BigInt becomes the nearest Number (ties to even).</summary>
    private static JsValue Construct(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, JsObject? newTarget)
    {
        double n = 0;
        if (args.Length > 0)
        {
            var prim = Conversions.ToNumeric(args[0]);
            n = prim.IsBigInt ? Conversions.BigIntToDouble(prim.AsBigInt().Value) : prim.AsNumber();
        }
        if (newTarget is null) return JsValue.FromNumber(n);
        var proto = JsFunction.GetPrototypeFromConstructor(newTarget, static i => i.NumberPrototype);
        return JsValue.FromObject(new JsPrimitiveWrapper(proto, JsValue.FromNumber(n)));
    }

    /// <summary>thisNumberValue (§21.1.3.7.1).</summary>
    private static double ThisNumber(in JsValue v, string method)
    {
        if (v.IsNumber) return v.AsNumber();
        if (v._ref is JsPrimitiveWrapper { PrimitiveValue.IsNumber: true } w) return w.PrimitiveValue.AsNumber();
        return Throw.TypeError<double>($"Number.prototype.{method} requires that 'this' be a Number");
    }

    /// <summary>Number.prototype.toFixed (§21.1.3.3).</summary>
    private static JsValue ToFixed(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        double x = ThisNumber(thisValue, "toFixed");
        double f = Conversions.ToIntegerOrInfinity(args.At(0));
        if (f < 0 || f > 100) Throw.RangeError("toFixed() digits argument must be between 0 and 100");
        if (!double.IsFinite(x)) return JsValue.FromString(NumberFormatting.ToJsString(x));
        if (Math.Abs(x) >= 1e21) return JsValue.FromString(NumberFormatting.ToJsString(x));
        // n = the integer nearest to x × 10^f using x's exact binary value (ties: the larger n), §21.1.3.3 step 10.a.
        bool negative = x < 0;
        var (mantissa, exponent) = Decompose(Math.Abs(x));
        var scaled = mantissa * System.Numerics.BigInteger.Pow(10, (int)f);
        System.Numerics.BigInteger n;
        if (exponent >= 0) n = scaled << exponent;
        else
        {
            var divisor = System.Numerics.BigInteger.One << -exponent;
            n = System.Numerics.BigInteger.DivRem(scaled, divisor, out var rem);
            if (rem * 2 >= divisor) n += 1;
        }
        var digits = n.ToString(CultureInfo.InvariantCulture);
        string s;
        if (f == 0) s = digits;
        else
        {
            if (digits.Length <= f) digits = new string('0', (int)f - digits.Length + 1) + digits;
            s = digits[..^(int)f] + "." + digits[^(int)f..];
        }
        if (negative && n > 0) s = "-" + s;
        return JsValue.FromString(s);
    }

    /// <summary>A finite non-negative double as mantissa × 2^exponent, exactly.</summary>
    private static (System.Numerics.BigInteger Mantissa, int Exponent) Decompose(double d)
    {
        long bits = BitConverter.DoubleToInt64Bits(d);
        int exp = (int)((bits >> 52) & 0x7FF);
        long frac = bits & 0xFFFFFFFFFFFFFL;
        if (exp == 0) return (frac, -1074);
        return (frac | (1L << 52), exp - 1075);
    }

    /// <summary>Number.prototype.toPrecision (§21.1.3.5).</summary>
    private static JsValue ToPrecision(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        double x = ThisNumber(thisValue, "toPrecision");
        if (args.At(0).IsUndefined) return JsValue.FromString(NumberFormatting.ToJsString(x));
        double p = Conversions.ToIntegerOrInfinity(args.At(0));
        if (!double.IsFinite(x)) return JsValue.FromString(NumberFormatting.ToJsString(x));
        if (p < 1 || p > 100) Throw.RangeError("toPrecision() argument must be between 1 and 100");
        if (x == 0) return JsValue.FromString(p == 1 ? "0" : "0." + new string('0', (int)p - 1));
        int e = (int)Math.Floor(Math.Log10(Math.Abs(x)));
        var rounded = double.Parse(x.ToString("E" + ((int)p - 1), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        e = (int)Math.Floor(Math.Log10(Math.Abs(rounded)));
        if (e < -6 || e >= p)
        {
            var mant = x.ToString("E" + ((int)p - 1), CultureInfo.InvariantCulture);
            var parts = mant.Split('E');
            int exp = int.Parse(parts[1], CultureInfo.InvariantCulture);
            return JsValue.FromString(parts[0] + "e" + (exp >= 0 ? "+" : "-") + Math.Abs(exp));
        }
        return JsValue.FromString(rounded.ToString("F" + Math.Max(0, (int)p - 1 - e), CultureInfo.InvariantCulture));
    }

    /// <summary>Number.prototype.toExponential (§21.1.3.2).</summary>
    private static JsValue ToExponential(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        double x = ThisNumber(thisValue, "toExponential");
        double f = Conversions.ToIntegerOrInfinity(args.At(0));
        if (!double.IsFinite(x)) return JsValue.FromString(NumberFormatting.ToJsString(x));
        if (f < 0 || f > 100) Throw.RangeError("toExponential() argument must be between 0 and 100");
        // Steps 7-9: the sign is taken from x < 0, so -0 prints like +0 ("0e+0").
        string sign = x < 0 ? "-" : "";
        x = Math.Abs(x);
        string digits;
        int e;
        if (x == 0)
        {
            digits = new string('0', args.At(0).IsUndefined ? 1 : (int)f + 1);
            e = 0;
        }
        else if (args.At(0).IsUndefined)
        {
            // Step 10.a: the shortest digits that round-trip (those of Number::toString).
            // "R" is .NET's shortest round-trip form, e.g. "0.00012", "123.45" or "1.2345E+21".
            var shortest = x.ToString("R", CultureInfo.InvariantCulture).Split('E');
            int pointExponent = shortest.Length > 1 ? int.Parse(shortest[1], CultureInfo.InvariantCulture) : 0;
            var halves = shortest[0].Split('.');
            var all = halves.Length > 1 ? halves[0] + halves[1] : halves[0];
            int leadingZeros = all.Length - all.TrimStart('0').Length;
            digits = all.Trim('0');
            e = halves[0].Length - leadingZeros - 1 + pointExponent;
        }
        else
        {
            // Step 10.b: n with 10^f ≤ n < 10^(f+1) and n × 10^(e-f) nearest x's exact value; on a tie the larger n.
            (digits, e) = ExponentialDigits(x, (int)f);
        }
        string mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
        return JsValue.FromString(sign + mantissa + "e" + (e >= 0 ? "+" : "-") + Math.Abs(e));
    }

    /// <summary>
    /// The f+1 digits n and the exponent e of Number.prototype.toExponential step 10.b (§21.1.3.2), computed on
    /// the exact binary value of x (finite, positive): the decimal nearest to x, ties rounding up.
    /// </summary>
    private static (string Digits, int Exponent) ExponentialDigits(double x, int f)
    {
        var (mantissa, binaryExponent) = Decompose(x);
        System.Numerics.BigInteger num = mantissa, den = System.Numerics.BigInteger.One;
        if (binaryExponent >= 0) num <<= binaryExponent;
        else den <<= -binaryExponent;
        int e = (int)Math.Floor(Math.Log10(x));
        var low = System.Numerics.BigInteger.Pow(10, f);
        var high = low * 10;
        System.Numerics.BigInteger n, rem, divisor;
        while (true)
        {
            // q = x × 10^(f-e) = scaledNum / divisor; pick e so that 10^f ≤ q < 10^(f+1).
            int k = f - e;
            var scaledNum = k >= 0 ? num * System.Numerics.BigInteger.Pow(10, k) : num;
            divisor = k >= 0 ? den : den * System.Numerics.BigInteger.Pow(10, -k);
            n = System.Numerics.BigInteger.DivRem(scaledNum, divisor, out rem);
            if (n < low) { e--; continue; }
            if (n >= high) { e++; continue; }
            break;
        }
        if (rem * 2 >= divisor) n += 1;
        if (n == high) { n = low; e++; }
        return (n.ToString(CultureInfo.InvariantCulture), e);
    }
}
