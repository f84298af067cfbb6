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
        proto.DefineMethod(realm, "next", 1, Next);
        proto.DefineMethod(realm, "return", 1, Return);
        proto.DefineMethod(realm, "throw", 1, ThrowMethod);
    }

    /// <summary>%AsyncFromSyncIteratorPrototype%.next (§27.1.6.2.1): the sync next, with the argument only when one was passed.</summary>
    private static JsValue Next(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var it = (Interpreter.AsyncFromSyncIterator)thisValue.AsObject();
        var promise = PromiseFunctions.NewPromise(realm);
        JsObject result;
        try { result = it.Sync.NextResult(args.At(0), hasValue: args.Length > 0); }
        catch (JsThrowable ex) { return Rejected(realm, promise, ex); }
        return Continuation(realm, it, result, promise, closeOnRejection: true);
    }

    /// <summary>%AsyncFromSyncIteratorPrototype%.return (§27.1.6.2.2): a missing return method gives { value, done: true }.</summary>
    private static JsValue Return(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args) => Forward(realm, thisValue, args, "return");

    /// <summary>
    /// %AsyncFromSyncIteratorPrototype%.throw (§27.1.6.2.3): without a throw method the sync iterator is closed (an error
    /// of its return rejects) and the promise rejects with a TypeError.
    /// </summary>
    private static JsValue ThrowMethod(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args) => Forward(realm, thisValue, args, "throw");

    /// <summary>return and throw: the sync iterator's method of that name, called with the argument only when one was passed.</summary>
    private static JsValue Forward(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, string name)
    {
        var it = (Interpreter.AsyncFromSyncIterator)thisValue.AsObject();
        var promise = PromiseFunctions.NewPromise(realm);
        bool isReturn = name == "return";
        JsObject result;
        try
        {
            var method = Interpreter.Machine.GetNamedSlow(realm, JsValue.FromObject(it.Sync.Iterator!), name, null);
            if (method.IsNullish)
            {
                if (isReturn)
                {
                    promise.Fulfill(realm, Interpreter.Machine.CreateIterResult(realm, args.At(0), true));
                    return JsValue.FromObject(promise);
                }
                it.Sync.Close();
                Throw.TypeError("The iterator does not provide a 'throw' method");
            }
            result = CallSyncMethod(it, method, args);
        }
        catch (JsThrowable ex) { return Rejected(realm, promise, ex); }
        // return's continuation does not close the iterator on a rejected value (closeOnRejection false, step 12).
        return Continuation(realm, it, result, promise, closeOnRejection: !isReturn);
    }

    private static JsObject CallSyncMethod(Interpreter.AsyncFromSyncIterator it, in JsValue method, ReadOnlySpan<JsValue> args)
    {
        if (method._ref is not JsFunction f) return Throw.TypeError<JsObject>(Conversions.ToDisplay(method) + " is not a function");
        var r = args.Length > 0 ? f.Call(JsValue.FromObject(it.Sync.Iterator!), [args[0]]) : f.Call(JsValue.FromObject(it.Sync.Iterator!), ReadOnlySpan<JsValue>.Empty);
        if (!r.IsObject) Throw.TypeError("Iterator result " + Conversions.ToDisplay(r) + " is not an object");
        return r.AsObject();
    }

    private static JsValue Rejected(Realm realm, JsPromise promise, JsThrowable ex)
    {
        promise.Reject(realm, ex.GetValue(realm));
        return JsValue.FromObject(promise);
    }

    /// <summary>
    /// AsyncFromSyncIteratorContinuation (§27.1.6.4): awaits the result's value. With <paramref name="closeOnRejection"/>
    /// (next, throw) and a result that is not done, a value that cannot be made a promise, or one that rejects, closes the
    /// sync iterator first (IteratorClose with that throw completion: its return's own error is ignored).
    /// </summary>
    private static JsValue Continuation(Realm realm, Interpreter.AsyncFromSyncIterator it, JsObject result, JsPromise promise, bool closeOnRejection)
    {
        bool done;
        JsPromise valueWrapper;
        try
        {
            done = Conversions.ToBoolean(result.Get("done"));
            var value = result.Get("value");
            try { valueWrapper = PromiseFunctions.PromiseResolve(realm, value); }
            catch (JsThrowable) when (!done && closeOnRejection)
            {
                it.Sync.CloseQuietly();
                throw;
            }
        }
        catch (JsThrowable ex) { return Rejected(realm, promise, ex); }
        PromiseFunctions.PerformThenNative(realm, valueWrapper, (v, rejected) =>
        {
            if (!rejected) promise.Fulfill(realm, Interpreter.Machine.CreateIterResult(realm, v, done));
            else
            {
                if (!done && closeOnRejection) it.Sync.CloseQuietly();
                promise.Reject(realm, v);
            }
        });
        return JsValue.FromObject(promise);
    }
}
