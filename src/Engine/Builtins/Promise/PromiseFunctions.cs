namespace DualEngine.Engine.Builtins;

/// <summary>Promise abstract operations (§27.2.1, §27.2.5.4.1).</summary>
internal static class PromiseFunctions
{
    /// <summary>CreateResolvingFunctions (§27.2.1.3): a resolve/reject pair sharing one alreadyResolved flag.</summary>
    public static (JsFunction Resolve, JsFunction Reject) CreateResolvingFunctions(Realm realm, JsPromise promise)
    {
        bool alreadyResolved = false;
        var resolve = new BuiltinFunction(realm, "", 1, (Realm r, in JsValue _, ReadOnlySpan<JsValue> args) =>
        {
            if (alreadyResolved) return JsValue.Undefined;
            alreadyResolved = true;
            promise.ResolveWith(r, args.At(0));
            return JsValue.Undefined;
        });
        var reject = new BuiltinFunction(realm, "", 1, (Realm r, in JsValue _, ReadOnlySpan<JsValue> args) =>
        {
            if (alreadyResolved) return JsValue.Undefined;
            alreadyResolved = true;
            promise.Reject(r, args.At(0));
            return JsValue.Undefined;
        });
        return (resolve, reject);
    }

    public static JsPromise NewPromise(Realm realm) => new(realm.Intrinsics.PromisePrototype, realm.Engine);

    /// <summary>NewPromiseCapability (§27.2.1.5).</summary>
    public static PromiseCapability NewPromiseCapability(Realm realm, in JsValue constructor)
    {
        if (constructor._ref is not JsFunction { IsConstructor: true } ctor)
            return Throw.TypeError<PromiseCapability>("Promise resolve or reject function is not callable");
        if (ReferenceEquals(ctor, realm.Intrinsics.PromiseConstructor))
        {
            var p = NewPromise(realm);
            var (res, rej) = CreateResolvingFunctions(realm, p);
            return new PromiseCapability(p, res, rej);
        }
        JsValue resolve = JsValue.Undefined, reject = JsValue.Undefined;
        var executor = new BuiltinFunction(realm, "", 2, (Realm r, in JsValue _, ReadOnlySpan<JsValue> args) =>
        {
            if (!resolve.IsUndefined || !reject.IsUndefined) Throw.TypeError("Promise executor has already been invoked with non-undefined arguments");
            resolve = args.At(0);
            reject = args.At(1);
            return JsValue.Undefined;
        });
        var promise = ctor.Construct([JsValue.FromObject(executor)], ctor);
        if (resolve._ref is not JsFunction rf || reject._ref is not JsFunction jf)
            return Throw.TypeError<PromiseCapability>("Promise resolve or reject function is not callable");
        return new PromiseCapability(promise.AsObject(), rf, jf);
    }

    /// <summary>PromiseResolve (§27.2.4.7.1) with %Promise% as the constructor.</summary>
    public static JsPromise PromiseResolve(Realm realm, in JsValue value)
    {
        if (value._ref is JsPromise p && ReferenceEquals(p.Get("constructor").TryObject, realm.Intrinsics.PromiseConstructor)) return p;
        var promise = NewPromise(realm);
        promise.ResolveWith(realm, value);
        return promise;
    }

    /// <summary>PerformPromiseThen (§27.2.5.4.1) with JS handlers.</summary>
    public static void PerformThen(Realm realm, JsPromise promise, in JsValue onFulfilled, in JsValue onRejected, PromiseCapability? capability)
    {
        var fulfill = new PromiseReaction { Capability = capability, Handler = onFulfilled._ref as JsFunction };
        var reject = new PromiseReaction { Capability = capability, IsReject = true, Handler = onRejected._ref as JsFunction };
        promise.AddReactions(realm, fulfill, reject);
    }

    /// <summary>PerformPromiseThen with a C# continuation (await, host callbacks): (value, isRejection).</summary>
    public static void PerformThenNative(Realm realm, JsPromise promise, Action<JsValue, bool> continuation)
    {
        var fulfill = new PromiseReaction { Native = continuation };
        var reject = new PromiseReaction { Native = continuation, IsReject = true };
        promise.AddReactions(realm, fulfill, reject);
    }
}
