namespace DualEngine.Engine.Builtins;

/// <summary>The Math object (§21.3).</summary>
internal static class MathObject
{
    public static void Install(Realm realm)
    {
        var math = new JsObject(realm.Intrinsics.ObjectPrototype);
        realm.GlobalObject.FastSet("Math", JsValue.FromObject(math), PropertyFlags.Hidden);
        math.FastSet("E", JsValue.FromNumber(Math.E), PropertyFlags.None);
        math.FastSet("LN10", JsValue.FromNumber(Math.Log(10)), PropertyFlags.None);
        math.FastSet("LN2", JsValue.FromNumber(Math.Log(2)), PropertyFlags.None);
        math.FastSet("LOG10E", JsValue.FromNumber(Math.Log10(Math.E)), PropertyFlags.None);
        math.FastSet("LOG2E", JsValue.FromNumber(Math.Log2(Math.E)), PropertyFlags.None);
        math.FastSet("PI", JsValue.FromNumber(Math.PI), PropertyFlags.None);
        math.FastSet("SQRT1_2", JsValue.FromNumber(Math.Sqrt(0.5)), PropertyFlags.None);
        math.FastSet("SQRT2", JsValue.FromNumber(Math.Sqrt(2)), PropertyFlags.None);
        math.FastSet(WellKnownSymbols.ToStringTag, JsValue.FromString("Math"), PropertyFlags.Configurable);

        Unary(realm, math, "abs", Math.Abs);
        Unary(realm, math, "acos", Math.Acos);
        Unary(realm, math, "acosh", Math.Acosh);
        Unary(realm, math, "asin", Math.Asin);
        Unary(realm, math, "asinh", Math.Asinh);
        Unary(realm, math, "atan", Math.Atan);
        Unary(realm, math, "atanh", Math.Atanh);
        Unary(realm, math, "cbrt", Math.Cbrt);
        Unary(realm, math, "ceil", Math.Ceiling);
        Unary(realm, math, "clz32", x => uint.LeadingZeroCount((uint)Conversions.DoubleToInt32(x)));
        Unary(realm, math, "cos", Math.Cos);
        Unary(realm, math, "cosh", Math.Cosh);
        Unary(realm, math, "exp", Math.Exp);
        // Math.expm1 (§21.3.2.15): ±0 gives ±0 (the series below would turn -0 into +0).
        Unary(realm, math, "expm1", x => x == 0 ? x : Math.Abs(x) < 1e-5 ? x + x * x / 2 + x * x * x / 6 : Math.Exp(x) - 1);
        Unary(realm, math, "floor", Math.Floor);
        Unary(realm, math, "fround", x => (double)(float)x);
        Unary(realm, math, "log", Math.Log);
        Unary(realm, math, "log1p", x => Math.Abs(x) < 1e-5 ? x - x * x / 2 + x * x * x / 3 : Math.Log(1 + x));
        Unary(realm, math, "log10", Math.Log10);
        Unary(realm, math, "log2", Math.Log2);
        // Math.round (§21.3.2.28): halves round toward +Infinity; (0, 0.5) gives +0 and [-0.5, -0] gives -0.
        // Not floor(x + 0.5): that sum rounds for 0.5 - 2^-54 and for odd integers near 2^52. The fraction
        // x - floor(x) is exact for every non-integral double, so compare it with 0.5 instead.
        Unary(realm, math, "round", x =>
        {
            if (!double.IsFinite(x) || x == Math.Floor(x)) return x;
            if (x < 0 && x >= -0.5) return -0.0;
            double floor = Math.Floor(x);
            return x - floor >= 0.5 ? floor + 1 : floor;
        });
        Unary(realm, math, "sign", x => double.IsNaN(x) || x == 0 ? x : Math.Sign(x));
        Unary(realm, math, "sin", Math.Sin);
        Unary(realm, math, "sinh", Math.Sinh);
        Unary(realm, math, "sqrt", Math.Sqrt);
        Unary(realm, math, "tan", Math.Tan);
        Unary(realm, math, "tanh", Math.Tanh);
        Unary(realm, math, "trunc", Math.Truncate);
        math.DefineMethod(realm, "atan2", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromNumber(Math.Atan2(Conversions.ToNumber(a.At(0)), Conversions.ToNumber(a.At(1)))));
        math.DefineMethod(realm, "pow", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromNumber(Operators.Power(Conversions.ToNumber(a.At(0)), Conversions.ToNumber(a.At(1)))));
        math.DefineMethod(realm, "imul", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromNumber(unchecked(Conversions.ToInt32(a.At(0)) * Conversions.ToInt32(a.At(1)))));
        math.DefineMethod(realm, "max", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => MinMax(a, max: true));
        math.DefineMethod(realm, "min", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => MinMax(a, max: false));
        math.DefineMethod(realm, "hypot", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            double sum = 0;
            bool inf = false, nan = false;
            foreach (var v in a)
            {
                double d = Conversions.ToNumber(v);
                if (double.IsInfinity(d)) inf = true;
                else if (double.IsNaN(d)) nan = true;
                else sum += d * d;
            }
            return JsValue.FromNumber(inf ? double.PositiveInfinity : nan ? double.NaN : Math.Sqrt(sum));
        });
        math.DefineMethod(realm, "random", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromNumber(Random.Shared.NextDouble()));
    }

    private static void Unary(Realm realm, JsObject math, string name, Func<double, double> f) =>
        math.DefineMethod(realm, name, 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromNumber(f(Conversions.ToNumber(a.At(0)))));

    /// <summary>Math.max / Math.min (§21.3.2.24-25): NaN wins, +0 beats -0 for max.</summary>
    private static JsValue MinMax(ReadOnlySpan<JsValue> args, bool max)
    {
        double result = max ? double.NegativeInfinity : double.PositiveInfinity;
        bool nan = false;
        foreach (var v in args)
        {
            double d = Conversions.ToNumber(v);
            if (double.IsNaN(d)) { nan = true; continue; }
            if (max ? d > result || (d == 0 && result == 0 && !double.IsNegative(d)) : d < result || (d == 0 && result == 0 && double.IsNegative(d))) result = d;
        }
        return JsValue.FromNumber(nan ? double.NaN : result);
    }
}
