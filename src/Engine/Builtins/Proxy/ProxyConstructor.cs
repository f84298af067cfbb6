namespace DualEngine.Engine.Builtins;

/// <summary>The Proxy constructor (§28.2).</summary>
internal static class ProxyConstructor
{
    public static void Install(Realm realm)
    {
        var ctor = new BuiltinFunction(realm, "Proxy", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a, JsObject? nt) =>
        {
            if (nt is null) Throw.TypeError("Constructor Proxy requires 'new'");
            return JsValue.FromObject(Create(r, a.At(0), a.At(1)));
        });
        realm.GlobalObject.FastSet("Proxy", JsValue.FromObject(ctor), PropertyFlags.Hidden);
        ctor.DefineMethod(realm, "revocable", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var proxy = Create(r, a.At(0), a.At(1));
            var core = proxy is JsProxy p ? p.Core : ((JsFunctionProxy)proxy).Core;
            var result = r.NewObject();
            result.FastSet("proxy", JsValue.FromObject(proxy));
            result.FastSet("revoke", JsValue.FromObject(new BuiltinFunction(r, "", 0, (Realm _, in JsValue _, ReadOnlySpan<JsValue> _) =>
            {
                core.Target = null;
                core.Handler = null;
                return JsValue.Undefined;
            })));
            return JsValue.FromObject(result);
        });
    }

    /// <summary>ProxyCreate (§10.5.15): [[Call]] when the target is callable, [[Construct]] when it is a constructor.</summary>
    private static JsObject Create(Realm realm, in JsValue target, in JsValue handler)
    {
        if (!target.IsObject || !handler.IsObject) Throw.TypeError("Cannot create proxy with a non-object as target or handler");
        var core = new ProxyCore(target.AsObject(), handler.AsObject());
        return target._ref is JsFunction f ? new JsFunctionProxy(realm, core, f.IsConstructor) : new JsProxy(core);
    }
}
