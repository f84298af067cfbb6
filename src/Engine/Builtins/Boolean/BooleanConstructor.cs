namespace DualEngine.Engine.Builtins;

/// <summary>The Boolean constructor (§20.3.1) and Boolean.prototype (§20.3.3).</summary>
internal static class BooleanConstructor
{
    public static void Install(Realm realm)
    {
        var proto = new JsPrimitiveWrapper(realm.Intrinsics.ObjectPrototype, JsValue.False);
        realm.Intrinsics.BooleanPrototype = proto;
        ObjectBuilding.DefineConstructor(realm, "Boolean", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a, JsObject? nt) =>
        {
            var b = JsValue.FromBoolean(Conversions.ToBoolean(a.At(0)));
            if (nt is null) return b;
            return JsValue.FromObject(new JsPrimitiveWrapper(JsFunction.GetPrototypeFromConstructor(nt, static i => i.BooleanPrototype), b));
        }, proto);
        proto.DefineMethod(realm, "toString", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromString(ThisBoolean(t) ? "true" : "false"));
        proto.DefineMethod(realm, "valueOf", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromBoolean(ThisBoolean(t)));
    }

    private static bool ThisBoolean(in JsValue v)
    {
        if (v.IsBoolean) return v.AsBoolean();
        if (v._ref is JsPrimitiveWrapper { PrimitiveValue.IsBoolean: true } w) return w.PrimitiveValue.AsBoolean();
        return Throw.TypeError<bool>("Boolean.prototype.valueOf requires that 'this' be a Boolean");
    }
}
