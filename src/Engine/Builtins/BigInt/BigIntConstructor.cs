using System.Numerics;

namespace DualEngine.Engine.Builtins;

/// <summary>The BigInt constructor (§21.2.1-2) and BigInt.prototype (§21.2.3).</summary>
internal static class BigIntConstructor
{
    public static void Install(Realm realm)
    {
        var proto = new JsObject(realm.Intrinsics.ObjectPrototype);
        realm.Intrinsics.BigIntPrototype = proto;
        var ctor = ObjectBuilding.DefineConstructor(realm, "BigInt", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a, JsObject? nt) =>
        {
            if (nt is not null) Throw.TypeError("BigInt is not a constructor");
            var prim = Conversions.ToPrimitive(a.At(0), Conversions.Hint.Number);
            if (prim.IsNumber)
            {
                double d = prim.AsNumber();
                if (!double.IsFinite(d) || Math.Truncate(d) != d) Throw.RangeError($"The number {NumberFormatting.ToJsString(d)} cannot be converted to a BigInt because it is not an integer");
                return JsValue.FromBigInt(new BigInteger(d));
            }
            return JsValue.FromBigInt(Conversions.ToBigInt(prim));
        }, proto);
        ctor.DefineMethod(realm, "asUintN", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            long bits = Conversions.ToIndex(a.At(0));
            var n = Conversions.ToBigInt(a.At(1));
            var mod = BigInteger.One << (int)bits;
            var result = BigInteger.Remainder(n, mod);
            if (result.Sign < 0) result += mod;
            return JsValue.FromBigInt(result);
        });
        ctor.DefineMethod(realm, "asIntN", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            long bits = Conversions.ToIndex(a.At(0));
            var n = Conversions.ToBigInt(a.At(1));
            if (bits == 0) return JsValue.FromBigInt(BigInteger.Zero);
            var mod = BigInteger.One << (int)bits;
            var result = BigInteger.Remainder(n, mod);
            if (result.Sign < 0) result += mod;
            if (result >= mod >> 1) result -= mod;
            return JsValue.FromBigInt(result);
        });
        proto.DefineMethod(realm, "toString", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var v = ThisBigInt(t);
            int radix = a.At(0).IsUndefined ? 10 : (int)Conversions.ToIntegerOrInfinity(a.At(0));
            if (radix < 2 || radix > 36) Throw.RangeError("toString() radix must be between 2 and 36");
            if (radix == 10) return JsValue.FromString(v.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var sb = new System.Text.StringBuilder();
            var abs = BigInteger.Abs(v);
            if (abs.IsZero) return JsValue.FromString("0");
            while (!abs.IsZero)
            {
                int d = (int)(abs % radix);
                sb.Insert(0, (char)(d < 10 ? '0' + d : 'a' + d - 10));
                abs /= radix;
            }
            if (v.Sign < 0) sb.Insert(0, '-');
            return JsValue.FromString(sb.ToString());
        });
        proto.DefineMethod(realm, "valueOf", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromBigInt(ThisBigInt(t)));
        proto.DefineMethod(realm, "toLocaleString", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromString(ThisBigInt(t).ToString()));
        proto.FastSet(WellKnownSymbols.ToStringTag, JsValue.FromString("BigInt"), PropertyFlags.Configurable);
    }

    private static BigInteger ThisBigInt(in JsValue v)
    {
        if (v.IsBigInt) return v.AsBigInt().Value;
        if (v._ref is JsPrimitiveWrapper { PrimitiveValue.IsBigInt: true } w) return w.PrimitiveValue.AsBigInt().Value;
        return Throw.TypeError<BigInteger>("BigInt.prototype.valueOf requires that 'this' be a BigInt");
    }
}
