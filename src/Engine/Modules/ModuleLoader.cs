using DualEngine.Engine.Compiler;
using DualEngine.Syntax;
using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Modules;
using DualEngine.Syntax.Parsing;

namespace DualEngine.Engine.Modules;

/// <summary>
/// Loads a module graph through the realm's <see cref="IModuleHost"/> (§16.2.1.5.1 LoadRequestedModules,
/// with the host's synchronous HostLoadImportedModule): every module reachable by static imports is
/// fetched, parsed and compiled before anything links. Failed loads are not cached, so a later import retries.
/// </summary>
internal static class ModuleLoader
{
    /// <summary>Resolves and loads <paramref name="specifier"/> and everything it imports statically.
    /// Throws <see cref="JsThrowable"/> for host errors and <see cref="JsSyntaxException"/> for parse errors.</summary>
    public static ModuleRecord LoadGraph(Realm realm, string specifier, string? referrer, string? type, int line = 0, int column = 0)
    {
        var host = realm.ModuleHost ?? throw new JsThrowable(ErrorType.TypeError, "Cannot load module '" + specifier + "': modules are not supported by this host");
        string url = HostCall(realm, () => host.Resolve(specifier, referrer, line, column));
        var root = GetOrLoad(realm, host, url, type);
        var pending = new Stack<ModuleRecord>();
        var seen = new HashSet<ModuleRecord>(ReferenceEqualityComparer.Instance) { root };
        pending.Push(root);
        while (pending.Count > 0)
        {
            var module = pending.Pop();
            if (module.Status != ModuleStatus.New) continue;
            foreach (var request in module.Info.RequestedModules)
            {
                if (!module.Loaded.TryGetValue(request, out var child))
                {
                    var (l, c) = module.RequestPositions.TryGetValue(request.Specifier, out var pos) ? pos : (0, 0);
                    string childUrl = HostCall(realm, () => host.Resolve(request.Specifier, module.Url, l, c));
                    child = GetOrLoad(realm, host, childUrl, request.Type);
                    module.Loaded[request] = child;
                }
                if (seen.Add(child)) pending.Push(child);
            }
            module.Status = ModuleStatus.Unlinked;
        }
        // A module stays New until all its requests loaded; reaching here means all did.
        return root;
    }

    private static ModuleRecord GetOrLoad(Realm realm, IModuleHost host, string url, string? type)
    {
        string key = type is null ? url : url + "\0" + type;
        if (realm.ModuleMap.TryGetValue(key, out var existing)) return existing;
        var text = HostCall(realm, () => host.Load(url, type));
        string finalKey = type is null ? text.Url : text.Url + "\0" + type;
        if (realm.ModuleMap.TryGetValue(finalKey, out existing))
        {
            realm.ModuleMap[key] = existing;
            return existing;
        }
        var module = new ModuleRecord(realm, text.Url) { Source = text.Source };
        if (text.IsJson || type == "json") LoadJson(realm, module, text.Source);
        else LoadSource(module, text.Source);
        realm.ModuleMap[finalKey] = module;
        realm.ModuleMap[key] = module;
        return module;
    }

    /// <summary>ParseModule (§16.2.1.6.1) and compilation.</summary>
    private static void LoadSource(ModuleRecord module, string source)
    {
        var program = Parser.ParseModule(source, new ParserOptions { FileName = module.Url });
        module.Info = ModuleRecordInfo.From(program);
        module.HasTopLevelAwait = module.Info.HasTopLevelAwait;
        foreach (var request in module.Info.RequestedModules)
            foreach (var (key, _) in request.Attributes)
                if (key != "type")
                    throw new JsThrowable(ErrorType.SyntaxError, $"Import attribute '{key}' is not supported");
        foreach (var s in program.Body)
        {
            var literal = s switch
            {
                ImportDeclaration i => i.Source,
                ExportNamedDeclaration e => e.Source,
                ExportAllDeclaration a => a.Source,
                _ => null,
            };
            if (literal?.StringValue is { } spec) module.RequestPositions.TryAdd(spec, (literal.Line, literal.Column));
        }
        FunctionCompiler.CompileModule(program, module);
    }

    /// <summary>A JSON module (§16.2.1.7.1 ParseJSONModule): a synthetic module exporting the parsed value as "default".</summary>
    private static void LoadJson(Realm realm, ModuleRecord module, string source)
    {
        module.IsJson = true;
        module.JsonValue = JsonParser.Parse(realm, source);
        var info = new ModuleRecordInfo();
        info.LocalExportEntries.Add(new ExportEntry("default", null, null, ModuleRecordInfo.DefaultLocalName));
        module.Info = info;
        module.EnvSize = 1;
        module.LocalSlots[ModuleRecordInfo.DefaultLocalName] = 0;
    }

    /// <summary>Runs a host callback: a <see cref="ModuleHostException"/> becomes that error class, anything else a TypeError.</summary>
    internal static T HostCall<T>(Realm realm, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (ModuleHostException e)
        {
            throw HostError(realm, e.ErrorName, e.Message);
        }
        catch (Exception e) when (e is not (JsThrowable or ScriptTerminatedException or JsSyntaxException or InsufficientExecutionStackException))
        {
            throw new JsThrowable(ErrorType.TypeError, e.Message);
        }
    }

    private static JsThrowable HostError(Realm realm, string name, string message)
    {
        int index = Array.IndexOf(ErrorNames, name);
        // Host-specific classes (Deno's NotFound, ...) become an Error with that name.
        return index < 0 ? new JsThrowable(realm.CreateError(name, message)) : new JsThrowable((ErrorType)index, message);
    }

    private static readonly string[] ErrorNames = ["Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError", "EvalError", "URIError", "AggregateError"];
}
