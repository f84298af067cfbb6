using DualEngine.Abstractions.Errors;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Backends.Managed.Tests;

/// <summary>IRealm on the managed engine: errors, hooks, microtasks, rejections, limits.</summary>
public class RealmTests
{
    [Fact]
    public void Syntax_error_reports_file_line_column_and_source_line()
    {
        using var t = new TestRealm();
        var ex = Assert.Throws<JsException>(() => t.Realm.EvaluateScript("let x = 1;\nlet y = );", "bad.js"));
        Assert.Equal("SyntaxError", ex.Error.Name);
        Assert.Equal("bad.js", ex.Error.FileName);
        Assert.Equal(2, ex.Error.Line);
        Assert.Equal(9, ex.Error.Column);
        Assert.Equal("let y = );", ex.Error.SourceLine);
    }

    [Fact]
    public void Uncaught_error_carries_name_message_stack_and_where_it_was_created()
    {
        using var t = new TestRealm();
        var ex = Assert.Throws<JsException>(() => t.Realm.EvaluateScript("\nfunction foo() {\n  const e = new TypeError('boom');\n  throw e;\n}\nfoo();", "main.js"));
        Assert.Equal("TypeError", ex.Error.Name);
        Assert.Equal("boom", ex.Error.Message);
        Assert.True(ex.Error.IsErrorObject);
        Assert.Equal("main.js", ex.Error.FileName);
        Assert.Equal(3, ex.Error.Line);
        Assert.Equal(13, ex.Error.Column);
        Assert.Equal("  const e = new TypeError('boom');", ex.Error.SourceLine);
        Assert.StartsWith("TypeError: boom\n    at foo (main.js:3:13)", ex.Error.Stack);
    }

    [Fact]
    public void Thrown_non_errors_are_shown_as_v8_shows_them()
    {
        using var t = new TestRealm();
        var text = Assert.Throws<JsException>(() => t.Realm.EvaluateScript("throw 'plain'", "s.js"));
        Assert.False(text.Error.IsErrorObject);
        Assert.Equal("\"plain\"", text.Error.Headline);
        var number = Assert.Throws<JsException>(() => t.Realm.EvaluateScript("throw 42", "n.js"));
        Assert.Equal("42", number.Error.Headline);
        t.Realm.EvaluateScript("__core.setHook('inspect', v => '<' + Object.keys(v) + '>')", "i.js");
        var obj = Assert.Throws<JsException>(() => t.Realm.EvaluateScript("throw { code: 42 }", "o.js"));
        Assert.Equal("<code>", obj.Error.Headline);
    }

    [Fact]
    public void Hooks_are_called_by_name_with_arguments()
    {
        using var t = new TestRealm();
        t.Realm.EvaluateScript("__core.setHook('greet', (a, b, c) => { __core.ops.op_test_print(a + ':' + b + ':' + c.k); return b > 1; });", "h.js");
        Assert.True(t.Realm.CallHook("greet", [OpValue.From("x"), OpValue.From(2), OpValue.FromJson("{\"k\":1}")]));
        Assert.False(t.Realm.CallHook("greet", [OpValue.From("y"), OpValue.From(1), OpValue.FromJson("{}")]));
        Assert.False(t.Realm.CallHook("missing", []));
        Assert.Contains("x:2:1", t.Printed);
        t.Realm.EvaluateScript("__core.setHook('bad', () => { throw new RangeError('in hook') })", "h2.js");
        Assert.Equal("RangeError: in hook", Assert.Throws<JsException>(() => t.Realm.CallHook("bad", [])).Error.Headline);
        Assert.Equal("TypeError", t.Eval("(() => { try { __core.setHook(1) } catch (e) { return e.name } })()"));
    }

    [Fact]
    public void Hooks_survive_deleting_core()
    {
        using var t = new TestRealm();
        t.Realm.EvaluateScript("const core = __core; delete globalThis.__core; core.setHook('h', () => true);", "d.js");
        Assert.True(t.Realm.CallHook("h", []));
    }

    [Fact]
    public void Microtasks_run_only_at_a_checkpoint_and_a_throwing_one_is_reported_after_the_others_ran()
    {
        using var t = new TestRealm();
        t.Realm.EvaluateScript("""
            globalThis.log = [];
            __core.queueMicrotask(() => log.push(1));
            __core.queueMicrotask(() => { throw new Error('mt'); });
            Promise.resolve().then(() => log.push(2));
            __core.queueMicrotask(() => { throw new Error('second'); });
            __core.queueMicrotask(() => log.push(3));
            """, "m.js");
        Assert.Equal("", t.Eval("log.join()"));
        var ex = Assert.Throws<JsException>(() => t.Realm.RunMicrotasks());
        Assert.Equal("Error: mt", ex.Error.Headline);
        Assert.Equal("1,2,3", t.Eval("log.join()"));
        t.Realm.RunMicrotasks();  // the error was reported once
    }

    [Fact]
    public void Unhandled_rejections_are_reported_and_handled_ones_are_not()
    {
        using var t = new TestRealm();
        t.Realm.EvaluateScript("Promise.reject(new TypeError('lost')); const h = Promise.reject(new Error('kept')); h.catch(() => {});", "r.js");
        t.Realm.RunMicrotasks();
        var list = t.Realm.TakeUnhandledRejections();
        Assert.Single(list);
        Assert.Equal("TypeError: lost", list[0].Headline);
        Assert.Equal("r.js", list[0].FileName);
        Assert.Empty(t.Realm.TakeUnhandledRejections());
    }

    [Fact]
    public void Unhandled_rejection_hook_decides_which_rejections_are_reported()
    {
        using var t = new TestRealm();
        t.Realm.EvaluateScript("""
            globalThis.seen = [];
            __core.setHook('unhandledRejection', (promise, reason) => { seen.push(String(reason)); return reason === 'prevented'; });
            Promise.reject('prevented');
            Promise.reject('reported');
            """, "u.js");
        t.Realm.RunMicrotasks();
        var list = t.Realm.TakeUnhandledRejections();
        Assert.Equal("prevented,reported", t.Eval("seen.join()"));
        Assert.Single(list);
        Assert.Equal("\"reported\"", list[0].Headline);
    }

    [Fact]
    public void Infinite_loop_is_terminated_from_another_thread_and_realm_survives()
    {
        using var t = new TestRealm();
        using var timer = new Timer(_ => t.Realm.Terminate("test timeout"), null, 200, Timeout.Infinite);
        var ex = Assert.Throws<JsException>(() => t.Realm.EvaluateScript("while (true) {}", "loop.js"));
        Assert.True(ex.IsTermination);
        Assert.Equal("Terminated", ex.Error.Name);
        Assert.Equal("5", t.Eval("2 + 3"));
    }

    [Fact]
    public void Termination_inside_a_reentrant_op_stops_the_outer_script_too()
    {
        using var t = new TestRealm();
        using var timer = new Timer(_ => t.Realm.Terminate("test timeout"), null, 200, Timeout.Infinite);
        var ex = Assert.Throws<JsException>(() => t.Realm.EvaluateScript(
            "try { __core.ops.op_test_reenter('while (true) {}') } catch (e) { globalThis.caught = e } while (true) {}", "outer.js"));
        Assert.True(ex.IsTermination);
        Assert.Equal("undefined", t.Eval("typeof caught"));
    }

    [Fact]
    public void Allocation_bomb_under_heap_limit_is_a_clean_error()
    {
        using var t = new TestRealm(heapLimit: 64L * 1024 * 1024);
        var ex = Assert.Throws<JsException>(() => t.Realm.EvaluateScript("const a = []; while (true) a.push({ x: Math.random(), y: [1,2,3] });", "bomb.js"));
        Assert.Equal("OutOfMemory", ex.Error.Name);
        Assert.True(ex.IsTermination);
        t.Realm.EvaluateScript("a.length = 0", "free.js");
        Assert.Equal("5", t.Eval("2 + 3"));
    }

    [Fact]
    public void Deep_recursion_is_a_catchable_range_error_and_the_host_survives()
    {
        using var t = new TestRealm();
        Assert.Equal("RangeError: Maximum call stack size exceeded",
            t.Eval("(() => { try { (function f() { f(); })() } catch (e) { return e } })()"));
        var ex = Assert.Throws<JsException>(() => t.Realm.EvaluateScript("(function g() { g(); })()", "deep.js"));
        Assert.Equal("RangeError", ex.Error.Name);
        // Recursion through a host function (an op re-entering JS) is bounded too: the call depth or the parser's
        // nesting guard stops it, and each level's error crosses the op as an Error (as on V8).
        var nested = Assert.Throws<JsException>(() => t.Realm.EvaluateScript(
            "globalThis.r = () => __core.ops.op_test_reenter('r()'); r()", "nested.js"));
        Assert.Matches("(Maximum call stack size exceeded|too deeply nested)$", nested.Error.Message);
        Assert.Equal("5", t.Eval("2 + 3"));
    }

    [Fact]
    public void More_realms_in_the_engine_have_their_own_intrinsics_and_errors()
    {
        using var t = new TestRealm();
        t.Realm.EvaluateScript("""
            globalThis.other = __core.managed.createRealm();
            globalThis.otherEval = (source) => __core.managed.evalScriptIn(other, source);
            """, "realms.js");
        Assert.Equal("false", t.Eval("other.Array === Array"));
        Assert.Equal("3,true", t.Eval("[otherEval('[1, 2, 3]').length, otherEval('[]') instanceof other.Array]"));
        Assert.Equal("true,false", t.Eval("(() => { try { otherEval('1 +'); } catch (e) { return [e instanceof other.SyntaxError, e instanceof SyntaxError]; } })()"));
        Assert.Equal("true", t.Eval("(() => { try { otherEval('null.x'); } catch (e) { return e instanceof other.TypeError; } })()"));
        Assert.Equal("7", t.Eval("(otherEval('var shared = 7'), other.shared)"));
    }

    [Fact]
    public void Heap_use_is_reported()
    {
        using var t = new TestRealm();
        Assert.True(t.Realm.HeapUsedBytes > 0);
    }

    [Fact]
    public void A_disposed_realm_refuses_calls()
    {
        var t = new TestRealm();
        t.Dispose();
        Assert.Throws<ObjectDisposedException>(() => t.Realm.EvaluateScript("1", "x.js"));
        t.Realm.Terminate("after dispose");  // harmless
    }
}
