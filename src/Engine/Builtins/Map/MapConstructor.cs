namespace DualEngine.Engine.Builtins;

/// <summary>Map (§24.1) and its iterator prototype.</summary>
internal static class MapConstructor
{
    public static void Install(Realm realm)
    {
        var proto = new JsObject(realm.Intrinsics.ObjectPrototype);
        realm.Intrinsics.MapPrototype = proto;
        var ctor = ObjectBuilding.DefineConstructor(realm, "Map", 0, Construct, proto);
        realm.Intrinsics.MapConstructor = ctor;
        ctor.DefineGetter(realm, WellKnownSymbols.Species, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => t);
        ctor.DefineMethod(realm, "groupBy", 2, GroupBy);
        proto.DefineMethod(realm, "get", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => This(t, "get").Store.TryGet(a.At(0), out var v) ? v : JsValue.Undefined);
        proto.DefineMethod(realm, "set", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => { This(t, "set").Store.Set(a.At(0), a.At(1)); return t; });
        proto.DefineMethod(realm, "has", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromBoolean(This(t, "has").Store.Has(a.At(0))));
        proto.DefineMethod(realm, "delete", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromBoolean(This(t, "delete").Store.Remove(a.At(0))));
        proto.DefineMethod(realm, "clear", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => { This(t, "clear").Store.Clear(); return JsValue.Undefined; });
        proto.DefineMethod(realm, "forEach", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var map = This(t, "forEach");
            var fn = ArrayOps.Callback(a.At(0), "forEach");
            for (var n = OrderedStore.NextLive(map.Store.Head); n is not null; n = OrderedStore.NextLive(n))
                fn.Call(a.At(1), [n.Value, n.Key, t]);
            return JsValue.Undefined;
        });
        proto.DefineGetter(realm, "size", (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromNumber(This(t, "size").Store.Count));
        proto.DefineMethod(realm, "keys", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Iterator(r, This(t, "keys"), IterationKind.Keys));
        proto.DefineMethod(realm, "values", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Iterator(r, This(t, "values"), IterationKind.Values));
        var entries = proto.DefineMethod(realm, "entries", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Iterator(r, This(t, "entries"), IterationKind.Entries));
        proto.FastSet(WellKnownSymbols.Iterator, JsValue.FromObject(entries), PropertyFlags.Hidden);
        proto.FastSet(WellKnownSymbols.ToStringTag, JsValue.FromString("Map"), PropertyFlags.Configurable);

        var iterProto = new JsObject(realm.Intrinsics.IteratorPrototype);
        realm.Intrinsics.MapIteratorPrototype = iterProto;
        iterProto.DefineMethod(realm, "next", 0, CollectionIteratorNext);
        iterProto.FastSet(WellKnownSymbols.ToStringTag, JsValue.FromString("Map Iterator"), PropertyFlags.Configurable);
    }

    private static JsCollection This(in JsValue v, string method) =>
        v._ref is JsCollection { IsMap: true } m ? m : Throw.TypeError<JsCollection>($"Method Map.prototype.{method} called on incompatible receiver {Conversions.ToDisplay(v)}");

    private static JsValue Iterator(Realm realm, JsCollection c, IterationKind kind) =>
        JsValue.FromObject(new JsCollectionIterator(c.IsMap ? realm.Intrinsics.MapIteratorPrototype : realm.Intrinsics.SetIteratorPrototype, c, kind));

    /// <summary>%MapIteratorPrototype%.next / %SetIteratorPrototype%.next.</summary>
    internal static JsValue CollectionIteratorNext(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        if (thisValue._ref is not JsCollectionIterator it) return Throw.TypeError<JsValue>("next method called on incompatible receiver");
        var node = it.Position is null ? null : OrderedStore.NextLive(it.Position);
        it.Position = node;
        if (node is null) return Interpreter.Machine.CreateIterResult(realm, JsValue.Undefined, true);
        JsValue value;
        switch (it.Kind)
        {
            case IterationKind.Keys: value = node.Key; break;
            case IterationKind.Values: value = it.IsMap ? node.Value : node.Key; break;
            default:
                var pair = realm.NewArray(2);
                pair.Push(node.Key);
                pair.Push(it.IsMap ? node.Value : node.Key);
                value = JsValue.FromObject(pair);
                break;
        }
        return Interpreter.Machine.CreateIterResult(realm, value, false);
    }

    internal static JsValue SetIterator(Realm realm, JsCollection c, IterationKind kind) => Iterator(realm, c, kind);

    /// <summary>Map(iterable) (§24.1.1.1) via AddEntriesFromIterable (§24.1.1.2).</summary>
    private static JsValue Construct(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, JsObject? newTarget)
    {
        if (newTarget is null) Throw.TypeError("Constructor Map requires 'new'");
        var map = new JsCollection(JsFunction.GetPrototypeFromConstructor(newTarget!, static i => i.MapPrototype), isMap: true);
        var iterable = args.At(0);
        if (iterable.IsNullish) return JsValue.FromObject(map);
        var adder = map.Get("set");
        if (adder._ref is not JsFunction add) return Throw.TypeError<JsValue>("'set' returned for property 'set' of object is not a function");
        var rec = Interpreter.IteratorRecord.From(realm, iterable);
        var self = JsValue.FromObject(map);
        while (rec.Step(out var entry))
        {
            try
            {
                if (!entry.IsObject) Throw.TypeError("Iterator value " + Conversions.ToDisplay(entry) + " is not an entry object");
                var e = entry.AsObject();
                add.Call(self, [e.Get(PropertyKey.FromIndex(0)), e.Get(PropertyKey.FromIndex(1))]);
            }
            catch (JsThrowable)
            {
                rec.CloseQuietly();
                throw;
            }
        }
        return self;
    }

    /// <summary>Map.groupBy (§24.1.2.1).</summary>
    private static JsValue GroupBy(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var cb = ArrayOps.Callback(args.At(1), "groupBy");
        var map = new JsCollection(realm.Intrinsics.MapPrototype, isMap: true);
        var rec = Interpreter.IteratorRecord.From(realm, args.At(0));
        int k = 0;
        while (rec.Step(out var value))
        {
            var key = cb.Call(JsValue.Undefined, [value, JsValue.FromNumber(k++)]);
            if (!map.Store.TryGet(key, out var group))
            {
                group = JsValue.FromObject(realm.NewArray());
                map.Store.Set(key, group);
            }
            ((JsArray)group.AsObject()).Push(value);
        }
        return JsValue.FromObject(map);
    }
}
