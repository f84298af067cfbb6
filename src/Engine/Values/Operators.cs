using System.Numerics;

namespace DualEngine.Engine.Values;

/// <summary>Comparison and operator semantics (§7.2, §13.5-§13.15) shared by the interpreter and builtins.</summary>
internal static class Operators
{
    /// <summary>SameValue (§7.2.10).</summary>
    public static bool SameValue(in JsValue x, in JsValue y)
    {
        if (x.IsNumber && y.IsNumber)
        {
            double a = x._number, b = y._number;
            if (double.IsNaN(a)) return double.IsNaN(b);
            return a == b && double.IsNegative(a) == double.IsNegative(b);
        }
        return SameValueNonNumber(x, y);
    }

    /// <summary>SameValueZero (§7.2.11).</summary>
    public static bool SameValueZero(in JsValue x, in JsValue y)
    {
        if (x.IsNumber && y.IsNumber)
            return x._number == y._number || (double.IsNaN(x._number) && double.IsNaN(y._number));
        return SameValueNonNumber(x, y);
    }

    private static bool SameValueNonNumber(in JsValue x, in JsValue y)
    {
        if (x._tag != y._tag) return (x.IsUndefined && y.IsEmpty) || (x.IsEmpty && y.IsUndefined);
        return x._tag switch
        {
            JsValue.Tag.Undefined or JsValue.Tag.Null or JsValue.Tag.Empty => true,
            JsValue.Tag.Boolean => x._bits == y._bits,
            JsValue.Tag.String => ReferenceEquals(x._ref, y._ref) || x.AsString() == y.AsString(),
            JsValue.Tag.BigInt => x.AsBigInt().Value == y.AsBigInt().Value,
            _ => ReferenceEquals(x._ref, y._ref),
        };
    }

    /// <summary>IsStrictlyEqual (§7.2.15).</summary>
    public static bool StrictEquals(in JsValue x, in JsValue y)
    {
        if (x.IsNumber && y.IsNumber) return x._number == y._number;
        return SameValueNonNumber(x, y);
    }

    /// <summary>IsLooselyEqual (§7.2.14), iterative over the conversions.</summary>
    public static bool LooseEquals(JsValue x, JsValue y)
    {
        while (true)
        {
            if (x._tag == y._tag || (x.IsNullish && y.IsNullish)) return x.IsNullish && y.IsNullish || StrictEquals(x, y);
            if (x.IsNullish || y.IsNullish) return false;
            if (x.IsNumber && y.IsString) return x._number == Conversions.StringToNumber(y.AsString());
            if (x.IsString && y.IsNumber) return Conversions.StringToNumber(x.AsString()) == y._number;
            if (x.IsBigInt && y.IsString)
            {
                var n = Conversions.StringToBigInt(y.AsString());
                return n is not null && n.Value == x.AsBigInt().Value;
            }
            if (x.IsString && y.IsBigInt) { (x, y) = (y, x); continue; }
            if (x.IsBoolean) { x = JsValue.FromNumber(x.AsBoolean() ? 1 : 0); continue; }
            if (y.IsBoolean) { y = JsValue.FromNumber(y.AsBoolean() ? 1 : 0); continue; }
            if (y.IsObject && !x.IsObject) { y = Conversions.ToPrimitive(y); continue; }
            if (x.IsObject && !y.IsObject) { x = Conversions.ToPrimitive(x); continue; }
            if (x.IsBigInt && y.IsNumber || x.IsNumber && y.IsBigInt)
            {
                var big = x.IsBigInt ? x.AsBigInt().Value : y.AsBigInt().Value;
                double d = x.IsNumber ? x._number : y._number;
                if (double.IsNaN(d) || double.IsInfinity(d) || d != Math.Floor(d)) return false;
                return big == new BigInteger(d);
            }
            return false;
        }
    }

    /// <summary>The typeof operator (§13.5.3).</summary>
    public static string TypeOf(in JsValue v) => v._tag switch
    {
        JsValue.Tag.Undefined or JsValue.Tag.Empty => "undefined",
        JsValue.Tag.Null => "object",
        JsValue.Tag.Boolean => "boolean",
        JsValue.Tag.Number => "number",
        JsValue.Tag.String => "string",
        JsValue.Tag.Symbol => "symbol",
        JsValue.Tag.BigInt => "bigint",
        _ => v.AsObject() is JsFunction ? "function" : "object",
    };

    /// <summary>The + operator (§13.15.3 ApplyStringOrNumericBinaryOperator, step 1-2): concatenation keeps ropes.</summary>
    public static JsValue Add(in JsValue a, in JsValue b)
    {
        // The common cases only call on: no JsValue temporaries here, so the method has no stack to zero.
        if (a.IsString)
        {
            if (b.IsString) return JsRope.Concat(a, b);
            if (b.IsNumber) return JsRope.ConcatNumber(a, b._number, numberFirst: false);
        }
        else if (a.IsNumber)
        {
            if (b.IsNumber) return JsValue.FromNumber(a._number + b._number);
            if (b.IsString) return JsRope.ConcatNumber(b, a._number, numberFirst: true);
        }
        return AddSlow(a, b);
    }

    /// <summary>+ with an object, boolean, nullish, symbol or bigint operand: ToPrimitive both, then concatenate or add.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JsValue AddSlow(in JsValue a, in JsValue b)
    {
        var lp = Conversions.ToPrimitive(a);
        var rp = Conversions.ToPrimitive(b);
        if (lp.IsString || rp.IsString)
            return JsRope.Concat(Conversions.ToJsString(lp), Conversions.ToJsString(rp));
        return Arithmetic(BinaryOp.Add, lp, rp);
    }

    public enum BinaryOp : byte { Add, Sub, Mul, Div, Mod, Exp, Shl, Sar, Shr, BitAnd, BitOr, BitXor }

    /// <summary>Numeric binary operators after ToNumeric (§13.15.3 steps 3-8, §6.1.6.1 / §6.1.6.2).</summary>
    public static JsValue Arithmetic(BinaryOp op, in JsValue a, in JsValue b)
    {
        var l = Conversions.ToNumeric(a);
        var r = Conversions.ToNumeric(b);
        if (l.IsBigInt != r.IsBigInt) Throw.TypeError("Cannot mix BigInt and other types, use explicit conversions");
        if (l.IsBigInt) return JsValue.FromBigInt(BigIntArithmetic(op, l.AsBigInt().Value, r.AsBigInt().Value));
        return JsValue.FromNumber(NumberArithmetic(op, l._number, r._number));
    }

    public static double NumberArithmetic(BinaryOp op, double x, double y) => op switch
    {
        BinaryOp.Add => x + y,
        BinaryOp.Sub => x - y,
        BinaryOp.Mul => x * y,
        BinaryOp.Div => x / y,
        BinaryOp.Mod => Modulo(x, y),
        BinaryOp.Exp => Power(x, y),
        BinaryOp.Shl => Conversions.DoubleToInt32(x) << (Conversions.DoubleToInt32(y) & 31),
        BinaryOp.Sar => Conversions.DoubleToInt32(x) >> (Conversions.DoubleToInt32(y) & 31),
        BinaryOp.Shr => (uint)Conversions.DoubleToInt32(x) >> (Conversions.DoubleToInt32(y) & 31),
        BinaryOp.BitAnd => Conversions.DoubleToInt32(x) & Conversions.DoubleToInt32(y),
        BinaryOp.BitOr => Conversions.DoubleToInt32(x) | Conversions.DoubleToInt32(y),
        _ => Conversions.DoubleToInt32(x) ^ Conversions.DoubleToInt32(y),
    };

    /// <summary>Number::remainder (§6.1.6.1.6): the sign follows the dividend, as C#'s % does.</summary>
    public static double Modulo(double x, double y)
    {
        // Integer fast path (`i % n`): with an int dividend and a positive int divisor, C#'s int % agrees with
        // fmod except for the sign of a zero result, which follows the dividend (-4 % 2 is -0, and -0 % n is -0).
        // NaN, infinities, fractions and divisors <= 0 take fmod.
        int ix = (int)x, iy = (int)y;
        if (ix == x && iy == y && iy > 0)
        {
            if (ix == 0) return x; // +0 or -0, kept
            int r = ix % iy;
            return r == 0 && ix < 0 ? -0.0 : r;
        }
        return x % y;
    }

    /// <summary>Number::exponentiate (§6.1.6.1.3): differs from Math.Pow for ±1 ** ±Infinity and 1 ** NaN.</summary>
    public static double Power(double x, double y)
    {
        if (double.IsNaN(y)) return double.NaN;
        if (double.IsInfinity(y) && Math.Abs(x) == 1) return double.NaN;
        return Math.Pow(x, y);
    }

    private static BigInteger BigIntArithmetic(BinaryOp op, BigInteger x, BigInteger y)
    {
        switch (op)
        {
            case BinaryOp.Add: return x + y;
            case BinaryOp.Sub: return x - y;
            case BinaryOp.Mul: return x * y;
            case BinaryOp.Div:
                if (y.IsZero) Throw.RangeError("Division by zero");
                return BigInteger.Divide(x, y);
            case BinaryOp.Mod:
                if (y.IsZero) Throw.RangeError("Division by zero");
                return BigInteger.Remainder(x, y);
            case BinaryOp.Exp:
                if (y.Sign < 0) Throw.RangeError("Exponent must be non-negative");
                if (y > 1_000_000) Throw.RangeError("Maximum BigInt size exceeded");
                return BigInteger.Pow(x, (int)y);
            case BinaryOp.Shl: return y.Sign >= 0 ? x << (int)y : x >> (int)-y;
            case BinaryOp.Sar: return y.Sign >= 0 ? x >> (int)y : x << (int)-y;
            case BinaryOp.Shr: return Throw.TypeError<BigInteger>("BigInts have no unsigned right shift, use >> instead");
            case BinaryOp.BitAnd: return x & y;
            case BinaryOp.BitOr: return x | y;
            default: return x ^ y;
        }
    }

    /// <summary>
    /// IsLessThan (§7.2.13). Returns null for undefined (a NaN was involved).
    /// <paramref name="leftFirst"/> controls the order of ToPrimitive calls.
    /// </summary>
    public static bool? LessThan(in JsValue x, in JsValue y, bool leftFirst)
    {
        if (x.IsNumber && y.IsNumber)
        {
            if (double.IsNaN(x._number) || double.IsNaN(y._number)) return null;
            return x._number < y._number;
        }
        JsValue px, py;
        if (leftFirst)
        {
            px = Conversions.ToPrimitive(x, Conversions.Hint.Number);
            py = Conversions.ToPrimitive(y, Conversions.Hint.Number);
        }
        else
        {
            py = Conversions.ToPrimitive(y, Conversions.Hint.Number);
            px = Conversions.ToPrimitive(x, Conversions.Hint.Number);
        }
        if (px.IsString && py.IsString) return string.CompareOrdinal(px.AsString(), py.AsString()) < 0;
        if (px.IsBigInt && py.IsString)
        {
            var ny = Conversions.StringToBigInt(py.AsString());
            return ny is null ? null : px.AsBigInt().Value < ny.Value;
        }
        if (px.IsString && py.IsBigInt)
        {
            var nx = Conversions.StringToBigInt(px.AsString());
            return nx is null ? null : nx.Value < py.AsBigInt().Value;
        }
        var nlx = Conversions.ToNumeric(px);
        var nly = Conversions.ToNumeric(py);
        if (nlx.IsBigInt && nly.IsBigInt) return nlx.AsBigInt().Value < nly.AsBigInt().Value;
        if (nlx.IsNumber && nly.IsNumber)
        {
            if (double.IsNaN(nlx._number) || double.IsNaN(nly._number)) return null;
            return nlx._number < nly._number;
        }
        // One BigInt, one Number.
        double d = nlx.IsNumber ? nlx._number : nly._number;
        if (double.IsNaN(d)) return null;
        if (double.IsInfinity(d)) return nlx.IsNumber ? d < 0 : d > 0;
        var big = nlx.IsBigInt ? nlx.AsBigInt().Value : nly.AsBigInt().Value;
        var floor = new BigInteger(Math.Floor(d));
        if (nlx.IsBigInt) return big < floor || (big == floor && d != Math.Floor(d));
        return floor < big;
    }

    /// <summary>InstanceofOperator (§13.10.2).</summary>
    public static bool InstanceOf(in JsValue value, in JsValue target)
    {
        if (!target.IsObject) Throw.TypeError("Right-hand side of 'instanceof' is not an object");
        var handler = target.AsObject().Get(WellKnownSymbols.HasInstance, target);
        if (!handler.IsNullish)
        {
            if (!handler.IsCallable) Throw.TypeError("Symbol.hasInstance is not a function");
            return Conversions.ToBoolean(((JsFunction)handler.AsObject()).Call(target, new ReadOnlySpan<JsValue>(in value)));
        }
        if (!target.IsCallable) Throw.TypeError("Right-hand side of 'instanceof' is not callable");
        return OrdinaryHasInstance(target, value);
    }

    /// <summary>OrdinaryHasInstance (§7.3.21).</summary>
    public static bool OrdinaryHasInstance(in JsValue c, in JsValue o)
    {
        if (!c.IsCallable) return false;
        if (c.AsObject() is BoundFunction bound) return InstanceOf(o, JsValue.FromObject(bound.Target));
        if (!o.IsObject) return false;
        var proto = c.AsObject().Get("prototype", c);
        if (!proto.IsObject) Throw.TypeError("Function has non-object prototype in instanceof check");
        var p = proto.AsObject();
        for (var cur = o.AsObject().GetPrototypeOf(); cur is not null; cur = cur.GetPrototypeOf())
            if (ReferenceEquals(cur, p)) return true;
        return false;
    }
}
