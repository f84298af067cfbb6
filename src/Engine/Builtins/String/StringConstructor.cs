using System.Text;

namespace DualEngine.Engine.Builtins;

/// <summary>The String constructor (§22.1.1-2).</summary>
internal static class StringConstructor
{
    public static void Install(Realm realm)
    {
        var proto = new JsPrimitiveWrapper(realm.Intrinsics.ObjectPrototype, JsValue.EmptyString);
        realm.Intrinsics.StringPrototype = proto;
        var ctor = ObjectBuilding.DefineConstructor(realm, "String", 1, Construct, proto);
        ctor.DefineMethod(realm, "fromCharCode", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            if (a.Length == 1) return JsValue.FromString(CharStrings.Get((char)Conversions.ToUint16(a[0])));
            var chars = new char[a.Length];
            for (int i = 0; i < a.Length; i++) chars[i] = (char)Conversions.ToUint16(a[i]);
            return JsValue.FromString(new string(chars));
        });
        ctor.DefineMethod(realm, "fromCodePoint", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var sb = new StringBuilder();
            foreach (var v in a)
            {
                double cp = Conversions.ToNumber(v);
                if (cp != Math.Floor(cp) || cp < 0 || cp > 0x10FFFF) Throw.RangeError("Invalid code point " + Conversions.ToString(v));
                sb.Append(cp <= 0xFFFF ? ((char)cp).ToString() : char.ConvertFromUtf32((int)cp));
            }
            return JsValue.FromString(sb.ToString());
        });
        ctor.DefineMethod(realm, "raw", 1, Raw);
        StringPrototype.Install(realm, proto);
    }

    /// <summary>String(value) (§22.1.1.1): symbols convert to their descriptive string when called.</summary>
    private static JsValue Construct(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, JsObject? newTarget)
    {
        JsValue s;
        if (args.Length == 0) s = JsValue.EmptyString;
        else if (newTarget is null && args[0].IsSymbol) return JsValue.FromString(args[0].AsSymbol().ToString());
        else s = Conversions.ToJsString(args[0]);
        if (newTarget is null) return s;
        var proto = JsFunction.GetPrototypeFromConstructor(newTarget, static i => i.StringPrototype);
        return JsValue.FromObject(new JsPrimitiveWrapper(proto, JsValue.FromString(s.AsString())));
    }

    /// <summary>String.raw (§22.1.2.4).</summary>
    private static JsValue Raw(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var cooked = Conversions.ToObject(realm, args.At(0));
        var raw = Conversions.ToObject(realm, cooked.Get("raw"));
        long len = ArrayOps.Length(raw);
        var sb = new StringBuilder();
        for (long i = 0; i < len; i++)
        {
            sb.Append(Conversions.ToString(ArrayOps.Get(raw, i)));
            if (i + 1 < len && i + 1 < args.Length) sb.Append(Conversions.ToString(args[(int)i + 1]));
        }
        return JsValue.FromString(sb.ToString());
    }
}
