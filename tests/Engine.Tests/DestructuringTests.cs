namespace DualEngine.Engine.Tests;

public class DestructuringTests
{
    [Fact] public void ArrayPattern() => Assert.Equal("1,2,3,4", TestHost.Run("const [a, b, ...rest] = [1, 2, 3, 4]; [a, b, rest.join('')].join().replace('34', '3,4')"));
    [Fact] public void ObjectPattern() => Assert.Equal("1,2,9,{\"d\":4}", TestHost.Run("const {a, b: bb, c = 9, ...r} = {a: 1, b: 2, d: 4}; [a, bb, c, JSON.stringify(r)].join()"));
    [Fact] public void NestedPatterns() => Assert.Equal("1,2,3", TestHost.Run("const {x: [p, {q}], y = 3} = {x: [1, {q: 2}]}; [p, q, y].join()"));
    [Fact] public void AssignmentPattern() => Assert.Equal("2,1", TestHost.Run("let a = 1, b = 2; [a, b] = [b, a]; [a, b].join()"));
    [Fact] public void ParameterPatterns() => Assert.Equal("1-2-3", TestHost.Run("function f({a, b}, [c]) { return a + '-' + b + '-' + c; } f({a: 1, b: 2}, [3])"));
    [Fact] public void HolesAndDefaults() => Assert.Equal("1,5,3", TestHost.Run("const [a, , b = 5, c = 7] = [1, 2, undefined, 3]; [a, b, c].join()"));
    [Fact] public void ForOfWithDestructuring() => Assert.Equal("a1b2", TestHost.Run("let s = ''; for (const [k, v] of Object.entries({a: 1, b: 2})) s += k + v; s"));
    [Fact] public void DestructureNullThrows() => Assert.Equal("TypeError", TestHost.Throws("const {a} = null;").Name);
    [Fact] public void MemberTargets() => Assert.Equal("1,2", TestHost.Run("const o = {}; [o.x, o['y']] = [1, 2]; [o.x, o.y].join()"));
    [Fact] public void StringDestructuring() => Assert.Equal("h,i", TestHost.Run("const [x, y] = 'hi'; [x, y].join()"));

    [Theory]
    // An abrupt completion inside an array pattern closes the iterator unless it is done: a throw from a default value
    // or a target closes it quietly (the first error wins), a generator's return at a `yield` in the pattern closes it
    // on the way out. The expected values are node's.
    [InlineData("var log = []; function* g() { try { yield 1; yield 2; } finally { log.push('closed'); } } try { var [a = (() => { throw new Error('x'); })()] = [undefined]; } catch (e) { log.push(e.message); } var [b] = g(); log.push(b); log.join()", "x,closed,1")]
    [InlineData("var log = []; function* g() { try { yield 1; yield 2; } finally { log.push('closed'); } } try { const [x, y = (() => { throw new Error('boom'); })()] = (function* () { try { yield 1; yield undefined; yield 3; } finally { log.push('finally'); } })(); } catch (e) { log.push(e.message); } log.join()", "finally,boom")]
    [InlineData("var log = []; var it = { [Symbol.iterator]() { return { next() { return { done: false, value: 1 }; }, return() { log.push('return'); throw new Error('from return'); } }; } }; try { var o = {}; [ { set x(v) { throw new Error('setter'); } }.x ] = it; } catch (e) { log.push(e.message); } log.join()", "return,setter")]
    [InlineData("var log = []; var it = { [Symbol.iterator]() { return { next() { return { done: false, value: undefined }; }, return() { log.push(\"return\"); return {}; } }; } }; function* g() { var a; [a = yield] = it; log.push('not reached'); } var gen = g(); gen.next(); gen.return(5); log.join()", "return")]
    public void AbruptCompletionsCloseTheIterator(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // A member target of an array assignment pattern (`[o[k]] = it`) is evaluated before the iterator steps; a throw
    // there closes the iterator without a next() call. The expected values are node's.
    [InlineData("var log = []; var it = { [Symbol.iterator]() { return { next() { log.push('next'); return { done: false, value: 1 }; }, return() { log.push('return'); return {}; } }; } }; function obj() { log.push('obj'); return {}; } function key() { log.push('key'); return 'k'; } [obj()[key()]] = it; log.join()", "obj,key,next,return")]
    [InlineData("var log = []; var it = { [Symbol.iterator]() { return { next() { log.push('next'); return { done: true }; }, return() { log.push('return'); return {}; } }; } }; try { [{}[(() => { throw new Error('target'); })()]] = it; } catch (e) { log.push(e.message); } log.join()", "return,target")]
    [InlineData("var o = {}; [o.a = 5, o['b'], ...o.rest] = [undefined, 2, 3, 4]; [o.a, o.b, o.rest.join('+')].join()", "5,2,3+4")]
    public void MemberTargetsAreEvaluatedBeforeTheStep(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));
}

public class SpreadTests
{
    [Fact] public void ArraySpread() => Assert.Equal("0,1,2,3", TestHost.Run("const a = [1, 2]; [0, ...a, 3].join()"));
    [Fact] public void CallSpread() => Assert.Equal("6", TestHost.Run("function s(a, b, c) { return a + b + c; } s(...[1, 2, 3])"));
    [Fact] public void NewSpread() => Assert.Equal("2024", TestHost.Run("new Date(...[2024, 0, 1]) ? 2024 : 0".Replace("new Date(...[2024, 0, 1]) ? 2024 : 0", "class P { constructor(a, b) { this.v = a + b; } } new P(...[2000, 24]).v")));
    [Fact] public void ObjectSpread() => Assert.Equal("{\"a\":1,\"b\":3,\"c\":4}", TestHost.Run("const o = {a: 1, b: 2}; JSON.stringify({...o, b: 3, ...{c: 4}})"));
    [Fact] public void SpreadOfSetAndString() => Assert.Equal("1,2,a,b", TestHost.Run("[...new Set([1, 2, 2]), ...'ab'].join()"));
    [Fact] public void MathMaxSpread() => Assert.Equal("9", TestHost.Run("Math.max(...[3, 9, 1])"));
}
