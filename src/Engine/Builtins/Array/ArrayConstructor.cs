namespace DualEngine.Engine.Builtins;

/// <summary>The Array constructor (§23.1.1) and its static methods (§23.1.2).</summary>
internal static class ArrayConstructor
{
    public static void Install(Realm realm)
    {
        var proto = new JsArray(realm.Intrinsics.ObjectPrototype);
        realm.Intrinsics.ArrayPrototype = proto;
        var ctor = ObjectBuilding.DefineConstructor(realm, "Array", 1, Construct, proto);
        realm.Intrinsics.ArrayConstructor = ctor;
        ctor.DefineMethod(realm, "isArray", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromBoolean(IsArray(a.At(0))));
        ctor.DefineMethod(realm, "of", 0, Of);
        ctor.DefineMethod(realm, "from", 1, From);
        ctor.DefineGetter(realm, WellKnownSymbols.Species, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => t);
        ArrayPrototype.Install(realm, proto);
    }

    /// <summary>IsArray (§7.2.2), seeing through proxies.</summary>
    public static bool IsArray(in JsValue v) => v._ref switch
    {
        JsArray => true,
        JsProxy p => p.Target is { } t ? IsArray(JsValue.FromObject(t)) : Throw.TypeError<bool>("Cannot perform 'IsArray' on a proxy that has been revoked"),
        JsFunctionProxy => false,
        _ => false,
    };

    /// <summary>Array(...values) (§23.1.1.1).</summary>
    private static JsValue Construct(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, JsObject? newTarget)
    {
        var proto = newTarget is null ? realm.Intrinsics.ArrayPrototype : JsFunction.GetPrototypeFromConstructor(newTarget, static i => i.ArrayPrototype);
        if (args.Length == 1 && args[0].IsNumber)
        {
            uint len = Conversions.ToUint32(args[0]);
            if (len != args[0].AsNumber()) Throw.RangeError("Invalid array length");
            var sized = new JsArray(proto, (int)Math.Min(len, 1 << 16));
            sized.DefineOwnProperty("length", new PropertyDescriptor { Has = PropertyDescriptor.Fields.Value, Value = JsValue.FromNumber(len) });
            return JsValue.FromObject(sized);
        }
        var arr = new JsArray(proto, args.ToArray(), args.Length);
        return JsValue.FromObject(arr);
    }

    private static JsObject ConstructFrom(Realm realm, in JsValue c, long? length)
    {
        if (c._ref is JsFunction { IsConstructor: true } ctor && !ReferenceEquals(ctor, realm.Intrinsics.ArrayConstructor))
            return ctor.Construct(length is { } l ? [JsValue.FromNumber(l)] : [], ctor).AsObject();
        return ArrayOps.ArrayCreate(realm, length ?? 0);
    }

    /// <summary>Array.of (§23.1.2.3).</summary>
    private static JsValue Of(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var a = ConstructFrom(realm, thisValue, args.Length);
        for (int i = 0; i < args.Length; i++) ArrayOps.Create(a, i, args[i]);
        ArrayOps.SetLength(a, args.Length);
        return JsValue.FromObject(a);
    }

    /// <summary>Array.from (§23.1.2.1).</summary>
    private static JsValue From(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var items = args.At(0);
        var mapArg = args.At(1);
        JsFunction? mapFn = null;
        if (!mapArg.IsUndefined) mapFn = ArrayOps.Callback(mapArg, "from");
        var thisArg = args.At(2);
        if (items.IsNullish) Throw.TypeError(Conversions.ToDisplay(items) + " is not iterable");
        var usingIterator = Interpreter.Machine.GetNamedSlow(realm, items, WellKnownSymbols.Iterator, null);
        if (!usingIterator.IsNullish)
        {
            var a = ConstructFrom(realm, thisValue, null);
            var rec = Interpreter.IteratorRecord.From(realm, items);
            long k = 0;
            while (rec.Step(out var next))
            {
                // §23.1.2.1 step 5.e.vi-ix: an abrupt mapfn call or CreateDataPropertyOrThrow closes the iterator.
                try
                {
                    var v = mapFn is not null ? mapFn.Call(thisArg, [next, JsValue.FromNumber(k)]) : next;
                    ArrayOps.Create(a, k, v);
                }
                catch (JsThrowable) { rec.CloseQuietly(); throw; }
                k++;
            }
            ArrayOps.SetLength(a, k);
            return JsValue.FromObject(a);
        }
        var arrayLike = Conversions.ToObject(realm, items);
        long len = ArrayOps.Length(arrayLike);
        var result = ConstructFrom(realm, thisValue, len);
        for (long k = 0; k < len; k++)
        {
            var v = ArrayOps.Get(arrayLike, k);
            if (mapFn is not null) v = mapFn.Call(thisArg, [v, JsValue.FromNumber(k)]);
            ArrayOps.Create(result, k, v);
        }
        ArrayOps.SetLength(result, len);
        return JsValue.FromObject(result);
    }
}
