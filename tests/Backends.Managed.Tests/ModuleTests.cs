using DualEngine.Abstractions.Engines;
using DualEngine.Abstractions.Errors;

namespace DualEngine.Backends.Managed.Tests;

/// <summary>IRealm.EvaluateModule on the managed engine, with the V8 backend's error shapes.</summary>
public class ModuleTests
{
    [Fact]
    public void Modules_with_static_dynamic_json_imports_and_top_level_await()
    {
        using var t = new TestRealm(new()
        {
            ["file:///app/main.mjs"] = """
                import { twice } from "./lib.mjs";
                import data from "./data.json" with { type: "json" };
                const dyn = await import("./dyn.mjs");
                __core.ops.op_test_print(`${twice(data.n)} ${dyn.name} ${import.meta.url} ${import.meta.main}`);
                __core.ops.op_test_print(`${import.meta.filename} ${import.meta.dirname} ${import.meta.resolve("./x.mjs")}`);
                """,
            ["file:///app/lib.mjs"] = "export const twice = x => x * 2;",
            ["file:///app/data.json"] = "{\"n\": 21}",
            ["file:///app/dyn.mjs"] = "export const name = 'dyn:' + import.meta.main;",
        });
        var promise = t.Realm.EvaluateModule("file:///app/main.mjs");
        t.Realm.RunMicrotasks();
        Assert.Equal(PromiseStatus.Fulfilled, t.Realm.GetPromiseStatus(promise, out var error));
        Assert.Null(error);
        Assert.Contains("42 dyn:false file:///app/main.mjs true", t.Printed);
        Assert.Contains("/app/main.mjs /app file:///app/x.mjs", t.Printed);
    }

    [Fact]
    public void Missing_module_names_specifier_and_the_importing_statement()
    {
        using var t = new TestRealm(new() { ["file:///app/main.mjs"] = "// first line\nimport './nope.mjs';" });
        var ex = Assert.Throws<JsException>(() => t.Realm.EvaluateModule("file:///app/main.mjs"));
        Assert.Equal("TypeError", ex.Error.Name);
        Assert.Equal("Module not found \"file:///app/nope.mjs\".\n    at file:///app/main.mjs:2:8", ex.Error.Message);
    }

    [Fact]
    public void Missing_entry_module_is_a_type_error_without_location()
    {
        using var t = new TestRealm(new());
        var ex = Assert.Throws<JsException>(() => t.Realm.EvaluateModule("file:///app/none.mjs"));
        Assert.Equal("TypeError: Module not found \"file:///app/none.mjs\".", ex.Error.Headline);
    }

    [Fact]
    public void Failed_dynamic_import_rejects_with_a_type_error()
    {
        using var t = new TestRealm(new()
        {
            ["file:///app/main.mjs"] = "try { await import('./nope.mjs') } catch (e) { __core.ops.op_test_print(e.name + ': ' + e.message) }",
        });
        var promise = t.Realm.EvaluateModule("file:///app/main.mjs");
        t.Realm.RunMicrotasks();
        Assert.Equal(PromiseStatus.Fulfilled, t.Realm.GetPromiseStatus(promise, out _));
        Assert.Contains("TypeError: Module not found \"file:///app/nope.mjs\".", t.Printed);
    }

    [Fact]
    public void Top_level_throw_in_module_rejects_with_location()
    {
        using var t = new TestRealm(new() { ["file:///app/main.mjs"] = "\nfunction foo() { throw new Error('boom'); }\nfoo();" });
        var promise = t.Realm.EvaluateModule("file:///app/main.mjs");
        t.Realm.RunMicrotasks();
        Assert.Equal(PromiseStatus.Rejected, t.Realm.GetPromiseStatus(promise, out var error));
        Assert.Equal("Error", error!.Name);
        Assert.Equal("boom", error.Message);
        Assert.Equal(2, error.Line);
        Assert.Equal("function foo() { throw new Error('boom'); }", error.SourceLine);
        Assert.Contains("at foo (file:///app/main.mjs:2:24)", error.Stack);
    }

    [Fact]
    public void Import_of_a_module_still_evaluating_waits_for_it()
    {
        using var t = new TestRealm(new()
        {
            ["file:///app/p.mjs"] = "import { q } from './q.mjs'; export const p = 'p'; __core.ops.op_test_print('p evaluated ' + q);",
            ["file:///app/q.mjs"] = "export const q = 'q'; import('./p.mjs').then(ns => __core.ops.op_test_print('cycle import sees ' + ns.p)); await null;",
        });
        var promise = t.Realm.EvaluateModule("file:///app/p.mjs");
        t.Realm.RunMicrotasks();
        Assert.Equal(PromiseStatus.Fulfilled, t.Realm.GetPromiseStatus(promise, out _));
        Assert.Contains("cycle import sees p", t.Printed);
    }

    [Fact]
    public void Cycle_that_awaits_itself_stays_pending_without_crashing()
    {
        using var t = new TestRealm(new()
        {
            ["file:///app/x.mjs"] = "import { y } from './y.mjs'; export const x = 1; await import('./y.mjs');",
            ["file:///app/y.mjs"] = "import { x } from './x.mjs'; export const y = 2; await import('./x.mjs');",
        });
        var promise = t.Realm.EvaluateModule("file:///app/x.mjs");
        t.Realm.RunMicrotasks();
        Assert.Equal(PromiseStatus.Pending, t.Realm.GetPromiseStatus(promise, out _));  // the runtime reports "never resolved"
    }

    [Fact]
    public void Invalid_json_module_is_a_syntax_error_naming_the_module()
    {
        using var t = new TestRealm(new()
        {
            ["file:///app/main.mjs"] = "import data from './bad.json' with { type: 'json' };",
            ["file:///app/bad.json"] = "{ bad json",
        });
        var ex = Assert.Throws<JsException>(() => t.Realm.EvaluateModule("file:///app/main.mjs"));
        Assert.Equal("SyntaxError", ex.Error.Name);
        Assert.Contains("in JSON module \"file:///app/bad.json\"", ex.Error.Message);
    }

    [Fact]
    public void Syntax_error_in_a_dependency_keeps_its_class_and_location()
    {
        using var t = new TestRealm(new()
        {
            ["file:///app/main.mjs"] = "import './syn.mjs';",
            ["file:///app/syn.mjs"] = "export const = 1;",
        });
        var ex = Assert.Throws<JsException>(() => t.Realm.EvaluateModule("file:///app/main.mjs"));
        Assert.Equal("SyntaxError", ex.Error.Name);
        Assert.Equal("file:///app/syn.mjs", ex.Error.FileName);
        Assert.Equal(14, ex.Error.Column);
        Assert.Equal("export const = 1;", ex.Error.SourceLine);
    }

    [Fact]
    public void Without_a_loader_imports_fail_cleanly()
    {
        using var t = new TestRealm();
        var ex = Assert.Throws<JsException>(() => t.Realm.EvaluateModule("file:///app/main.mjs"));
        Assert.Equal("TypeError", ex.Error.Name);
    }
}
