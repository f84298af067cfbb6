using DualEngine.Engine;

namespace DualEngine.Engine.Tests;

/// <summary>An in-memory module host: URLs are "mem:/name", specifiers "./name" or "name" resolve to them.</summary>
internal sealed class MemoryModuleHost(Dictionary<string, string> sources) : IModuleHost
{
    public readonly List<string> Loads = new();
    public readonly List<(string Specifier, string? Referrer, int Line, int Column)> Resolves = new();

    public string Resolve(string specifier, string? referrer, int line, int column)
    {
        Resolves.Add((specifier, referrer, line, column));
        if (specifier.StartsWith("bad:")) throw new ModuleHostException("RangeError", "cannot resolve " + specifier);
        if (specifier.StartsWith("crash:")) throw new InvalidOperationException("host failure " + specifier);
        string name = specifier.StartsWith("mem:/") ? specifier[5..] : specifier.StartsWith("./") ? specifier[2..] : specifier;
        return "mem:/" + name;
    }

    public ModuleText Load(string url, string? type)
    {
        Loads.Add(url);
        string name = url[5..];
        if (!sources.TryGetValue(name, out var source)) throw new ModuleHostException("TypeError", "Module not found: " + url);
        return new ModuleText(url, source, name.EndsWith(".json"));
    }

    public void InitializeImportMeta(Realm realm, JsValue meta, string url, bool isMain)
    {
        realm.SetProperty(meta, "url", JsValue.FromString(url));
        realm.SetProperty(meta, "main", JsValue.FromBoolean(isMain));
    }
}

public class ModuleTests
{
    /// <summary>Evaluates mem:/main.js of the given graph, drains microtasks and returns globalThis.result as a string.</summary>
    private static string Run(params (string Name, string Source)[] modules)
    {
        var (realm, promise) = Start(modules);
        realm.RunMicrotasks();
        var state = realm.GetPromiseState(promise, out var value);
        if (state == JsPromiseState.Rejected) return "rejected: " + realm.GetProperty(value, "name") + ": " + realm.GetProperty(value, "message");
        return realm.GetGlobal("result").ToString();
    }

    private static (Realm, JsValue) Start((string Name, string Source)[] modules)
    {
        var realm = TestHost.NewRealm();
        realm.ModuleHost = new MemoryModuleHost(modules.ToDictionary(m => m.Name, m => m.Source));
        return (realm, realm.EvaluateModule("./main.js"));
    }

    [Fact]
    public void ImportsAreLiveBindings() => Assert.Equal("1,2,2", Run(
        ("main.js", "import { count, inc } from './counter.js'; const a = count; inc(); globalThis.result = [a, count, (() => count)()].join();"),
        ("counter.js", "export let count = 1; export function inc() { count++; }")));

    [Fact]
    public void DefaultExportsAndRenames() => Assert.Equal("default,7,f,C", Run(
        ("main.js", "import d, { x as y } from './a.js'; import f from './f.js'; import C from './c.js'; globalThis.result = [d.name, y, f(), C.name].join();"),
        ("a.js", "export default function () {} export const x = 7;"),
        ("f.js", "export default () => 'f';"),
        ("c.js", "export default class C {}")));

    [Fact]
    public void CyclesSeeHoistedFunctions() => Assert.Equal("b sees a:fa; a sees b:B", Run(
        ("main.js", "import { fromA } from './a.js'; globalThis.result = fromA;"),
        ("a.js", "import { b, fromB } from './b.js'; export function fa() { return 'fa'; } export const fromA = fromB + '; a sees b:' + b;"),
        ("b.js", "import { fa } from './a.js'; export const b = 'B'; export const fromB = 'b sees a:' + fa();")));

    [Fact]
    public void CycleTdzIsAReferenceError() => Assert.Equal("rejected: ReferenceError: Cannot access 'x' before initialization", Run(
        ("main.js", "import './a.js';"),
        ("a.js", "import { y } from './b.js'; export const x = 1;"),
        ("b.js", "import { x } from './a.js'; export const y = x;")));

    [Fact]
    public void NamespaceObject() => Assert.Equal("Module|a,b,default|true|false|false|2|TypeError|[object Module]", Run(
        ("main.js", """
            import * as ns from './m.js';
            let err; try { ns.a = 3; } catch (e) { err = e.name; }
            globalThis.result = [ns[Symbol.toStringTag], Object.keys(ns), Object.getPrototypeOf(ns) === null, Object.isExtensible(ns),
              Reflect.deleteProperty(ns, "a"), ns.b, err, Object.prototype.toString.call(ns)].join('|');
            """),
        ("m.js", "export const b = 2, a = 1; export default 0;")));

    [Fact]
    public void StarExportsAndReexports() => Assert.Equal("1,2,3,x,true", Run(
        ("main.js", "import { a, b, c, ns, same } from './re.js'; globalThis.result = [a, b, c, ns.x, same].join();"),
        ("re.js", "export * from './one.js'; export { two as b } from './two.js'; export * as ns from './x.js'; import { c } from './two.js'; export { c }; import * as o from './one.js'; export const same = o.a === 1;"),
        ("one.js", "export const a = 1; export default 'not re-exported';"),
        ("two.js", "export const two = 2, c = 3;"),
        ("x.js", "export const x = 'x';")));

    [Fact]
    public void MissingExportIsASyntaxErrorNamingTheBinding()
    {
        var (e, _) = ThrowsAtStart(("main.js", "import { nope } from './m.js';"), ("m.js", "export const yes = 1;"));
        Assert.Equal("SyntaxError", e.Name);
        Assert.Contains("'nope'", e.JsMessage);
    }

    [Fact]
    public void AmbiguousStarExportIsASyntaxError()
    {
        var (e, _) = ThrowsAtStart(("main.js", "import { x } from './ab.js';"), ("ab.js", "export * from './a.js'; export * from './b.js';"),
            ("a.js", "export const x = 1;"), ("b.js", "export const x = 2;"));
        Assert.Equal("SyntaxError", e.Name);
        Assert.Contains("'x'", e.JsMessage);
    }

    [Fact]
    public void AmbiguousNamesAreLeftOutOfTheNamespace() => Assert.Equal("y", Run(
        ("main.js", "import * as ns from './ab.js'; globalThis.result = Object.keys(ns).join();"),
        ("ab.js", "export * from './a.js'; export * from './b.js';"),
        ("a.js", "export const x = 1, y = 1;"), ("b.js", "export const x = 2;")));

    [Fact]
    public void HostErrorsKeepTheirClass()
    {
        var (e, _) = ThrowsAtStart(("main.js", "import 'bad:thing';"));
        Assert.Equal("RangeError", e.Name);
        Assert.Equal("cannot resolve bad:thing", e.JsMessage);
        var (e2, _) = ThrowsAtStart(("main.js", "import 'crash:thing';"));
        Assert.Equal("TypeError", e2.Name);
        var (e3, _) = ThrowsAtStart(("main.js", "import './missing.js';"));
        Assert.Equal("TypeError", e3.Name);
        Assert.Contains("mem:/missing.js", e3.JsMessage);
    }

    [Fact]
    public void SyntaxErrorInTheGraphThrowsWithItsLocation()
    {
        var (e, _) = ThrowsAtStart(("main.js", "import './a.js';"), ("a.js", "\nlet = ;"));
        Assert.Equal("SyntaxError", e.Name);
        Assert.Equal("mem:/a.js", e.FileName);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void ResolveGetsTheSpecifierPosition()
    {
        var realm = TestHost.NewRealm();
        var host = new MemoryModuleHost(new() { ["main.js"] = "\n  import   './a.js';", ["a.js"] = "" });
        realm.ModuleHost = host;
        realm.EvaluateModule("./main.js");
        Assert.Equal(("./main.js", (string?)null, 0, 0), host.Resolves[0]);
        Assert.Equal(("./a.js", (string?)"mem:/main.js", 2, 12), host.Resolves[1]);
    }

    [Fact]
    public void EvaluationErrorsRejectThePromise() => Assert.Equal("rejected: Error: boom", Run(
        ("main.js", "import './a.js';"), ("a.js", "throw new Error('boom');")));

    [Fact]
    public void ModuleCodeIsStrictAndThisIsUndefined() => Assert.Equal("undefined,TypeError", Run(
        ("main.js", "let e; try { undefinedVariable = 1; } catch (x) { e = x.name === 'ReferenceError' ? 'TypeError' : 'sloppy'; } globalThis.result = [typeof this, e].join();")));

    [Fact]
    public void ImportsAreImmutable() => Assert.Equal("TypeError", Run(
        ("main.js", "import { x } from './a.js'; try { x = 2; } catch (e) { globalThis.result = e.name; }"), ("a.js", "export let x = 1;")));

    [Fact]
    public void ModulesEvaluateOnceInDependencyOrder() => Assert.Equal("b,a,main", Run(
        ("main.js", "import './a.js'; import './b.js'; globalThis.log.push('main'); globalThis.result = globalThis.log.join();"),
        ("a.js", "import './b.js'; globalThis.log.push('a');"),
        ("b.js", "globalThis.log = []; globalThis.log.push('b');")));

    [Fact]
    public void TopLevelAwaitOrdering() => Assert.Equal("a-start,b,a-end,c,main", Run(
        // a awaits; b (no TLA, no async deps) runs right away; c depends on a so waits; main waits for all.
        ("main.js", "import './a.js'; import './b.js'; import './c.js'; log.push('main'); globalThis.result = log.join();"),
        ("a.js", "globalThis.log = ['a-start']; await null; await null; log.push('a-end');"),
        ("b.js", "log.push('b');"),
        ("c.js", "import './a.js'; log.push('c');")));

    [Fact]
    public void TopLevelAwaitRejectionRejectsTheGraph() => Assert.Equal("rejected: TypeError: late", Run(
        ("main.js", "import './a.js'; globalThis.result = 'ran';"),
        ("a.js", "await Promise.resolve(); throw new TypeError('late');")));

    [Fact]
    public void EvaluateReturnsAPendingPromiseUntilTlaFinishes()
    {
        var (realm, promise) = Start([("main.js", "await 0; globalThis.result = 'done';")]);
        Assert.Equal(JsPromiseState.Pending, realm.GetPromiseState(promise, out _));
        realm.RunMicrotasks();
        Assert.Equal(JsPromiseState.Fulfilled, realm.GetPromiseState(promise, out _));
        Assert.Equal("done", realm.GetGlobal("result").ToString());
    }

    [Fact]
    public void DynamicImportFromAModule() => Assert.Equal("42,true,Module", Run(
        ("main.js", "const ns = await import('./lib.js'); const again = await import('./lib.js'); globalThis.result = [ns.v, ns === again, ns[Symbol.toStringTag]].join();"),
        ("lib.js", "export const v = 42;")));

    [Fact]
    public void DynamicImportRejections() => Assert.Equal("TypeError,SyntaxError,Error,SyntaxError,RangeError", Run(
        ("main.js", """
            const names = [];
            for (const s of ['./missing.js', './broken.js', './throws.js', './badexport.js', 'bad:x'])
              await import(s).then(() => names.push('ok'), e => names.push(e.name));
            globalThis.result = names.join();
            """),
        ("broken.js", "let let = 1;"), ("throws.js", "throw new Error('x');"), ("badexport.js", "import { q } from './throws.js';")));

    [Fact]
    public void DynamicImportFromAScriptResolvesAgainstTheScript()
    {
        var realm = TestHost.NewRealm();
        var host = new MemoryModuleHost(new() { ["lib.js"] = "export default 'lib';" });
        realm.ModuleHost = host;
        realm.Evaluate("import('./lib.js').then(ns => globalThis.result = ns.default)", "mem:/script.js");
        realm.RunMicrotasks();
        Assert.Equal("lib", realm.GetGlobal("result").ToString());
        Assert.Equal("mem:/script.js", host.Resolves[0].Referrer);
    }

    [Fact]
    public void DynamicImportEvaluatesItsOptionsAndChecksThem() => Assert.Equal("TypeError,TypeError,json", Run(
        ("main.js", """
            const r = [];
            await import('./d.json', 1).catch(e => r.push(e.name));
            await import('./d.json', { with: { type: 1 } }).catch(e => r.push(e.name));
            r.push((await import('./d.json', { with: { type: 'json' } })).default.kind);
            globalThis.result = r.join();
            """),
        ("d.json", "{\"kind\": \"json\"}")));

    [Fact]
    public void JsonModules() => Assert.Equal("3,b,true", Run(
        ("main.js", "import data from './data.json' with { type: 'json' }; import again from './data.json' assert { type: 'json' }; globalThis.result = [data.list.length, data.name, data === again].join();"),
        ("data.json", "{\"list\": [1, 2, 3], \"name\": \"b\"}")));

    [Fact]
    public void ImportMetaComesFromTheHost() => Assert.Equal("mem:/main.js,true,mem:/dep.js,false,true,true", Run(
        ("main.js", "import { meta } from './dep.js'; globalThis.result = [import.meta.url, import.meta.main, meta.url, meta.main, import.meta === import.meta, Object.getPrototypeOf(import.meta) === null].join();"),
        ("dep.js", "export const meta = import.meta;")));

    [Fact]
    public void FailedImportIsRetriedAndEvaluationErrorsAreCached() => Assert.Equal("1,Error,Error,same", Run(
        ("main.js", """
            globalThis.count = 0;
            const errors = [];
            for (let i = 0; i < 2; i++) await import('./throws.js').catch(e => errors.push(e));
            globalThis.result = [count, errors[0].name, errors[1].name, errors[0] === errors[1] ? 'same' : 'different'].join();
            """),
        ("throws.js", "count++; throw new Error('once');")));

    private static (JsEngineException, Realm) ThrowsAtStart(params (string Name, string Source)[] modules)
    {
        var realm = TestHost.NewRealm();
        realm.ModuleHost = new MemoryModuleHost(modules.ToDictionary(m => m.Name, m => m.Source));
        return (Assert.Throws<JsEngineException>(() => realm.EvaluateModule("./main.js")), realm);
    }
}
