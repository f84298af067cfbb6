using DualEngine.Engine.Interpreter;

namespace DualEngine.Engine.Builtins;

/// <summary>%GeneratorFunction.prototype% and %GeneratorPrototype% (§27.3, §27.5); %AsyncFunction.prototype% (§27.7).</summary>
internal static class GeneratorPrototypes
{
    public static void Install(Realm realm)
    {
        var i = realm.Intrinsics;
        var genFnProto = new JsObject(i.FunctionPrototype);
        i.GeneratorFunctionPrototype = genFnProto;
        var genProto = new JsObject(i.IteratorPrototype);
        i.GeneratorPrototype = genProto;
        genFnProto.FastSet("prototype", JsValue.FromObject(genProto), PropertyFlags.Configurable);
        genProto.FastSet("constructor", JsValue.FromObject(genFnProto), PropertyFlags.Configurable);
        genFnProto.FastSet(WellKnownSymbols.ToStringTag, JsValue.FromString("GeneratorFunction"), PropertyFlags.Configurable);
        genProto.FastSet(WellKnownSymbols.ToStringTag, JsValue.FromString("Generator"), PropertyFlags.Configurable);
        genProto.DefineMethod(realm, "next", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Resume(r, t, a.At(0), ResumeKind.Next));
        genProto.DefineMethod(realm, "return", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Resume(r, t, a.At(0), ResumeKind.Return));
        genProto.DefineMethod(realm, "throw", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Resume(r, t, a.At(0), ResumeKind.Throw));

        var asyncFnProto = new JsObject(i.FunctionPrototype);
        i.AsyncFunctionPrototype = asyncFnProto;
        asyncFnProto.FastSet(WellKnownSymbols.ToStringTag, JsValue.FromString("AsyncFunction"), PropertyFlags.Configurable);

        var asyncGenFnProto = new JsObject(i.FunctionPrototype);
        i.AsyncGeneratorFunctionPrototype = asyncGenFnProto;
        var asyncGenProto = new JsObject(i.AsyncIteratorPrototype);
        i.AsyncGeneratorPrototype = asyncGenProto;
        asyncGenFnProto.FastSet("prototype", JsValue.FromObject(asyncGenProto), PropertyFlags.Configurable);
        asyncGenProto.FastSet("constructor", JsValue.FromObject(asyncGenFnProto), PropertyFlags.Configurable);
        asyncGenFnProto.FastSet(WellKnownSymbols.ToStringTag, JsValue.FromString("AsyncGeneratorFunction"), PropertyFlags.Configurable);
        asyncGenProto.FastSet(WellKnownSymbols.ToStringTag, JsValue.FromString("AsyncGenerator"), PropertyFlags.Configurable);
        asyncGenProto.DefineMethod(realm, "next", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => AsyncResume(r, t, a.At(0), ResumeKind.Next));
        asyncGenProto.DefineMethod(realm, "return", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => AsyncResume(r, t, a.At(0), ResumeKind.Return));
        asyncGenProto.DefineMethod(realm, "throw", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => AsyncResume(r, t, a.At(0), ResumeKind.Throw));
    }

    /// <summary>%AsyncGeneratorPrototype%.next/return/throw (§27.6.1.2-4): a bad receiver rejects instead of throwing.</summary>
    private static JsValue AsyncResume(Realm realm, in JsValue thisValue, in JsValue value, ResumeKind kind)
    {
        if (thisValue._ref is not JsAsyncGenerator gen)
        {
            var p = PromiseFunctions.NewPromise(realm);
            p.Reject(realm, JsValue.FromObject(realm.CreateError(ErrorType.TypeError, "next method called on incompatible receiver")));
            return JsValue.FromObject(p);
        }
        return realm.Engine.Machine.EnqueueAsyncGenerator(realm, gen, value, kind);
    }

    private static JsValue Resume(Realm realm, in JsValue thisValue, in JsValue value, ResumeKind kind)
    {
        if (thisValue._ref is not JsGenerator gen)
            return Throw.TypeError<JsValue>("next method called on incompatible receiver " + Conversions.ToDisplay(thisValue));
        return realm.Engine.Machine.ResumeGenerator(realm, gen, value, kind);
    }
}
