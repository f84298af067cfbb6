namespace DualEngine.Engine.Builtins;

/// <summary>The Reflect object (§28.1): the internal methods as functions.</summary>
internal static class ReflectObject
{
    public static void Install(Realm realm)
    {
        var reflect = new JsObject(realm.Intrinsics.ObjectPrototype);
        realm.GlobalObject.FastSet("Reflect", JsValue.FromObject(reflect), PropertyFlags.Hidden);
        reflect.FastSet(WellKnownSymbols.ToStringTag, JsValue.FromString("Reflect"), PropertyFlags.Configurable);
        reflect.DefineMethod(realm, "apply", 3, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            ArrayOps.Callback(a.At(0), "apply").Call(a.At(1), FunctionConstructor.CreateListFromArrayLike(a.At(2))));
        reflect.DefineMethod(realm, "construct", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            if (a.At(0)._ref is not JsFunction { IsConstructor: true } target) return Throw.TypeError<JsValue>(Conversions.ToDisplay(a.At(0)) + " is not a constructor");
            var nt = a.Length > 2 ? a[2] : a.At(0);
            if (nt._ref is not JsFunction { IsConstructor: true } newTarget) return Throw.TypeError<JsValue>(Conversions.ToDisplay(nt) + " is not a constructor");
            return target.Construct(FunctionConstructor.CreateListFromArrayLike(a.At(1)), newTarget);
        });
        reflect.DefineMethod(realm, "defineProperty", 3, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromBoolean(Target(a).DefineOwnProperty(Conversions.ToPropertyKey(a.At(1)), ObjectConstructor.ToPropertyDescriptor(a.At(2)))));
        reflect.DefineMethod(realm, "deleteProperty", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromBoolean(Target(a).Delete(Conversions.ToPropertyKey(a.At(1)))));
        reflect.DefineMethod(realm, "get", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            Target(a).Get(Conversions.ToPropertyKey(a.At(1)), a.Length > 2 ? a[2] : a.At(0)));
        reflect.DefineMethod(realm, "getOwnPropertyDescriptor", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            Target(a).GetOwnProperty(Conversions.ToPropertyKey(a.At(1)), out var d) ? JsValue.FromObject(ObjectConstructor.FromPropertyDescriptor(r, d)) : JsValue.Undefined);
        reflect.DefineMethod(realm, "getPrototypeOf", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            Target(a).GetPrototypeOf() is { } p ? JsValue.FromObject(p) : JsValue.Null);
        reflect.DefineMethod(realm, "has", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromBoolean(Target(a).HasProperty(Conversions.ToPropertyKey(a.At(1)))));
        reflect.DefineMethod(realm, "isExtensible", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromBoolean(Target(a).IsExtensible()));
        reflect.DefineMethod(realm, "ownKeys", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var list = r.NewArray();
            foreach (var key in Target(a).OwnPropertyKeys()) list.Push(key.ToJsValue());
            return JsValue.FromObject(list);
        });
        reflect.DefineMethod(realm, "preventExtensions", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromBoolean(Target(a).PreventExtensions()));
        reflect.DefineMethod(realm, "set", 3, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromBoolean(Target(a).Set(Conversions.ToPropertyKey(a.At(1)), a.At(2), a.Length > 3 ? a[3] : a.At(0))));
        reflect.DefineMethod(realm, "setPrototypeOf", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var proto = a.At(1);
            if (!proto.IsObject && !proto.IsNull) Throw.TypeError("Object prototype may only be an Object or null");
            return JsValue.FromBoolean(Target(a).SetPrototypeOf(proto.TryObject));
        });
    }

    private static JsObject Target(ReadOnlySpan<JsValue> args) =>
        args.At(0).TryObject ?? Throw.TypeError<JsObject>("Reflect method called on non-object");
}
