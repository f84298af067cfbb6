namespace DualEngine.Engine.Builtins;

/// <summary>%IteratorPrototype% (§27.1.2), %AsyncIteratorPrototype% (§27.1.3) and the array/string iterators (§23.1.5, §22.1.5).</summary>
internal static class IteratorPrototypes
{
    public static void Install(Realm realm)
    {
        var i = realm.Intrinsics;
        var iteratorProto = new JsObject(i.ObjectPrototype);
        i.IteratorPrototype = iteratorProto;
        iteratorProto.DefineMethod(realm, WellKnownSymbols.Iterator, "[Symbol.iterator]", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => t);

        var asyncIteratorProto = new JsObject(i.ObjectPrototype);
        i.AsyncIteratorPrototype = asyncIteratorProto;
        asyncIteratorProto.DefineMethod(realm, WellKnownSymbols.AsyncIterator, "[Symbol.asyncIterator]", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => t);

        var arrayIter = new JsObject(iteratorProto);
        i.ArrayIteratorPrototype = arrayIter;
        realm._arrayIteratorNext = arrayIter.DefineMethod(realm, "next", 0, ArrayIteratorNext);
        arrayIter.FastSet(WellKnownSymbols.ToStringTag, JsValue.FromString("Array Iterator"), PropertyFlags.Configurable);

        var stringIter = new JsObject(iteratorProto);
        i.StringIteratorPrototype = stringIter;
        stringIter.DefineMethod(realm, "next", 0, StringIteratorNext);
        stringIter.FastSet(WellKnownSymbols.ToStringTag, JsValue.FromString("String Iterator"), PropertyFlags.Configurable);

        AsyncFromSyncIteratorPrototype.Install(realm);
    }

    /// <summary>%ArrayIteratorPrototype%.next (§23.1.5.2.1).</summary>
    private static JsValue ArrayIteratorNext(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        if (thisValue._ref is not JsArrayIterator it) return Throw.TypeError<JsValue>("next method called on incompatible receiver");
        if (it.Target is null) return Interpreter.Machine.CreateIterResult(realm, JsValue.Undefined, true);
        long len = it.Target is JsArray arr ? arr.Length : Conversions.ToLength(it.Target.Get("length"));
        if (it.Index >= len)
        {
            it.Target = null;
            return Interpreter.Machine.CreateIterResult(realm, JsValue.Undefined, true);
        }
        uint index = it.Index++;
        switch (it.Kind)
        {
            case IterationKind.Keys: return Interpreter.Machine.CreateIterResult(realm, JsValue.FromNumber(index), false);
            case IterationKind.Values: return Interpreter.Machine.CreateIterResult(realm, it.Target.Get(PropertyKey.FromIndex(index)), false);
            default:
                var pair = realm.NewArray(2);
                pair.Push(JsValue.FromNumber(index));
                pair.Push(it.Target.Get(PropertyKey.FromIndex(index)));
                return Interpreter.Machine.CreateIterResult(realm, JsValue.FromObject(pair), false);
        }
    }

    /// <summary>%StringIteratorPrototype%.next (§22.1.5.1.1): iterates code points.</summary>
    private static JsValue StringIteratorNext(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        if (thisValue._ref is not JsStringIterator it) return Throw.TypeError<JsValue>("next method called on incompatible receiver");
        if (it.Text is null || it.Position >= it.Text.Length)
        {
            it.Text = null;
            return Interpreter.Machine.CreateIterResult(realm, JsValue.Undefined, true);
        }
        var s = it.Text;
        int p = it.Position;
        int n = char.IsHighSurrogate(s[p]) && p + 1 < s.Length && char.IsLowSurrogate(s[p + 1]) ? 2 : 1;
        it.Position += n;
        return Interpreter.Machine.CreateIterResult(realm, JsValue.FromString(s.Substring(p, n)), false);
    }
}

internal enum IterationKind : byte { Keys, Values, Entries }

/// <summary>An Array Iterator instance (§23.1.5.3).</summary>
internal sealed class JsArrayIterator(Realm realm, JsObject target, IterationKind kind) : JsObject(realm.Intrinsics.ArrayIteratorPrototype)
{
    public JsObject? Target = target;
    public uint Index;
    public IterationKind Kind = kind;
}

/// <summary>A String Iterator instance (§22.1.5.2).</summary>
internal sealed class JsStringIterator(Realm realm, string text) : JsObject(realm.Intrinsics.StringIteratorPrototype)
{
    public string? Text = text;
    public int Position;
}

/// <summary>%AsyncFromSyncIteratorPrototype% (§27.1.6.2): next/return/throw that await the sync iterator's values.</summary>
internal static class AsyncFromSyncIteratorPrototype
{
    public static void Install(Realm realm)
    {
        var proto = new JsObject(realm.Intrinsics.AsyncIteratorPrototype);
        realm.Intrinsics.AsyncFromSyncIteratorPrototype = proto;
        proto.DefineMethod(realm, "next", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Step(r, t, a.At(0), "next"));
        proto.DefineMethod(realm, "return", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Step(r, t, a.At(0), "return"));
        proto.DefineMethod(realm, "throw", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Step(r, t, a.At(0), "throw"));
    }

    private static JsValue Step(Realm realm, in JsValue thisValue, JsValue value, string method)
    {
        var it = (Interpreter.AsyncFromSyncIterator)thisValue.AsObject();
        var promise = PromiseFunctions.NewPromise(realm);
        try
        {
            JsObject result;
            if (method == "next") result = it.Sync.NextResult(value, hasValue: true);
            else
            {
                var fn = it.Sync.Iterator?.Get(method) ?? JsValue.Undefined;
                if (fn._ref is not JsFunction f)
                {
                    if (method == "return")
                    {
                        promise.Fulfill(realm, Interpreter.Machine.CreateIterResult(realm, value, true));
                        return JsValue.FromObject(promise);
                    }
                    it.Sync.CloseQuietly();
                    return Throw.TypeError<JsValue>("The iterator does not provide a 'throw' method");
                }
                var r = f.Call(JsValue.FromObject(it.Sync.Iterator!), [value]);
                if (!r.IsObject) Throw.TypeError("Iterator result is not an object");
                result = r.AsObject();
            }
            bool done = Conversions.ToBoolean(result.Get("done"));
            var valueWrapper = PromiseFunctions.PromiseResolve(realm, result.Get("value"));
            PromiseFunctions.PerformThenNative(realm, valueWrapper, (v, rejected) =>
            {
                if (rejected) promise.Reject(realm, v);
                else promise.Fulfill(realm, Interpreter.Machine.CreateIterResult(realm, v, done));
            });
        }
        catch (JsThrowable ex)
        {
            promise.Reject(realm, ex.GetValue(realm));
        }
        return JsValue.FromObject(promise);
    }
}
