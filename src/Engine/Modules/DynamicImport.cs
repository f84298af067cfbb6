using DualEngine.Engine.Compiler;
using DualEngine.Syntax;

namespace DualEngine.Engine.Modules;

/// <summary>import() (§13.3.10.1 EvaluateImportCall, ContinueDynamicImport) and import.meta (§13.3.12.1).</summary>
internal static class DynamicImport
{
    /// <summary>Starts a dynamic import from code <paramref name="code"/>; every failure rejects the returned promise.</summary>
    public static JsPromise Import(Realm realm, FunctionCode code, JsValue specifier, JsValue options)
    {
        var promise = PromiseFunctions.NewPromise(realm);
        // The active script or module: import() resolves relative to it.
        string referrer = code.Module?.Url ?? code.Referrer ?? code.FileName;
        ModuleRecord module;
        try
        {
            string specifierString = Conversions.ToString(specifier);
            string? type = ReadType(options);
            module = ModuleLoader.LoadGraph(realm, specifierString, referrer, type);
        }
        catch (Exception ex) when (ex is JsThrowable or JsSyntaxException)
        {
            promise.Reject(realm, ErrorValue(realm, ex));
            return promise;
        }
        // ContinueDynamicImport (§16.2.1.10): linking and evaluation wait for LoadRequestedModules' promise, so
        // they happen in a later job even though this host loads synchronously (never inside the importer's evaluation).
        var loaded = PromiseFunctions.NewPromise(realm);
        loaded.Fulfill(realm, JsValue.Undefined);
        PromiseFunctions.PerformThenNative(realm, loaded, (_, _) =>
        {
            try
            {
                ModuleLinker.Link(module);
            }
            catch (JsThrowable ex)
            {
                promise.Reject(realm, ex.GetValue(realm));
                return;
            }
            var evaluation = ModuleEvaluator.Evaluate(module);
            PromiseFunctions.PerformThenNative(realm, evaluation, (value, rejected) =>
            {
                if (rejected) promise.Reject(realm, value);
                else promise.Fulfill(realm, JsValue.FromObject(ModuleLinker.GetNamespace(module)));
            });
        });
        return promise;
    }

    private static JsValue ErrorValue(Realm realm, Exception ex) => ex is JsThrowable t
        ? t.GetValue(realm)
        : JsValue.FromObject(realm.CreateError(ErrorType.SyntaxError, ((JsSyntaxException)ex).Description));

    /// <summary>Steps 10-11 of EvaluateImportCall: the `with` (or legacy `assert`) attributes; only `type` is supported.</summary>
    private static string? ReadType(JsValue options)
    {
        if (options.IsUndefined) return null;
        if (!options.IsObject) Throw.TypeError("The second argument of import() must be an object");
        var attributes = options.AsObject().Get("with");
        if (attributes.IsUndefined) attributes = options.AsObject().Get("assert");
        if (attributes.IsUndefined) return null;
        if (!attributes.IsObject) Throw.TypeError("The 'with' option of import() must be an object");
        var obj = attributes.AsObject();
        string? type = null;
        foreach (var key in obj.OwnPropertyKeys())
        {
            if (key.IsSymbol || !obj.GetOwnProperty(key, out var desc) || !desc.Enumerable) continue;
            var value = obj.Get(key);
            if (!value.IsString) Throw.TypeError($"Import attribute value for '{key}' must be a string");
            if (key.Name != "type") Throw.TypeError($"Import attribute '{key}' is not supported");
            type = value.AsString();
        }
        return type;
    }

    /// <summary>import.meta (§13.3.12.1): a null-prototype object the host fills the first time it is read.</summary>
    public static JsObject GetImportMeta(ModuleRecord module)
    {
        if (module.ImportMeta is { } meta) return meta;
        meta = new JsObject(null);
        module.ImportMeta = meta;
        if (module.Realm.ModuleHost is { } host)
        {
            var realm = module.Realm;
            ModuleLoader.HostCall(realm, () =>
            {
                host.InitializeImportMeta(realm, JsValue.FromObject(meta), module.Url, module.IsMain);
                return 0;
            });
        }
        return meta;
    }
}
