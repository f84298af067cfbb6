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
