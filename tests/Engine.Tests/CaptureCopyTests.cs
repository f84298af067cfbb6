namespace DualEngine.Engine.Tests;

/// <summary>
/// Closures that carry a copy of one enclosing binding instead of an environment (Compiler.ScopeAnalyzer.CaptureCopies):
/// the copy must be indistinguishable from the binding, so every way of writing the binding after the closure
/// exists has to keep it in the environment.
/// </summary>
public class CaptureCopyTests
{
    [Theory]
    // Copied: a parameter, a const, a let never assigned; one closure or several; values and object identity.
    [InlineData("function make(i) { return () => i; } const fs = [make(1), make(2)]; fs[0]() + fs[1]()", "3")]
    [InlineData("function f(x) { const a = () => x; const b = () => x * 2; return a() + b(); } f(3)", "9")]
    [InlineData("function f() { const k = 10; return [1, 2].map(v => v * k); } f().join()", "10,20")]
    [InlineData("function f() { let k = 'let'; return () => k; } f()()", "let")]
    [InlineData("function f(o) { return () => o; } const o = {}; f(o)() === o", "true")]
    [InlineData("function f(x) { return (y) => x + y; } f(1)(2)", "3")]
    [InlineData("function f(x) { return (y) => () => y; } f(1)(2)()", "2")]
    [InlineData("function f(x) { return function g() { return x + typeof g; }; } f(1)()", "1function")]
    [InlineData("function f(x) { return () => typeof x; } f(undefined)()", "undefined")]
    [InlineData("function f(a, a) { return () => a; } f(1, 2)()", "2")]
    [InlineData("function f(x) { function h() { return x; } return h(); } f(4)", "4")]
    [InlineData("function* gen(x) { yield () => x; } gen(5).next().value()", "5")]
    [InlineData("function f(x) { return (() => this.k + x).call(null); } f.call({ k: 1 }, 2)", "3")]
    // Per-iteration bindings: each closure keeps its own iteration's value.
    [InlineData("function f() { const fs = []; for (const x of [1, 2, 3]) fs.push(() => x); return fs.map(g => g()).join(); } f()", "1,2,3")]
    [InlineData("function f() { const fs = []; for (let i = 0; i < 3; i++) fs.push(() => i); return fs.map(g => g()).join(); } f()", "0,1,2")]
    [InlineData("function f() { const out = []; for (let i = 0; i < 3; i++) { const k = i * 2; out.push(() => k); } return out.map(g => g()).join(); } f()", "0,2,4")]
    [InlineData("function f() { try { throw 3; } catch (e) { const k = e; return () => k + e; } } f()()", "6")]
    [InlineData("function f(v) { switch (v) { case 1: const k = 5; return () => k; } } f(1)()", "5")]
    // Written after the closure exists, by the function, the closure or a third party: the closure sees the write.
    [InlineData("function f(x) { const g = () => x; x = 5; return g(); } f(1)", "5")]
    [InlineData("function f(x) { const inc = () => ++x; inc(); inc(); return x; } f(1)", "3")]
    [InlineData("function f(x) { const g = () => x; const set = () => { x = 8; }; set(); return g(); } f(1)", "8")]
    [InlineData("function f(x) { const g = () => x; [x] = [7]; return g(); } f(1)", "7")]
    [InlineData("function f(x) { const g = () => x; ({ x } = { x: 8 }); return g(); } f(1)", "8")]
    [InlineData("function f(x) { const g = () => x; for (x in { a: 1 }); return g(); } f(1)", "a")]
    [InlineData("function f(x) { const g = () => x; for (x of [9]); return g(); } f(1)", "9")]
    [InlineData("function f(x) { const g = () => x; x ??= 2; x ||= 3; return g(); } f(0)", "3")]
    [InlineData("function f(x) { const g = () => x; var x = 2; return g(); } f(1)", "2")]
    [InlineData("function f(x) { const g = () => typeof x; function x() {} return g(); } f(1)", "function")]
    [InlineData("function f(x, y = () => x) { x = 5; return y(); } f(1)", "5")]
    // A mapped arguments object aliases the parameter (§10.4.4); an unmapped one does not.
    [InlineData("function f(x) { const g = () => x; arguments[0] = 9; return g(); } f(1)", "9")]
    [InlineData("function f(x) { 'use strict'; const g = () => x; arguments[0] = 9; return g(); } f(1)", "1")]
    // Direct eval can read and write any visible binding by name.
    [InlineData("function f(x) { const g = () => x; eval('x = 6'); return g(); } f(1)", "6")]
    [InlineData("function f(x) { return () => eval('x'); } f(8)()", "8")]
    [InlineData("function f(x) { return eval('() => x'); } f(3)()", "3")]
    // `with`: the object's property wins while it exists, then the binding.
    [InlineData("function f(x) { const o = { x: 'obj' }; let g; with (o) { g = () => x; } const a = g(); delete o.x; return a + ',' + g(); } f('param')", "obj,param")]
    // Closures made other ways than the Closure instruction read the environment.
    [InlineData("function f(x) { return { m() { return x; } }; } f(4).m()", "4")]
    [InlineData("function f(x) { return new (class { get() { return x; } })().get(); } f(6)", "6")]
    [InlineData("function f(x) { return new (class { constructor() { this.v = x; } })().v; } f(6)", "6")]
    [InlineData("function f(x) { return new (class { v = x; })().v; } f(2)", "2")]
    public void ClosuresSeeTheBinding(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // A closure made before the declaration ran must not copy the uninitialized binding: it reads it when called.
    [InlineData("function f() { const g = () => c; const c = 4; return g(); } f()", "4")]
    [InlineData("function f() { const g = () => c; try { g(); } catch (e) { return e.name; } const c = 4; } f()", "ReferenceError")]
    [InlineData("function f() { function h() { return c; } const c = 5; return h(); } f()", "5")]
    [InlineData("function f() { function h() { return c; } try { h(); } catch (e) { return e.name; } const c = 5; } f()", "ReferenceError")]
    [InlineData("function f() { const c = (() => { try { return c; } catch (e) { return e.name; } })(); return c; } f()", "ReferenceError")]
    public void TemporalDeadZoneStillApplies(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Fact]
    public void AsyncFunctionsCopyTheirParameters() => Assert.Equal("7,7", TestHost.RunAsync("""
        async function f(x) { const g = () => x; await null; return [g(), await (async () => x)()].join(); }
        f(7).then(v => { globalThis.result = v; });
        """));

    [Fact]
    public void AClosureCarryingACopyNeedsNoEnvironment()
    {
        // `make` would otherwise allocate an environment (a 2-element value array, 56 bytes) per call besides the
        // closure; the call itself recycles its frame, so the closure is the only allocation left.
        var realm = TestHost.NewRealm();
        realm.Evaluate("function make(i) { return () => i; } function run(n) { let f; for (let k = 0; k < n; k++) f = make(k); return f(); }", "test.js");
        var run = realm.GetGlobal("run");
        realm.Call(run, JsValue.Undefined, JsValue.FromNumber(100));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var last = realm.Call(run, JsValue.Undefined, JsValue.FromNumber(10_000));
        long perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / 10_000;
        Assert.Equal("9999", last.ToString());
        Assert.InRange(perCall, 1, 120);
    }
}
