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
