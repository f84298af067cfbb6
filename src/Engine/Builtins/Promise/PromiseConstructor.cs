namespace DualEngine.Engine.Builtins;

/// <summary>The Promise constructor and its static methods (§27.2.3, §27.2.4).</summary>
internal static class PromiseConstructor
{
    public static void Install(Realm realm)
    {
        var proto = new JsObject(realm.Intrinsics.ObjectPrototype);
        realm.Intrinsics.PromisePrototype = proto;
        var ctor = ObjectBuilding.DefineConstructor(realm, "Promise", 1, Construct, proto);
        realm.Intrinsics.PromiseConstructor = ctor;
        ctor.DefineMethod(realm, "resolve", 1, Resolve);
        ctor.DefineMethod(realm, "reject", 1, Reject);
        ctor.DefineMethod(realm, "all", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Combinator(r, t, a.At(0), CombinatorKind.All));
        ctor.DefineMethod(realm, "allSettled", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Combinator(r, t, a.At(0), CombinatorKind.AllSettled));
        ctor.DefineMethod(realm, "any", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Combinator(r, t, a.At(0), CombinatorKind.Any));
        ctor.DefineMethod(realm, "race", 1, Race);
        ctor.DefineMethod(realm, "withResolvers", 0, WithResolvers);
        ctor.DefineGetter(realm, WellKnownSymbols.Species, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => t);
        PromisePrototype.Install(realm, proto);
    }

    /// <summary>Promise(executor) (§27.2.3.1).</summary>
    private static JsValue Construct(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, JsObject? newTarget)
    {
        if (newTarget is null) Throw.TypeError("Promise constructor cannot be invoked without 'new'");
        if (args.At(0)._ref is not JsFunction executor) return Throw.TypeError<JsValue>("Promise resolver " + Conversions.ToDisplay(args.At(0)) + " is not a function");
        var proto = JsFunction.GetPrototypeFromConstructor(newTarget!, static i => i.PromisePrototype);
        var promise = new JsPromise(proto, realm.Engine);
        var (resolve, reject) = PromiseFunctions.CreateResolvingFunctions(realm, promise);
        try
        {
            executor.Call(JsValue.Undefined, [JsValue.FromObject(resolve), JsValue.FromObject(reject)]);
        }
        catch (JsThrowable ex)
        {
            reject.Call(JsValue.Undefined, [ex.GetValue(realm)]);
        }
        return JsValue.FromObject(promise);
    }

    /// <summary>Promise.resolve (§27.2.4.7).</summary>
    private static JsValue Resolve(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        if (!thisValue.IsObject) Throw.TypeError("PromiseResolve called on non-object");
        var x = args.At(0);
        if (x._ref is JsPromise p && Operators.SameValue(p.Get("constructor"), thisValue)) return x;
        var cap = PromiseFunctions.NewPromiseCapability(realm, thisValue);
        cap.Resolve.Call(JsValue.Undefined, [x]);
        return JsValue.FromObject(cap.Promise);
    }

    /// <summary>Promise.reject (§27.2.4.6).</summary>
    private static JsValue Reject(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var cap = PromiseFunctions.NewPromiseCapability(realm, thisValue);
        cap.Reject.Call(JsValue.Undefined, [args.At(0)]);
        return JsValue.FromObject(cap.Promise);
    }

    /// <summary>Promise.withResolvers (ES2024, §27.2.4.8).</summary>
    private static JsValue WithResolvers(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var cap = PromiseFunctions.NewPromiseCapability(realm, thisValue);
        var obj = realm.NewObject();
        obj.FastSet("promise", JsValue.FromObject(cap.Promise));
        obj.FastSet("resolve", JsValue.FromObject(cap.Resolve));
        obj.FastSet("reject", JsValue.FromObject(cap.Reject));
        return JsValue.FromObject(obj);
    }

    private enum CombinatorKind { All, AllSettled, Any }

    /// <summary>Promise.all / allSettled / any (§27.2.4.1-3): one shared counter, one result slot per element.</summary>
    private static JsValue Combinator(Realm realm, in JsValue ctor, in JsValue iterable, CombinatorKind kind)
    {
        var cap = PromiseFunctions.NewPromiseCapability(realm, ctor);
        Interpreter.IteratorRecord? rec = null;
        try
        {
            var resolveFn = ctor.AsObject().Get("resolve", ctor);
            if (resolveFn._ref is not JsFunction promiseResolve) return Throw.TypeError<JsValue>("Promise resolve is not a function");
            var values = new List<JsValue>();
            int remaining = 1;
            rec = Interpreter.IteratorRecord.From(realm, iterable);
            int index = 0;
            var capture = cap;
            void Finish()
            {
                var arr = new JsArray(realm.Intrinsics.ArrayPrototype, values.ToArray(), values.Count);
                if (kind == CombinatorKind.Any)
                {
                    var err = realm.CreateError(ErrorType.AggregateError, "All promises were rejected");
                    err.FastSet("errors", JsValue.FromObject(arr), PropertyFlags.Hidden);
                    capture.Reject.Call(JsValue.Undefined, [JsValue.FromObject(err)]);
                }
                else capture.Resolve.Call(JsValue.Undefined, [JsValue.FromObject(arr)]);
            }
            while (rec.Step(out var next))
            {
                int i = index++;
                values.Add(JsValue.Undefined);
                var nextPromise = promiseResolve.Call(ctor, [next]);
                remaining++;
                bool called = false;
                JsFunction Settle(bool rejected) => new BuiltinFunction(realm, "", 1, (Realm r, in JsValue _, ReadOnlySpan<JsValue> a) =>
                {
                    if (called) return JsValue.Undefined;
                    called = true;
                    var x = a.At(0);
                    if (kind == CombinatorKind.AllSettled)
                    {
                        var o = r.NewObject();
                        o.FastSet("status", JsValue.FromString(rejected ? "rejected" : "fulfilled"));
                        o.FastSet(rejected ? "reason" : "value", x);
                        x = JsValue.FromObject(o);
                    }
                    values[i] = x;
                    if (--remaining == 0) Finish();
                    return JsValue.Undefined;
                });
                JsValue onFulfilled, onRejected;
                switch (kind)
                {
                    case CombinatorKind.All:
                        onFulfilled = JsValue.FromObject(Settle(false));
                        onRejected = JsValue.FromObject(capture.Reject);
                        break;
                    case CombinatorKind.AllSettled:
                        onFulfilled = JsValue.FromObject(Settle(false));
                        onRejected = JsValue.FromObject(Settle(true));
                        break;
                    default:
                        onFulfilled = JsValue.FromObject(capture.Resolve);
                        onRejected = JsValue.FromObject(Settle(true));
                        break;
                }
                PromisePrototype.InvokeThen(realm, nextPromise, [onFulfilled, onRejected]);
            }
            if (--remaining == 0) Finish();
        }
        catch (JsThrowable ex)
        {
            RejectAfterClosing(realm, cap, rec, ex);
        }
        return JsValue.FromObject(cap.Promise);
    }

    /// <summary>
    /// Steps 8-9 of Promise.all/allSettled/any/race (§27.2.4.1 etc.): an abrupt completion that did not come from the
    /// iterator itself (promiseResolve or then threw; the iterator is not done) closes the iterator first, its own error
    /// ignored (IteratorClose with a throw completion), then IfAbruptRejectPromise.
    /// </summary>
    private static void RejectAfterClosing(Realm realm, PromiseCapability cap, Interpreter.IteratorRecord? rec, JsThrowable ex)
    {
        rec?.CloseQuietly();
        cap.Reject.Call(JsValue.Undefined, [ex.GetValue(realm)]);
    }

    /// <summary>Promise.race (§27.2.4.5).</summary>
    private static JsValue Race(Realm realm, in JsValue ctor, ReadOnlySpan<JsValue> args)
    {
        var cap = PromiseFunctions.NewPromiseCapability(realm, ctor);
        Interpreter.IteratorRecord? rec = null;
        try
        {
            var resolveFn = ctor.AsObject().Get("resolve", ctor);
            if (resolveFn._ref is not JsFunction promiseResolve) return Throw.TypeError<JsValue>("Promise resolve is not a function");
            rec = Interpreter.IteratorRecord.From(realm, args.At(0));
            while (rec.Step(out var next))
            {
                var p = promiseResolve.Call(ctor, [next]);
                PromisePrototype.InvokeThen(realm, p, [JsValue.FromObject(cap.Resolve), JsValue.FromObject(cap.Reject)]);
            }
        }
        catch (JsThrowable ex)
        {
            RejectAfterClosing(realm, cap, rec, ex);
        }
        return JsValue.FromObject(cap.Promise);
    }
}
