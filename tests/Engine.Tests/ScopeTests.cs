namespace DualEngine.Engine.Tests;

/// <summary>Environments the compiler must model exactly: parameter vs body scopes, with, reference evaluation order.</summary>
public class ScopeTests
{
    [Theory]
    // Parameter expressions see the parameter scope, not the body's vars (§10.2.11 step 28).
    [InlineData("var x = 'out'; var p, b; function f(_ = p = () => x) { var x = 'in'; b = () => x; } f(); p() + b()", "outin")]
    [InlineData("function f(a, _ = 0) { var a; return a; } f(5)", "5")]
    [InlineData("function f(a = 1) { var arguments; return typeof arguments; } f()", "object")]
    [InlineData("(function*(a = 1) { var b = a + 1; yield b; })().next().value", "2")]
    // `delete name` inside with deletes the with-object's property.
    [InlineData("var o = {p: 1}; var p = 'global'; with (o) { delete p; } [('p' in o), p].join()", "false,global")]
    // GetValue checks the base before converting the key (§6.2.5.5).
    [InlineData("var log = []; try { null[{toString() { log.push('key'); return 'k'; }}] += 1; } catch (e) { log.push(e.name); } log.join()", "TypeError")]
    // PutValue converts the key after the right-hand side.
    [InlineData("var log = []; var o = {}; o[{toString() { log.push('key'); return 'k'; }}] = (log.push('rhs'), 1); log.join()", "rhs,key")]
    public void Scopes(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Fact]
    public void YieldOfARejectedPromiseThrowsInsideTheAsyncGenerator() => Assert.Equal("caught:boom,done", TestHost.RunAsync("""
        async function* g() { try { yield Promise.reject('boom'); } catch (e) { yield 'caught:' + e; } }
        const it = g(); const out = [];
        it.next().then(r => { out.push(r.value); return it.next(); }).then(r => { out.push(r.done ? 'done' : 'more'); globalThis.result = out.join(); });
        """));

    [Fact]
    public void AsyncYieldStarForwardsReturnAndReturnsTheInnerValue() => Assert.Equal("v1|return arg|rv:true", TestHost.RunAsync("""
        const log = [];
        const inner = { [Symbol.asyncIterator]() { return this; },
          next() { return Promise.resolve({ value: 'v1', done: false }); },
          return(x) { log.push('return ' + x); return Promise.resolve({ value: 'rv', done: true }); } };
        async function* gen() { yield* inner; log.push('not reached'); }
        const it = gen();
        it.next().then(r => { log.push(r.value); return it.return('arg'); })
          .then(r => { log.push(r.value + ':' + r.done); globalThis.result = log.join('|'); });
        """));
}

public class WithReferenceTests
{
    [Theory]
    // A reference inside `with` is resolved once: the write goes to the object that had the name when it was read (§9.4.2).
    [InlineData("function f() { var x = 0; var s = { get x() { delete this.x; return 2; } }; with (s) { x ^= 3; } return s.x + ',' + x; } f()", "1,0")]
    [InlineData("function f() { var x = 0; var s = { x: 1 }; with (s) { x = (delete s.x, 5); } return s.x + ',' + x; } f()", "5,0")]
    [InlineData("function f() { var x = 0; var s = { get x() { delete this.x; return 2; } }; with (s) { x++; } return s.x + ',' + x; } f()", "3,0")]
    [InlineData("function f() { var x = 0; var s = { x: 0 }; with (s) { x ||= 7; } return s.x + ',' + x; } f()", "7,0")]
    [InlineData("var o = {}; function f() { var v = 1; with (o) { v += 1; } return v + ',' + ('v' in o); } f()", "2,false")]
    public void ResolvedOnce(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));
}

public class CompletionValueTests
{
    [Theory]
    // Loops, if, switch, try and with complete with undefined unless their body produced a value (UpdateEmpty).
    [InlineData("eval('1; do { } while (false)')", "undefined")]
    [InlineData("eval('2; do { 3; } while (false)')", "3")]
    [InlineData("eval('1; for (var a in { x: 0 }) { }')", "undefined")]
    [InlineData("eval('1; if (true) { }')", "undefined")]
    [InlineData("eval('1; { }')", "1")]
    [InlineData("eval('1; switch (0) { case 0: }')", "undefined")]
    // A finally block's normal completion does not replace the try's value.
    [InlineData("eval('1; try { 2; } finally { 3; }')", "2")]
    [InlineData("eval('1; try { } finally { 3; }')", "undefined")]
    [InlineData("eval('1; do { try { 2; } finally { 3; break; } } while (false)')", "3")]
    public void Completion(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // The head expression of for-in/of sees the declared names in their TDZ (§14.7.5.6).
    [InlineData("let x = 'out'; try { for (let x of [x]) {} 'no error' } catch (e) { e.name }", "ReferenceError")]
    [InlineData("let x = 'out'; let probe; for (const x in (probe = () => x, {})) {} try { probe() } catch (e) { e.name }", "ReferenceError")]
    [InlineData("let r = []; for (let x of [1, 2]) r.push(x); r.join()", "1,2")]
    public void LoopHeadTdz(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));
}

public class ClassElementDefinitionTests
{
    [Theory]
    // A static element named "prototype" cannot replace the class's non-configurable prototype (DefinePropertyOrThrow).
    [InlineData("try { class C { static ['prototype']() {} } 'no error' } catch (e) { e.name }", "TypeError")]
    [InlineData("try { class C { static get ['prototype']() {} } 'no error' } catch (e) { e.name }", "TypeError")]
    [InlineData("class C { static m() { return 1; } get g() { return 2; } } C.m() + new C().g", "3")]
    public void Definitions(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));
}

/// <summary>
/// GlobalDeclarationInstantiation (§16.1.7) and EvalDeclarationInstantiation's global bindings (§19.2.1.3): what a script's or
/// a sloppy eval's var and function declarations may do to existing global properties. Expected values from node (each
/// case in a fresh process, scripts run with vm.runInThisContext), except where a comment says V8 differs.
/// </summary>
public class GlobalDeclarationTests
{
    /// <summary>Runs the scripts in order in one realm; each one's completion value or error name, joined by '|'.</summary>
    private static string RunScripts(params string[] scripts)
    {
        var realm = TestHost.NewRealm();
        var results = new List<string>();
        foreach (var s in scripts)
        {
            try { results.Add(realm.Evaluate(s, "script.js").ToString()); }
            catch (JsEngineException e) { results.Add(e.Name); }
        }
        return string.Join("|", results);
    }

    [Fact]
    public void FunctionOverAConfigurablePropertyIsRedefined() => Assert.Equal("set|undefined|function,true,true,false", RunScripts(
        "Object.defineProperty(globalThis, 'f', { configurable: true, value: 0 }); Object.preventExtensions(globalThis); 'set'",
        "function f() {}",
        "(() => { const d = Object.getOwnPropertyDescriptor(globalThis, 'f'); return [typeof f, d.writable, d.enumerable, d.configurable].join(); })()"));

    [Fact]
    public void FunctionOverANonConfigurableWritableEnumerablePropertyKeepsItsAttributes() => Assert.Equal("set|undefined|function,true,true,false", RunScripts(
        "Object.defineProperty(globalThis, 'f', { configurable: false, writable: true, enumerable: true, value: 0 }); 'set'",
        "function f() {}",
        "(() => { const d = Object.getOwnPropertyDescriptor(globalThis, 'f'); return [typeof f, d.writable, d.enumerable, d.configurable].join(); })()"));

    [Theory]
    // CanDeclareGlobalFunction fails before any binding of the script is made (here `x`), for a script and for eval. A
    // TypeError, as §16.1.7 step 10 and test262 say; V8 (node) throws a SyntaxError for the script and a TypeError for eval.
    [InlineData("{ configurable: false, value: 0, writable: true, enumerable: false }")]
    [InlineData("{ configurable: false, value: 0, writable: false, enumerable: true }")]
    [InlineData("{ configurable: false, get() {}, enumerable: true }")]
    public void FunctionOverARestrictedPropertyThrowsBeforeAnyBinding(string descriptor) => Assert.Equal("set|TypeError|undefined|TypeError,undefined", RunScripts(
        "Object.defineProperty(globalThis, 'f', " + descriptor + "); 'set'",
        "var x; function f() {}",
        "typeof x",
        "var r; try { (0, eval)('var y; function f() {}'); } catch (e) { r = e.constructor.name; } r + ',' + typeof y"));

    [Fact]
    public void DeclarationsOnANonExtensibleGlobalThrowBeforeTheScriptRuns() => Assert.Equal("set|TypeError|TypeError|undefined|false", RunScripts(
        "var executed = false, existing; Object.preventExtensions(globalThis); 'set'",
        "executed = true; var brandNew;",
        "executed = true; function g() {}",
        "var existing;",
        "executed"));

    [Fact]
    public void EvalFunctionOverAConfigurablePropertyIsRedefinedConfigurable() => Assert.Equal("set|function,345,true,true,true", RunScripts(
        "Object.defineProperty(globalThis, 'f', { enumerable: false, writable: false, configurable: true }); 'set'",
        "var initial = null; eval('initial = f; function f() { return 345; }'); var d = Object.getOwnPropertyDescriptor(globalThis, 'f'); [typeof initial, initial(), d.writable, d.enumerable, d.configurable].join()"));
}
