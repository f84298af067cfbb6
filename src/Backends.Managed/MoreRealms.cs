using DualEngine.Engine;

namespace DualEngine.Backends.Managed;

/// <summary>
/// More ECMAScript realms sharing this realm's engine, for test262's $262.createRealm (as the V8 shim's
/// test_realms.cc): <c>__core.managed.createRealm()</c> makes a realm and returns its global object;
/// objects pass freely between the realms. <c>__core.managed.evalScriptIn(global, source)</c> runs a classic
/// script in the realm that global belongs to; a throw leaves as that realm's error object.
/// The runtime's bootstrap deletes __core, so scripts run by dualrt never see these.
/// </summary>
internal sealed class MoreRealms(ManagedRealm owner, JsEngine engine)
{
    private readonly List<(JsValue Global, Realm Realm)> _realms = [];

    public void Install(Realm realm, JsValue core)
    {
        var functions = realm.CreateObject();
        realm.SetProperty(functions, "createRealm", realm.CreateFunction("createRealm", (in JsValue _, ReadOnlySpan<JsValue> _) =>
        {
            var created = engine.CreateRealm();
            var global = created.Evaluate("globalThis", "createRealm.js");
            _realms.Add((global, created));
            return global;
        }));
        realm.SetProperty(functions, "evalScriptIn", realm.CreateFunction("evalScriptIn", (in JsValue _, ReadOnlySpan<JsValue> args) =>
        {
            if (args.Length < 2 || !args[0].IsObject || !args[1].IsString)
                throw owner.Throw("TypeError", "evalScriptIn(global, source) expects an object and a string");
            var target = Find(args[0]) ?? throw owner.Throw("TypeError", "evalScriptIn: the object is not a realm's global");
            try
            {
                return target.Evaluate(args[1].AsString(), "evalScript.js");
            }
            catch (JsEngineException e) when (!e.IsTermination && e.ThrownValue.IsUndefined && e.IsErrorObject)
            {
                // A parse error comes without an error object: make it in the target realm, as V8 does.
                throw owner.ThrowValue(target.CreateError(e.Name, e.JsMessage));
            }
        }, 2));
        realm.SetProperty(core, "managed", functions);
    }

    private Realm? Find(JsValue global)
    {
        foreach (var (g, r) in _realms)
            if (g.Equals(global)) return r;
        return null;
    }
}
