using DualEngine.Abstractions.Ops;
using DualEngine.Engine;

namespace DualEngine.Backends.Managed;

/// <summary>
/// Builds <c>globalThis.__core</c> (IRealm's contract, as the V8 shim's InstallCore): <c>ops</c> with one
/// function per op, <c>setHook</c>, <c>setErrorFactory</c> and <c>queueMicrotask</c>, plus <c>managed</c> (<see cref="MoreRealms"/>, for test262). Hooks and the error
/// factory are held by the host (<see cref="ManagedRealm"/>), so scripts that delete <c>__core</c> keep them.
/// </summary>
internal static class CoreObject
{
    public static void Install(ManagedRealm owner, Realm realm, IReadOnlyList<OpDescriptor> ops, MoreRealms moreRealms)
    {
        var core = realm.CreateObject();
        var table = realm.CreateObject();
        for (int i = 0; i < ops.Count; i++)
        {
            var op = ops[i];
            realm.SetProperty(table, op.Name, realm.CreateFunction(op.Name, (in JsValue _, ReadOnlySpan<JsValue> args) => owner.InvokeOp(op, args)));
        }
        realm.SetProperty(core, "ops", table);
        realm.SetProperty(core, "setHook", realm.CreateFunction("setHook", (in JsValue _, ReadOnlySpan<JsValue> args) =>
        {
            if (args.Length < 2 || !args[0].IsString || !Realm.IsCallable(args[1]))
                throw owner.Throw("TypeError", "setHook(name, fn) expects a string and a function");
            owner.Hooks[args[0].AsString()] = args[1];
            return JsValue.Undefined;
        }, 2));
        realm.SetProperty(core, "setErrorFactory", realm.CreateFunction("setErrorFactory", (in JsValue _, ReadOnlySpan<JsValue> args) =>
        {
            if (args.Length < 1 || !Realm.IsCallable(args[0]))
                throw owner.Throw("TypeError", "setErrorFactory(fn) expects a function");
            owner.ErrorFactory = args[0];
            return JsValue.Undefined;
        }, 1));
        realm.SetProperty(core, "queueMicrotask", realm.CreateFunction("queueMicrotask", (in JsValue _, ReadOnlySpan<JsValue> args) =>
        {
            if (args.Length < 1 || !Realm.IsCallable(args[0]))
                throw owner.Throw("TypeError", "queueMicrotask: callback is not a function");
            owner.QueueMicrotask(args[0]);
            return JsValue.Undefined;
        }, 1));
        moreRealms.Install(realm, core);
        realm.SetGlobal("__core", core);
    }
}
