namespace DualEngine.Engine.Tests;

/// <summary>
/// Block-level functions in sloppy code (Annex B.3.2, B.3.4): block-scoped, and also assigned to a var of the enclosing
/// function or a global var when the declaration is evaluated, unless a `var` there would be an early error. The
/// expected values are node's (v20) for the same scripts.
/// </summary>
public class AnnexBTests
{
    [Theory]
    [InlineData("function f() { { function g() { return 1; } } return typeof g; } f()", "function")]
    [InlineData("function f() { var before = typeof g; { function g() { return 2; } } return before + ',' + g(); } f()", "undefined,2")]
    [InlineData("function f() { if (true) function g() { return 3; } return g(); } f()", "3")]
    [InlineData("function f(c) { if (c) function g() { return 'a'; } else function g() { return 'b'; } return g(); } f(false)", "b")]
    [InlineData("function f() { let g = 5; { function g() {} } return g; } f()", "5")]
    [InlineData("function f(g) { { function g() {} } return g; } f(7)", "7")]
    [InlineData("function f() { 'use strict'; { function g() {} } return typeof g; } f()", "undefined")]
    [InlineData("function f() { function g() { return 'outer'; } { function g() { return 'inner'; } } return g(); } f()", "inner")]
    [InlineData("function f() { var g = 1; { function g() {} } return typeof g; } f()", "function")]
    [InlineData("function f() { { let g = 1; { function g() {} } } return typeof g; } f()", "undefined")]
    [InlineData("function f() { for (let g of [1]) { function g() {} } return typeof g; } f()", "undefined")]
    [InlineData("function f() { try { throw 1; } catch (g) { { function g() {} } } return typeof g; } f()", "function")]
    [InlineData("function f() { switch (1) { case 1: function g() { return 'case'; } } return g(); } f()", "case")]
    [InlineData("function f() { { function g() { return 1; } } { function g() { return 2; } } return g(); } f()", "2")]
    [InlineData("function f() { var r = []; { r.push(typeof g); function g() {} r.push(typeof g); } return r.join(); } f()", "function,function")]
    [InlineData("function f() { { function* g() {} } return typeof g; } f()", "undefined")]
    [InlineData("function f() { { async function g() {} } return typeof g; } f()", "undefined")]
    [InlineData("function f() { { function g() {} g = 5; } return typeof g; } f()", "function")]
    [InlineData("function f() { return [typeof g, (() => { { function g() {} } return typeof g; })()].join(); } f()", "undefined,function")]
    [InlineData("{ function globalBlockFn() { return 'g'; } } typeof globalBlockFn", "function")]
    [InlineData("var before = typeof laterFn; { function laterFn() {} } before + ',' + typeof laterFn", "undefined,function")]
    [InlineData("switch (1) { default: function swFn() { return 'd'; } } swFn()", "d")]
    [InlineData("let lexName = 1; { function lexName() {} } typeof lexName", "number")]
    [InlineData("if (true) function ifFn() { return 'if'; } ifFn()", "if")]
    public void BlockLevelFunctions(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // Eval code (B.3.2.3): the var goes to the caller's var scope (its binding, its eval-declared vars, or a global), unless
    // a scope between the eval and that var scope binds the name.
    [InlineData("function f() { eval('{ function g() { return 1; } }'); return typeof g; } f()", "function")]
    [InlineData("function f() { var r = eval('typeof g'); eval('{ function g() { return 2; } }'); return r + ',' + g(); } f()", "undefined,2")]
    [InlineData("function f() { let g = 'let'; eval('{ function g() {} }'); return g; } f()", "let")]
    [InlineData("function f(g) { eval('{ function g() {} }'); return typeof g; } f(1)", "function")]
    [InlineData("function f() { var g = 1; eval('{ function g() {} }'); return typeof g; } f()", "function")]
    [InlineData("function f() { { let g = 1; eval('{ function g() {} }'); } return typeof g; } f()", "undefined")]
    [InlineData("eval('{ function evalGlobalFn() { return \"e\"; } }'); evalGlobalFn()", "e")]
    [InlineData("(0, eval)('if (true) function indirectFn() { return \"i\"; }'); indirectFn()", "i")]
    [InlineData("function f() { eval('let g = 1; { function g() {} }'); return typeof g; } f()", "undefined")]
    [InlineData("function f() { eval('switch (1) { case 1: function g() { return \"c\"; } }'); return g(); } f()", "c")]
    public void BlockLevelFunctionsInEvalCode(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // A call as an assignment, update or for-in/of target in sloppy code is evaluated, then a ReferenceError is thrown
    // (Runtime Errors for Function Call Assignment Targets); `for (var x = init in o)` runs its initializer once (B.3.5).
    [InlineData("var log = []; function f() { log.push('f'); return { valueOf() { log.push('valueOf'); return 1; } }; } function g() { log.push('g'); } try { f() = g(); } catch (e) { log.push(e.name); } log.join()", "f,ReferenceError")]
    [InlineData("var log = []; function f() { log.push('f'); return { valueOf() { log.push('valueOf'); return 1; } }; } function g() { log.push('g'); } try { f() += g(); } catch (e) { log.push(e.name); } log.join()", "f,ReferenceError")]
    [InlineData("var log = []; function f() { log.push('f'); return {}; } try { f()++; } catch (e) { log.push(e.name); } try { --f(); } catch (e) { log.push(e.name); } log.join()", "f,ReferenceError,f,ReferenceError")]
    [InlineData("var log = []; function f() { log.push('f'); return {}; } try { for (f() in { a: 1 }) log.push('body'); } catch (e) { log.push(e.name); } for (f() of []) log.push('never'); log.join()", "f,ReferenceError")]
    [InlineData("var effects = 0, iterations = 0, stored; for (var a = (++effects, -1) in stored = a, { a: 0, b: 1 }) { ++iterations; } [effects, iterations, stored, a].join()", "1,2,-1,b")]
    [InlineData("for (var fn = function () {} in {}); fn.name", "fn")]
    public void LegacyTargetsAndInitializers(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Fact]
    public void ACallTargetInStrictCodeIsAnEarlyError() =>
        Assert.Equal("SyntaxError", TestHost.Throws("'use strict'; function f() {} if (false) f() = 1;").Name);

    [Fact]
    public void AGlobalLexicalFromAnotherScriptKeepsItsValue()
    {
        var realm = TestHost.NewRealm();
        realm.Evaluate("let shared = 'lexical';", "a.js");
        Assert.Equal("lexical,function", realm.Evaluate("{ function shared() {} } [shared, typeof globalThis.shared === 'undefined' ? 'function' : 'var'].join()", "b.js").ToString());
    }
}
