using DualEngine.Abstractions.Engines;
using DualEngine.Abstractions.Errors;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Backends.V8.Tests;

public class RealmTests
{
    private static IRealm NewRealm(Dictionary<string, string>? modules = null, long? heapLimit = null) =>
        TestOps.Engine.CreateRealm(new RealmOptions
        {
            Ops = TestOps.All,
            ModuleLoader = modules is null ? null : new MapModuleLoader(modules),
            HeapLimitBytes = heapLimit,
        });

    private static string Eval(IRealm realm, string expression)
    {
        realm.EvaluateScript($"__core.ops.op_test_print(String({expression}))", "probe.js");
        lock (TestOps.Printed)
        {
            var last = TestOps.Printed[^1];
            return last;
        }
    }

    [Fact]
    public void Realm_of_an_engine_that_leaves_isolates_at_exit_is_disposed_for_the_host()
    {
        // The dualrt CLI's setting: Dispose skips the isolate teardown, but the realm is closed to its host all the same.
        var realm = new V8Engine { LeaveIsolatesAtExit = true }.CreateRealm(new RealmOptions { Ops = TestOps.All });
        Assert.Equal("5", Eval(realm, "__core.ops.op_test_add(2, 3)"));
        realm.Dispose();
        realm.Dispose();
        Assert.Throws<ObjectDisposedException>(() => realm.EvaluateScript("1", "after.js"));
    }

    [Fact]
    public void Evaluates_scripts_and_calls_sync_ops()
    {
        using var realm = NewRealm();
        Assert.Equal("5", Eval(realm, "__core.ops.op_test_add(2, 3)"));
        Assert.Equal("ab", Eval(realm, "__core.ops.op_test_concat('a', 'b')"));
        // String arguments are read into a buffer that only grows: a short one after a long one is still exact.
        Assert.Equal("2000", Eval(realm, "__core.ops.op_test_concat('x'.repeat(1000), 'y'.repeat(1000)).length"));
        Assert.Equal("cd", Eval(realm, "__core.ops.op_test_concat('c', 'd')"));
        Assert.Equal("é😀ü", Eval(realm, "__core.ops.op_test_concat('é😀', 'ü')"));
        Assert.Equal("", Eval(realm, "__core.ops.op_test_concat('', '')"));
        Assert.Equal("3,2,1", Eval(realm, "__core.ops.op_test_bytes(new Uint8Array([1,2,3])).join()"));
        Assert.Equal("{\"a\":[1,2]}", Eval(realm, "JSON.stringify(__core.ops.op_test_json({a:[1,2]}))"));
    }

    [Fact]
    public void More_realms_in_the_isolate_have_their_own_intrinsics_and_errors()
    {
        using var realm = NewRealm();
        realm.EvaluateScript("""
            globalThis.other = __core.v8.createRealm();
            globalThis.otherEval = (source) => __core.v8.evalScriptIn(other, source);
            """, "realms.js");
        Assert.Equal("false", Eval(realm, "other.Array === Array"));
        Assert.Equal("3,true", Eval(realm, "[otherEval('[1, 2, 3]').length, otherEval('[]') instanceof other.Array]"));
        Assert.Equal("true,false", Eval(realm, "(() => { try { otherEval('1 +'); } catch (e) { return [e instanceof other.SyntaxError, e instanceof SyntaxError]; } })()"));
        Assert.Equal("7", Eval(realm, "(otherEval('var shared = 7'), other.shared)"));
    }

    [Fact]
    public void Syntax_error_reports_file_line_and_column()
    {
        using var realm = NewRealm();
        var ex = Assert.Throws<JsException>(() => realm.EvaluateScript("let x = 1;\nlet y = );", "bad.js"));
        Assert.Equal("SyntaxError", ex.Error.Name);
        Assert.Equal("bad.js", ex.Error.FileName);
        Assert.Equal(2, ex.Error.Line);
        Assert.Equal(9, ex.Error.Column);
        Assert.Equal("let y = );", ex.Error.SourceLine);
    }

    [Fact]
    public void Op_errors_become_js_errors_and_never_escape()
    {
        using var realm = NewRealm();
        realm.EvaluateScript("__core.setErrorFactory((cls, msg) => { const e = new Error(msg); e.name = 'Custom' + cls; return e; })", "f.js");
        Assert.Equal("TypeError: bad", Eval(realm, "(() => { try { __core.ops.op_test_fail('TypeError', 'bad') } catch (e) { return e } })()"));
        Assert.Equal("CustomNotFound: gone", Eval(realm, "(() => { try { __core.ops.op_test_fail('NotFound', 'gone') } catch (e) { return e } })()"));
        Assert.Equal("Error: boom from C#", Eval(realm, "(() => { try { __core.ops.op_test_crash() } catch (e) { return e } })()"));
        // Same exception-to-class mapping as async ops' rejections (OpError.From).
        Assert.Equal("CustomNotFound: no such file", Eval(realm, "(() => { try { __core.ops.op_test_missing() } catch (e) { return e } })()"));
    }

    [Fact]
    public void Async_op_promises_settle_by_id_after_a_checkpoint()
    {
        using var realm = NewRealm();
        realm.EvaluateScript("globalThis.log = []; globalThis.id = __core.ops.op_test_promise(); ", "a.js");
        realm.EvaluateScript("""
            const p = __core.ops.op_test_promise();
            p.then(v => log.push('ok:' + v), e => log.push('err:' + e.name + ':' + e.message));
            const q = __core.ops.op_test_promise();
            q.then(v => log.push('json:' + v.x));
            """, "b.js");
        // Promise ids are assigned in order: the first script took 1, then 2 and 3.
        realm.SettlePromises([PromiseSettlement.Reject(2, new OpError("RangeError", "nope")), PromiseSettlement.Resolve(3, OpValue.FromJson("{\"x\":7}"))]);
        Assert.Equal("", Eval(realm, "log.join()"));
        realm.RunMicrotasks();
        Assert.Equal("err:RangeError:nope,json:7", Eval(realm, "log.join()"));
    }

    [Fact]
    public void Modules_with_static_dynamic_json_imports_and_top_level_await()
    {
        using var realm = NewRealm(new()
        {
            ["file:///app/main.mjs"] = """
                import { twice } from "./lib.mjs";
                import data from "./data.json" assert { type: "json" };
                const dyn = await import("./dyn.mjs");
                __core.ops.op_test_print(`${twice(data.n)} ${dyn.name} ${import.meta.url} ${import.meta.main}`);
                """,
            ["file:///app/lib.mjs"] = "export const twice = x => x * 2;",
            ["file:///app/data.json"] = "{\"n\": 21}",
            ["file:///app/dyn.mjs"] = "export const name = 'dyn:' + import.meta.main;",
        });
        var promise = realm.EvaluateModule("file:///app/main.mjs");
        realm.RunMicrotasks();
        Assert.Equal(PromiseStatus.Fulfilled, realm.GetPromiseStatus(promise, out var error));
        Assert.Null(error);
        lock (TestOps.Printed) Assert.Contains("42 dyn:false file:///app/main.mjs true", TestOps.Printed);
    }

    [Fact]
    public void Import_attributes_with_spelling_is_accepted_and_look_alikes_are_left_alone()
    {
        // V8 10.2 knows only `assert`; the backend rewrites `with` where the parser finds an attribute clause.
        using var realm = NewRealm(new()
        {
            ["file:///app/main.mjs"] = """
                import data from "./data.json" with { type: "json" };
                export { default as again } from "./data.json" /* a comment */ with { type: "json" };
                const spec = "./data.json";
                const dyn = await import(spec, { with: { type: "json" } });
                const text = 'import x from "./y.json" with { type: "json" }';
                const obj = { with: 1 };
                __core.ops.op_test_print(`attrs:${data.n},${dyn.default.n},${text.includes("with {")},${obj.with}`);
                """,
            ["file:///app/data.json"] = "{\"n\": 21}",
        });
        var promise = realm.EvaluateModule("file:///app/main.mjs");
        realm.RunMicrotasks();
        Assert.Equal(PromiseStatus.Fulfilled, realm.GetPromiseStatus(promise, out var error));
        Assert.Null(error);
        lock (TestOps.Printed) Assert.Contains("attrs:21,21,true,1", TestOps.Printed);
    }

    [Fact]
    public void Missing_module_names_specifier_and_the_error()
    {
        using var realm = NewRealm(new() { ["file:///app/main.mjs"] = "import './nope.mjs';" });
        var ex = Assert.Throws<JsException>(() => realm.EvaluateModule("file:///app/main.mjs"));
        Assert.Contains("Module not found \"file:///app/nope.mjs\"", ex.Error.Message);
    }

    [Fact]
    public void Top_level_throw_in_module_rejects_with_location()
    {
        using var realm = NewRealm(new() { ["file:///app/main.mjs"] = "\nfunction foo() { throw new Error('boom'); }\nfoo();" });
        var promise = realm.EvaluateModule("file:///app/main.mjs");
        realm.RunMicrotasks();
        Assert.Equal(PromiseStatus.Rejected, realm.GetPromiseStatus(promise, out var error));
        Assert.Equal("Error", error!.Name);
        Assert.Equal("boom", error.Message);
        Assert.Equal(2, error.Line);
        Assert.Contains("at foo (file:///app/main.mjs:2:24)", error.Stack);
    }

    [Fact]
    public void Unhandled_rejections_are_reported_and_handled_ones_are_not()
    {
        using var realm = NewRealm();
        realm.EvaluateScript("Promise.reject(new TypeError('lost')); const h = Promise.reject(new Error('kept')); h.catch(() => {});", "r.js");
        realm.RunMicrotasks();
        var list = realm.TakeUnhandledRejections();
        Assert.Single(list);
        Assert.Equal("TypeError: lost", list[0].Headline);
    }

    [Fact]
    public void Infinite_loop_is_terminated_from_another_thread_and_realm_survives()
    {
        using var realm = NewRealm();
        using var timer = new Timer(_ => realm.Terminate("test timeout"), null, 200, Timeout.Infinite);
        var ex = Assert.Throws<JsException>(() => realm.EvaluateScript("while (true) {}", "loop.js"));
        Assert.True(ex.IsTermination);
        Assert.Equal("5", Eval(realm, "2 + 3"));
    }

    [Fact]
    public void Allocation_bomb_under_heap_limit_is_a_clean_error()
    {
        using var realm = NewRealm(heapLimit: 64L * 1024 * 1024);
        var ex = Assert.Throws<JsException>(() => realm.EvaluateScript("const a = []; while (true) a.push({ x: Math.random(), y: [1,2,3] });", "bomb.js"));
        Assert.Equal("OutOfMemory", ex.Error.Name);
    }

    [Fact]
    public void Hooks_are_called_by_name_with_arguments()
    {
        using var realm = NewRealm();
        realm.EvaluateScript("__core.setHook('greet', (a, b) => { __core.ops.op_test_print(a + ':' + b); return b > 1; });", "h.js");
        Assert.True(realm.CallHook("greet", [OpValue.From("x"), OpValue.From(2)]));
        Assert.False(realm.CallHook("greet", [OpValue.From("y"), OpValue.From(1)]));
        Assert.False(realm.CallHook("missing", []));
        lock (TestOps.Printed) Assert.Contains("x:2", TestOps.Printed);
    }

    [Fact]
    public void Import_of_a_module_still_evaluating_waits_for_it_instead_of_aborting()
    {
        // q.js imports p.js dynamically while p.js (its importer) is still evaluating: a cycle.
        using var realm = NewRealm(new()
        {
            ["file:///app/p.mjs"] = "import { q } from './q.mjs'; export const p = 'p'; __core.ops.op_test_print('p evaluated ' + q);",
            ["file:///app/q.mjs"] = "export const q = 'q'; import('./p.mjs').then(ns => __core.ops.op_test_print('cycle import sees ' + ns.p)); await null;",
        });
        var promise = realm.EvaluateModule("file:///app/p.mjs");
        realm.RunMicrotasks();
        Assert.Equal(PromiseStatus.Fulfilled, realm.GetPromiseStatus(promise, out _));
        lock (TestOps.Printed) Assert.Contains("cycle import sees p", TestOps.Printed);
    }

    [Fact]
    public void Cycle_that_awaits_itself_stays_pending_without_crashing()
    {
        using var realm = NewRealm(new()
        {
            ["file:///app/x.mjs"] = "import { y } from './y.mjs'; export const x = 1; await import('./y.mjs');",
            ["file:///app/y.mjs"] = "import { x } from './x.mjs'; export const y = 2; await import('./x.mjs');",
        });
        var promise = realm.EvaluateModule("file:///app/x.mjs");
        realm.RunMicrotasks();
        Assert.Equal(PromiseStatus.Pending, realm.GetPromiseStatus(promise, out _));  // the runtime reports "never resolved"
    }

    [Fact]
    public void Invalid_json_module_is_a_syntax_error_naming_the_module()
    {
        using var realm = NewRealm(new()
        {
            ["file:///app/main.mjs"] = "import data from './bad.json' assert { type: 'json' };",
            ["file:///app/bad.json"] = "{ bad json",
        });
        var ex = Assert.Throws<JsException>(() => realm.EvaluateModule("file:///app/main.mjs"));
        Assert.Equal("SyntaxError", ex.Error.Name);
        Assert.Contains("in JSON module \"file:///app/bad.json\"", ex.Error.Message);
    }

    [Fact]
    public void Syntax_error_in_a_dependency_keeps_its_class_and_location()
    {
        using var realm = NewRealm(new()
        {
            ["file:///app/main.mjs"] = "import './syn.mjs';",
            ["file:///app/syn.mjs"] = "export const = 1;",
        });
        var ex = Assert.Throws<JsException>(() => realm.EvaluateModule("file:///app/main.mjs"));
        Assert.Equal("SyntaxError", ex.Error.Name);
        Assert.Equal("file:///app/syn.mjs", ex.Error.FileName);
        Assert.Equal(14, ex.Error.Column);
    }
}
