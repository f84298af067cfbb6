using DualEngine.Abstractions.Ops;

namespace DualEngine.Backends.Managed.Tests;

/// <summary>__core.ops on the managed engine: argument and result conversions, errors, async promises by id.</summary>
public class OpTests
{
    [Fact]
    public void Sync_ops_convert_arguments_and_results()
    {
        using var t = new TestRealm();
        Assert.Equal("5", t.Eval("__core.ops.op_test_add(2, 3)"));
        Assert.Equal("NaN", t.Eval("__core.ops.op_test_add(1n, 3)"));
        Assert.Equal("8", t.Eval("__core.ops.op_test_add({ valueOf: () => 5 }, 3)"));
        Assert.Equal("ab", t.Eval("__core.ops.op_test_concat('a', 'b')"));
        Assert.Equal("{\"a\":[1,2]}", t.Eval("JSON.stringify(__core.ops.op_test_json({a:[1,2]}))"));
        Assert.Equal("null", t.Eval("JSON.stringify(__core.ops.op_test_json(undefined))"));
        Assert.Equal("-2147483648", t.Eval("__core.ops.op_test_int32(2147483648)"));
        Assert.Equal("false,true,false", t.Eval("[__core.ops.op_test_truthy(NaN), __core.ops.op_test_truthy('x'), __core.ops.op_test_truthy('')]"));
        Assert.Equal("1099511627776 bigint", t.Eval("(x => x + ' ' + typeof x)(__core.ops.op_test_bigint())"));
        Assert.Equal("Undefined,Null,Boolean,Number,String,BigInt,Json", t.Eval("__core.ops.op_test_kinds(undefined, null, true, 1, 's', 2n, {})"));
    }

    [Fact]
    public void Byte_results_are_byte_arrays()
    {
        using var t = new TestRealm();
        Assert.Equal("1,2,255 3", t.Eval("(b => b.join() + ' ' + b.length)(__core.ops.op_test_bytes())"));
    }

    [Fact]
    public void Op_errors_become_js_errors_through_the_factory_and_never_escape()
    {
        using var t = new TestRealm();
        t.Realm.EvaluateScript("__core.setErrorFactory((cls, msg) => { const e = new Error(msg); e.name = 'Custom' + cls; return e; })", "f.js");
        Assert.Equal("TypeError: bad", t.Eval("(() => { try { __core.ops.op_test_fail('TypeError', 'bad') } catch (e) { return e } })()"));
        Assert.Equal("true", t.Eval("(() => { try { __core.ops.op_test_fail('RangeError', 'r') } catch (e) { return e instanceof RangeError } })()"));
        Assert.Equal("CustomNotFound: gone", t.Eval("(() => { try { __core.ops.op_test_fail('NotFound', 'gone') } catch (e) { return e } })()"));
        Assert.Equal("Error: boom from C#", t.Eval("(() => { try { __core.ops.op_test_crash() } catch (e) { return e } })()"));
        // Same exception-to-class mapping as async ops' rejections (OpError.From).
        Assert.Equal("CustomNotFound: no such file", Eval(t, "__core.ops.op_test_missing()"));
        Assert.Equal("TypeError: argument 1 must be a string", Eval(t, "__core.ops.op_test_concat(1, 'b')"));
        Assert.Equal("SyntaxError", Eval(t, "__core.ops.op_test_bad_json()").Split(':')[0]);
    }

    [Fact]
    public void Without_a_factory_unknown_classes_are_errors_named_after_the_class()
    {
        using var t = new TestRealm();
        Assert.Equal("NotFound: gone true", t.Eval("(() => { try { __core.ops.op_test_fail('NotFound', 'gone') } catch (e) { return e + ' ' + (e instanceof Error) } })()"));
    }

    [Fact]
    public void Async_op_promises_settle_by_id_in_order_after_a_checkpoint()
    {
        using var t = new TestRealm();
        t.Realm.EvaluateScript("globalThis.log = []; globalThis.id = __core.ops.op_test_promise(); ", "a.js");
        t.Realm.EvaluateScript("""
            const p = __core.ops.op_test_promise();
            p.then(v => log.push('ok:' + v), e => log.push('err:' + e.name + ':' + e.message));
            const q = __core.ops.op_test_promise();
            q.then(v => log.push('json:' + v.x));
            const r = __core.ops.op_test_promise();
            r.catch(e => log.push('bad:' + e.name));
            """, "b.js");
        // Promise ids are assigned in order: the first script took 1, then 2, 3 and 4.
        t.Realm.SettlePromises([
            PromiseSettlement.Reject(2, new OpError("RangeError", "nope")),
            PromiseSettlement.Resolve(3, OpValue.FromJson("{\"x\":7}")),
            PromiseSettlement.Resolve(4, OpValue.FromJson("{bad")),
            PromiseSettlement.Resolve(99, OpValue.Null),  // unknown ids are ignored
        ]);
        Assert.Equal("", t.Eval("log.join()"));
        t.Realm.RunMicrotasks();
        Assert.Equal("err:RangeError:nope,json:7,bad:SyntaxError", t.Eval("log.join()"));
    }

    [Fact]
    public void Ops_may_reenter_the_realm()
    {
        using var t = new TestRealm();
        t.Realm.EvaluateScript("__core.ops.op_test_reenter('globalThis.inner = __core.ops.op_test_add(20, 22)')", "outer.js");
        Assert.Equal("42", t.Eval("inner"));
        // A nested script's error crosses IRealm as a JsException, which an op raises as an Error (as on V8).
        Assert.Equal("Error: ReferenceError: nope is not defined", Eval(t, "__core.ops.op_test_reenter('nope()')"));
    }

    private static string Eval(TestRealm t, string call) => t.Eval($"(() => {{ try {{ {call} }} catch (e) {{ return e }} }})()");
}
