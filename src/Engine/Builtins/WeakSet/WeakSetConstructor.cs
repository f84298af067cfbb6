using System.Runtime.CompilerServices;

namespace DualEngine.Engine.Builtins;

/// <summary>WeakSet (§24.4).</summary>
internal static class WeakSetConstructor
{
    public static void Install(Realm realm)
    {
        var proto = new JsObject(realm.Intrinsics.ObjectPrototype);
        realm.Intrinsics.WeakSetPrototype = proto;
        ObjectBuilding.DefineConstructor(realm, "WeakSet", 0, Construct, proto);
        proto.DefineMethod(realm, "add", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var set = This(t, "add");
            var k = JsWeakCollection.WeakKey(a.At(0)) ?? Throw.TypeError<object>("Invalid value used in weak set");
            set.Table.AddOrUpdate(k, new StrongBox<JsValue>(JsValue.True));
            return t;
        });
        proto.DefineMethod(realm, "has", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromBoolean(This(t, "has") is var set && JsWeakCollection.WeakKey(a.At(0)) is { } k && set.Table.TryGetValue(k, out _)));
        proto.DefineMethod(realm, "delete", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromBoolean(This(t, "delete") is var set && JsWeakCollection.WeakKey(a.At(0)) is { } k && set.Table.Remove(k)));
        proto.FastSet(WellKnownSymbols.ToStringTag, JsValue.FromString("WeakSet"), PropertyFlags.Configurable);
    }

    private static JsWeakCollection This(in JsValue v, string method) =>
        v._ref is JsWeakCollection { IsMap: false } s ? s : Throw.TypeError<JsWeakCollection>($"Method WeakSet.prototype.{method} called on incompatible receiver");

    private static JsValue Construct(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, JsObject? newTarget)
    {
        if (newTarget is null) Throw.TypeError("Constructor WeakSet requires 'new'");
        var set = new JsWeakCollection(JsFunction.GetPrototypeFromConstructor(newTarget!, static i => i.WeakSetPrototype), isMap: false);
        if (args.At(0).IsNullish) return JsValue.FromObject(set);
        var add = set.Get("add")._ref as JsFunction ?? Throw.TypeError<JsFunction>("WeakSet.prototype.add is not a function");
        var rec = Interpreter.IteratorRecord.From(realm, args.At(0));
        while (rec.Step(out var v))
        {
            // §24.4.1.1 step 7.c: an abrupt adder call closes the iterator (IfAbruptCloseIterator).
            try { add.Call(JsValue.FromObject(set), [v]); }
            catch (JsThrowable)
            {
                rec.CloseQuietly();
                throw;
            }
        }
        return JsValue.FromObject(set);
    }
}
