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
    }

    private static JsValue Resume(Realm realm, in JsValue thisValue, in JsValue value, ResumeKind kind)
    {
        if (thisValue._ref is not JsGenerator gen)
            return Throw.TypeError<JsValue>("next method called on incompatible receiver " + Conversions.ToDisplay(thisValue));
        return realm.Engine.Machine.ResumeGenerator(realm, gen, value, kind);
    }
}
