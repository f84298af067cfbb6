namespace DualEngine.Engine.Builtins;

/// <summary>Set (§24.2) and its iterator prototype.</summary>
internal static class SetConstructor
{
    public static void Install(Realm realm)
    {
        var proto = new JsObject(realm.Intrinsics.ObjectPrototype);
        realm.Intrinsics.SetPrototype = proto;
        var ctor = ObjectBuilding.DefineConstructor(realm, "Set", 0, Construct, proto);
        realm.Intrinsics.SetConstructor = ctor;
        ctor.DefineGetter(realm, WellKnownSymbols.Species, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => t);
        proto.DefineMethod(realm, "add", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => { This(t, "add").Store.Set(a.At(0), a.At(0)); return t; });
        proto.DefineMethod(realm, "has", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromBoolean(This(t, "has").Store.Has(a.At(0))));
        proto.DefineMethod(realm, "delete", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromBoolean(This(t, "delete").Store.Remove(a.At(0))));
        proto.DefineMethod(realm, "clear", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => { This(t, "clear").Store.Clear(); return JsValue.Undefined; });
        proto.DefineMethod(realm, "forEach", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var set = This(t, "forEach");
            var fn = ArrayOps.Callback(a.At(0), "forEach");
            for (var n = OrderedStore.NextLive(set.Store.Head); n is not null; n = OrderedStore.NextLive(n))
                fn.Call(a.At(1), [n.Key, n.Key, t]);
            return JsValue.Undefined;
        });
        proto.DefineGetter(realm, "size", (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromNumber(This(t, "size").Store.Count));
        var values = proto.DefineMethod(realm, "values", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => MapConstructor.SetIterator(r, This(t, "values"), IterationKind.Values));
        proto.FastSet("keys", JsValue.FromObject(values), PropertyFlags.Hidden);
        proto.DefineMethod(realm, "entries", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => MapConstructor.SetIterator(r, This(t, "entries"), IterationKind.Entries));
        proto.FastSet(WellKnownSymbols.Iterator, JsValue.FromObject(values), PropertyFlags.Hidden);
        proto.FastSet(WellKnownSymbols.ToStringTag, JsValue.FromString("Set"), PropertyFlags.Configurable);

        var iterProto = new JsObject(realm.Intrinsics.IteratorPrototype);
        realm.Intrinsics.SetIteratorPrototype = iterProto;
        iterProto.DefineMethod(realm, "next", 0, MapConstructor.CollectionIteratorNext);
        iterProto.FastSet(WellKnownSymbols.ToStringTag, JsValue.FromString("Set Iterator"), PropertyFlags.Configurable);
    }

    private static JsCollection This(in JsValue v, string method) =>
        v._ref is JsCollection { IsMap: false } s ? s : Throw.TypeError<JsCollection>($"Method Set.prototype.{method} called on incompatible receiver {Conversions.ToDisplay(v)}");

    /// <summary>Set(iterable) (§24.2.1.1).</summary>
    private static JsValue Construct(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, JsObject? newTarget)
    {
        if (newTarget is null) Throw.TypeError("Constructor Set requires 'new'");
        var set = new JsCollection(JsFunction.GetPrototypeFromConstructor(newTarget!, static i => i.SetPrototype), isMap: false);
        var iterable = args.At(0);
        if (iterable.IsNullish) return JsValue.FromObject(set);
        var adder = set.Get("add");
        if (adder._ref is not JsFunction add) return Throw.TypeError<JsValue>("'add' returned for property 'add' of object is not a function");
        var self = JsValue.FromObject(set);
        var rec = Interpreter.IteratorRecord.From(realm, iterable);
        while (rec.Step(out var v))
        {
            try { add.Call(self, [v]); }
            catch (JsThrowable) { rec.CloseQuietly(); throw; }
        }
        return self;
    }
}
