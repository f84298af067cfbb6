namespace DualEngine.Engine.Tests;

/// <summary>Direct and indirect eval (§19.2.1), and eval with `with`.</summary>
public class EvalTests
{
    [Theory]
    // Direct eval sees the caller's bindings, including registers-only locals, parameters and block lets.
    [InlineData("function f(a) { let b = 2; { const c = 3; return eval('a + b + c'); } } f(1)", "6")]
    [InlineData("function f() { let x = 1; eval('x = 5'); return x; } f()", "5")]
    [InlineData("function f() { return eval('this.v'); } f.call({v: 'obj'})", "obj")]
    [InlineData("function f() { return eval('arguments.length'); } f(1, 2, 3)", "3")]
    [InlineData("function f() { return (() => eval('new.target === f'))(); } new f() instanceof f", "true")]
    // Sloppy direct eval declares vars in the enclosing function; they shadow outer names and are visible to closures.
    [InlineData("var x = 'global'; function f() { eval('var x = \"local\"'); return [x, (() => x)()].join(); } [f(), x].join()", "local,local,global")]
    [InlineData("function f() { eval('function g() { return 42; }'); return g(); } f()", "42")]
    [InlineData("function f() { eval('var y = 1'); return typeof y; } f() + typeof y", "numberundefined")]
    [InlineData("function f(p) { eval('var p = 9'); return p; } f(1)", "9")]
    [InlineData("function f() { eval('var z = 1'); return delete z; } f()", "true")]
    // Strict eval gets its own var scope; so does eval in strict code.
    [InlineData("function f() { eval('\"use strict\"; var s = 1'); return typeof s; } f()", "undefined")]
    [InlineData("function f() { 'use strict'; eval('var s = 1'); return typeof s; } f()", "undefined")]
    // let/const in eval code are local to it.
    [InlineData("function f() { eval('let q = 1'); return typeof q; } f()", "undefined")]
    // A var that would hoist across a let is a SyntaxError (§19.2.1.3 step 8).
    [InlineData("function f() { let v; try { eval('var v'); } catch (e) { return e.name; } } f()", "SyntaxError")]
    [InlineData("function f() { try { throw 1 } catch (e) { eval('var e = 2'); return e; } } f()", "2")]
    // Global direct eval: vars become deletable global properties, lets stay in the eval.
    [InlineData("eval('var gv = 1; let gl = 2'); [gv, typeof gl, delete globalThis.gv].join()", "1,undefined,true")]
    [InlineData("{ let blockLocal = 'b'; eval('blockLocal') }", "b")]
    // Indirect eval is global.
    [InlineData("var iv = 'global'; function f() { var iv = 'local'; return (0, eval)('iv'); } f()", "global")]
    [InlineData("function f() { (0, eval)('var fromIndirect = 1'); } f(); fromIndirect", "1")]
    [InlineData("(0, eval)('let notLeaked = 1'); typeof notLeaked", "undefined")]
    [InlineData("var e = eval; function f() { var lv = 1; return e('typeof lv'); } f()", "undefined")]
    // Nested eval and closures created by eval code.
    [InlineData("function f() { var a = 1; return eval('eval(\"a + 1\")'); } f()", "2")]
    [InlineData("function f() { var n = 0; var inc = eval('(function () { return ++n; })'); inc(); inc(); return n; } f()", "2")]
    [InlineData("function f() { eval('var k = 1'); return eval('k + 1'); } f()", "2")]
    // Completion values and non-string arguments.
    [InlineData("eval('1; if (true) { 2; }')", "2")]
    [InlineData("eval({a: 1}).a", "1")]
    [InlineData("eval()", "undefined")]
    // Eval inside `with` sees the object's properties.
    [InlineData("function f() { var o = {w: 'with'}; with (o) { return eval('w'); } } f()", "with")]
    // Private names and super in eval code.
    [InlineData("class C { #p = 7; get() { return eval('this.#p'); } } new C().get()", "7")]
    [InlineData("class B { m() { return 'base'; } } class D extends B { m() { return eval('super.m()'); } } new D().m()", "base")]
    // A shadowing local called eval is an ordinary call.
    [InlineData("function f() { var eval = x => 'mine:' + x; return eval('1'); } f()", "mine:1")]
    public void Eval(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Fact]
    public void SyntaxErrorsInEvalCodeAreCatchable() =>
        Assert.Equal("SyntaxError", TestHost.Run("try { eval('let let'); } catch (e) { e.name }"));

    [Fact]
    public void NewTargetInEvalOutsideFunctionsIsASyntaxError() =>
        Assert.Equal("SyntaxError", TestHost.Run("try { eval('new.target'); } catch (e) { e.name }"));

    [Fact]
    public void DeeplyRecursiveEvalDoesNotCrashTheHost()
    {
        // The time limit only guards against a hang: compiling one eval per level is slow on a loaded machine.
        var e = TestHost.Throws("function f(n) { return eval('f(n + 1)'); } f(0)",
            new EngineOptions { TimeLimit = TimeSpan.FromSeconds(120), MemoryLimitBytes = 512L << 20 });
        Assert.Equal("RangeError", e.Name);
    }
}
