using System.Runtime.CompilerServices;

namespace DualEngine.Engine.Builtins;

/// <summary>A WeakMap or WeakSet instance: entries held by a ConditionalWeakTable, so keys stay collectable.</summary>
internal sealed class JsWeakCollection(JsObject prototype, bool isMap) : JsObject(prototype)
{
    public readonly ConditionalWeakTable<object, StrongBox<JsValue>> Table = new();
    public readonly bool IsMap = isMap;
    public override string ClassName => IsMap ? "WeakMap" : "WeakSet";

    /// <summary>CanBeHeldWeakly (§9.13): objects and non-registered symbols.</summary>
    public static object? WeakKey(in JsValue v) =>
        v.IsObject ? v.AsObject() : v.IsSymbol && v.AsSymbol().RegistryKey is null ? v.AsSymbol() : null;
}

/// <summary>WeakMap (§24.3).</summary>
internal static class WeakMapConstructor
{
    public static void Install(Realm realm)
    {
        var proto = new JsObject(realm.Intrinsics.ObjectPrototype);
        realm.Intrinsics.WeakMapPrototype = proto;
        ObjectBuilding.DefineConstructor(realm, "WeakMap", 0, Construct, proto);
        // get/has/delete (§24.3.3.2-4) check [[WeakMapData]] (step 2) before looking at the key.
        proto.DefineMethod(realm, "get", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            This(t, "get") is var map && JsWeakCollection.WeakKey(a.At(0)) is { } k && map.Table.TryGetValue(k, out var box) ? box.Value : JsValue.Undefined);
        proto.DefineMethod(realm, "set", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var map = This(t, "set");
            var k = JsWeakCollection.WeakKey(a.At(0)) ?? Throw.TypeError<object>("Invalid value used as weak map key");
            map.Table.AddOrUpdate(k, new StrongBox<JsValue>(a.At(1)));
            return t;
        });
        proto.DefineMethod(realm, "has", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromBoolean(This(t, "has") is var map && JsWeakCollection.WeakKey(a.At(0)) is { } k && map.Table.TryGetValue(k, out _)));
        proto.DefineMethod(realm, "delete", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromBoolean(This(t, "delete") is var map && JsWeakCollection.WeakKey(a.At(0)) is { } k && map.Table.Remove(k)));
        proto.FastSet(WellKnownSymbols.ToStringTag, JsValue.FromString("WeakMap"), PropertyFlags.Configurable);
    }

    private static JsWeakCollection This(in JsValue v, string method) =>
        v._ref is JsWeakCollection { IsMap: true } m ? m : Throw.TypeError<JsWeakCollection>($"Method WeakMap.prototype.{method} called on incompatible receiver");

    private static JsValue Construct(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, JsObject? newTarget)
    {
        if (newTarget is null) Throw.TypeError("Constructor WeakMap requires 'new'");
        var map = new JsWeakCollection(JsFunction.GetPrototypeFromConstructor(newTarget!, static i => i.WeakMapPrototype), isMap: true);
        if (args.At(0).IsNullish) return JsValue.FromObject(map);
        var add = map.Get("set")._ref as JsFunction ?? Throw.TypeError<JsFunction>("WeakMap.prototype.set is not a function");
        var rec = Interpreter.IteratorRecord.From(realm, args.At(0));
        while (rec.Step(out var entry))
        {
            // AddEntriesFromIterable (§24.1.1.2): a non-object entry, a throwing Get of "0"/"1" or a throwing
            // adder closes the iterator (IfAbruptCloseIterator) before the error propagates.
            try
            {
                if (!entry.IsObject) Throw.TypeError("Iterator value " + Conversions.ToDisplay(entry) + " is not an entry object");
                var e = entry.AsObject();
                add.Call(JsValue.FromObject(map), [e.Get(PropertyKey.FromIndex(0)), e.Get(PropertyKey.FromIndex(1))]);
            }
            catch (JsThrowable)
            {
                rec.CloseQuietly();
                throw;
            }
        }
        return JsValue.FromObject(map);
    }
}

