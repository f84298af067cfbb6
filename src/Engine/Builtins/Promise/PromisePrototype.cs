namespace DualEngine.Engine.Builtins;

/// <summary>Promise.prototype (§27.2.5).</summary>
internal static class PromisePrototype
{
    public static void Install(Realm realm, JsObject proto)
    {
        proto.DefineMethod(realm, "then", 2, Then);
        // Promise.prototype.catch (§27.2.5.1): Invoke(this, "then", « undefined, onRejected »), on any this value.
        proto.DefineMethod(realm, "catch", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => InvokeThen(r, t, [JsValue.Undefined, a.At(0)]));
        proto.DefineMethod(realm, "finally", 1, Finally);
        proto.DefineValue(WellKnownSymbols.ToStringTag, JsValue.FromString("Promise"), PropertyFlags.Configurable);
    }

    /// <summary>Invoke(promise, "then", args) (§7.3.20): GetV, so a primitive's prototype provides `then`.</summary>
    internal static JsValue InvokeThen(Realm realm, in JsValue promise, ReadOnlySpan<JsValue> args)
    {
        var then = Interpreter.Machine.GetNamedSlow(realm, promise, "then", null);
        if (then._ref is not JsFunction f) return Throw.TypeError<JsValue>("then is not a function");
        return f.Call(promise, args);
    }

    /// <summary>Promise.prototype.then (§27.2.5.4).</summary>
    private static JsValue Then(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        if (thisValue._ref is not JsPromise promise) return Throw.TypeError<JsValue>("Method Promise.prototype.then called on incompatible receiver " + Conversions.ToDisplay(thisValue));
        var ctor = SpeciesConstructor(realm, promise);
        var cap = PromiseFunctions.NewPromiseCapability(realm, ctor);
        PromiseFunctions.PerformThen(realm, promise, args.At(0), args.At(1), cap);
        return JsValue.FromObject(cap.Promise);
    }

    /// <summary>SpeciesConstructor (§7.3.22) with %Promise% as default.</summary>
    private static JsValue SpeciesConstructor(Realm realm, JsObject o)
    {
        var c = o.Get("constructor");
        if (c.IsUndefined) return JsValue.FromObject(realm.Intrinsics.PromiseConstructor);
        if (!c.IsObject) return Throw.TypeError<JsValue>("The .constructor property is not an object");
        var s = c.AsObject().Get(WellKnownSymbols.Species, c);
        if (s.IsNullish) return JsValue.FromObject(realm.Intrinsics.PromiseConstructor);
        if (s._ref is JsFunction { IsConstructor: true }) return s;
        return Throw.TypeError<JsValue>("object.constructor[Symbol.species] is not a constructor");
    }

    /// <summary>Promise.prototype.finally (§27.2.5.3).</summary>
    private static JsValue Finally(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        if (!thisValue.IsObject) return Throw.TypeError<JsValue>("Promise.prototype.finally called on a non-object");
        var ctor = SpeciesConstructor(realm, thisValue.AsObject());
        var onFinally = args.At(0);
        if (onFinally._ref is not JsFunction f) return InvokeThen(realm, thisValue, [onFinally, onFinally]);
        var thenFinally = new BuiltinFunction(realm, "", 1, (Realm r, in JsValue _, ReadOnlySpan<JsValue> a) =>
        {
            var value = a.At(0);
            var result = f.Call(JsValue.Undefined, ReadOnlySpan<JsValue>.Empty);
            var p = PromiseResolveWith(r, ctor, result);
            var valueThunk = new BuiltinFunction(r, "", 0, (Realm _, in JsValue _, ReadOnlySpan<JsValue> _) => value);
            // thenFinally step 7: Invoke(p, "then", « valueThunk »), one argument.
            return InvokeThen(r, p, [JsValue.FromObject(valueThunk)]);
        });
        var catchFinally = new BuiltinFunction(realm, "", 1, (Realm r, in JsValue _, ReadOnlySpan<JsValue> a) =>
        {
            var reason = a.At(0);
            var result = f.Call(JsValue.Undefined, ReadOnlySpan<JsValue>.Empty);
            var p = PromiseResolveWith(r, ctor, result);
            var thrower = new BuiltinFunction(r, "", 0, (Realm _, in JsValue _, ReadOnlySpan<JsValue> _) => throw new JsThrowable(reason));
            // catchFinally step 7: Invoke(p, "then", « thrower »), one argument.
            return InvokeThen(r, p, [JsValue.FromObject(thrower)]);
        });
        return InvokeThen(realm, thisValue, [JsValue.FromObject(thenFinally), JsValue.FromObject(catchFinally)]);
    }

    private static JsValue PromiseResolveWith(Realm realm, in JsValue ctor, in JsValue value)
    {
        var resolve = ctor.AsObject().Get("resolve", ctor);
        if (resolve._ref is JsFunction rf) return rf.Call(ctor, [value]);
        return JsValue.FromObject(PromiseFunctions.PromiseResolve(realm, value));
    }
}
