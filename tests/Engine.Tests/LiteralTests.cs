namespace DualEngine.Engine.Tests;

/// <summary>
/// Object and array literals are built from a precomputed shape / in one step for their leading plain
/// properties and elements; everything after that prefix, and every literal that does not fit, must keep the
/// one-property-at-a-time semantics (§13.2.4, §13.2.5).
/// </summary>
public class LiteralTests
{
    [Fact]
    public void PlainLiteralKeysValuesAndOrder() => Assert.Equal("a,b,c|1,2,3|true", TestHost.Run(@"
        const o = { a: 1, b: 2, c: 3 };
        const d = Object.getOwnPropertyDescriptor(o, 'b');
        Object.keys(o).join() + '|' + Object.values(o).join() + '|' + (d.writable && d.enumerable && d.configurable)"));

    [Fact]
    public void LiteralsOfOneSiteAndIncrementalObjectsShareBehaviour() => Assert.Equal("x,y|x,y|3|5", TestHost.Run(@"
        function make(i) { return { x: i, y: i + 1 }; }
        const a = make(1), b = make(2); const c = {}; c.x = 1; c.y = 2;
        function sum(o) { return o.x + o.y; }
        Object.keys(a).join() + '|' + Object.keys(c).join() + '|' + sum(c) + '|' + sum(b)"));

    [Fact]
    public void ValuesAreEvaluatedInSourceOrder() => Assert.Equal("a,b,c|1,2,3", TestHost.Run(@"
        const log = []; function f(k, v) { log.push(k); return v; }
        const o = { a: f('a', 1), b: f('b', 2), c: f('c', 3) };
        log.join() + '|' + [o.a, o.b, o.c].join()"));

    [Fact]
    public void DuplicateKeysKeepFirstPositionAndLastValue() => Assert.Equal("a,b,c|3,2,4", TestHost.Run(@"
        const o = { a: 1, b: 2, a: 3, c: 4 };
        Object.keys(o).join() + '|' + [o.a, o.b, o.c].join()"));

    [Fact]
    public void ComputedKeysAfterAndBetweenPlainOnes() => Assert.Equal("a,x1,b,x2|1,2,3,4", TestHost.Run(@"
        let i = 0; const k = () => 'x' + ++i;
        const o = { a: 1, [k()]: 2, b: 3, [k()]: 4 };
        Object.keys(o).join() + '|' + Object.values(o).join()"));

    [Fact]
    public void ComputedKeyEqualToAnEarlierPlainKeyOverwrites() => Assert.Equal("a,b|9,2", TestHost.Run(@"
        const o = { a: 1, b: 2, ['a']: 9 }; Object.keys(o).join() + '|' + Object.values(o).join()"));

    [Fact]
    public void ProtoInLiteralSetsPrototype() => Assert.Equal("true|a,b|false|1", TestHost.Run(@"
        const p = { inherited: 1 };
        const o = { a: 1, __proto__: p, b: 2 };
        const s = { __proto__: p };
        (Object.getPrototypeOf(o) === p) + '|' + Object.keys(o).join() + '|' + s.hasOwnProperty('__proto__') + '|' + s.inherited"));

    [Fact]
    public void ShorthandAndComputedProtoAreOwnProperties() => Assert.Equal("true,true|1,2", TestHost.Run(@"
        const __proto__ = 1; const a = { __proto__ }; const b = { ['__proto__']: 2 };
        [a.hasOwnProperty('__proto__'), b.hasOwnProperty('__proto__')].join() + '|' + [a.__proto__, b.__proto__].join()"));

    [Fact]
    public void GettersSettersAndMethodsAfterPlainKeys() => Assert.Equal("a,g,m,z|6|2|5|7", TestHost.Run(@"
        let stored = 0;
        const o = { a: 1, get g() { return this.a + 5; }, set g(v) { stored = v; }, m() { return super.constructor === Object ? 2 : 0; }, z: 7 };
        o.g = 5;
        Object.keys(o).join() + '|' + o.g + '|' + o.m() + '|' + stored + '|' + o.z"));

    [Fact]
    public void PlainKeyRedefinedAsAccessor() => Assert.Equal("a,b|42|true", TestHost.Run(@"
        const o = { a: 1, b: 2, get a() { return 42; } };
        Object.keys(o).join() + '|' + o.a + '|' + (typeof Object.getOwnPropertyDescriptor(o, 'a').get === 'function')"));

    [Fact]
    public void SpreadAfterAndBeforePlainKeys() => Assert.Equal("a,x,y,b|9,2,3,4", TestHost.Run(@"
        const src = { x: 2, y: 3, a: 9 };
        const o = { a: 1, ...src, b: 4 };
        Object.keys(o).join() + '|' + Object.values(o).join()"));

    [Fact]
    public void NumericKeysAreOrderedAsIndices() => Assert.Equal("0,1,2,b,a|z", TestHost.Run(@"
        const o = { b: 1, 2: 'x', a: 2, 0: 'y', 1: 'z' };
        Object.keys(o).join() + '|' + o[1]"));

    [Fact]
    public void IndexKeysInLiteralAreSeenByArrayElementWrites() => Assert.Equal("0|x|0|setter", TestHost.Run(@"
        let log = 'none';
        const frozen = Object.freeze({ 0: 'x' });
        const a = []; Object.setPrototypeOf(a, frozen); a[0] = 5;
        const b = []; Object.setPrototypeOf(b, { 1: 'y', set 2(v) { log = 'setter'; } }); b[2] = 5;
        a.length + '|' + a[0] + '|' + b.length + '|' + log"));

    [Fact]
    public void AnonymousFunctionsTakeTheKeyAsName() => Assert.Equal("f,g,h,C", TestHost.Run(@"
        const o = { f: function () {}, g: () => 1, h: async () => 1, C: class {} };
        [o.f.name, o.g.name, o.h.name, o.C.name].join()"));

    [Fact]
    public void ManyKeysBeyondTheStackedPrefix() => Assert.Equal("40|k0,k1,k2|39|780", TestHost.Run(@"
        const src = 'return {' + Array.from({ length: 40 }, (_, i) => 'k' + i + ': ' + i).join(',') + '}';
        const o = new Function(src)();
        const keys = Object.keys(o);
        keys.length + '|' + keys.slice(0, 3).join() + '|' + o.k39 + '|' + Object.values(o).reduce((a, b) => a + b)"));

    [Fact]
    public void LiteralsInLoopsAreIndependentObjects() => Assert.Equal("0,1,2|false", TestHost.Run(@"
        const all = []; for (let i = 0; i < 3; i++) all.push({ v: i, w: [i] });
        all.map(o => o.v).join() + '|' + (all[0].w === all[1].w)"));

    [Fact]
    public void LiteralWithYieldInValues() => Assert.Equal("1,2,3", TestHost.Run(@"
        function* g() { const o = { a: yield 'first', b: 2, c: yield 'second' }; return o; }
        const it = g(); it.next(); it.next(1); const r = it.next(3).value; [r.a, r.b, r.c].join()"));

    [Fact]
    public void LiteralWithYieldStarAwaitAndCaughtThrows() => Assert.Equal("1,2,3,x|1,2,3|caught,9", TestHost.RunAsync(@"
        function* inner() { try { yield 'i'; } catch (e) { return 2; } }
        function* g() { const o = { a: 1, b: yield* inner(), c: [3, yield 'y'] }; return [o.a, o.b, o.c[0], o.c[1]].join(); }
        const it = g(); it.next(); it.throw(new Error('into inner')); const first = it.next('x').value;
        async function f() { const p = Promise.resolve(2); const o = { a: 1, b: await p, c: 3 }; return [o.a, o.b, o.c].join(); }
        async function h() { const arr = [(() => { try { throw 0; } catch { return 'caught'; } })(), await 9]; return arr.join(); }
        var result; Promise.all([f(), h()]).then(([x, y]) => { result = first + '|' + x + '|' + y; });"));

    [Fact]
    public void ThrowInTheMiddleOfALiteral() => Assert.Equal("boom|a", TestHost.Run(@"
        const log = [];
        function f(k) { log.push(k); if (k === 'b') throw new Error('boom'); return 1; }
        let msg; try { ({ a: f('a'), b: f('b'), c: f('c') }); } catch (e) { msg = e.message; }
        msg + '|' + log.filter(k => k !== 'b').join()"));

    [Fact]
    public void LiteralObjectsCanBeExtendedFrozenAndDeletedFrom() => Assert.Equal("a,b,c|b|true|1", TestHost.Run(@"
        const o = { a: 1, b: 2 }; o.c = 3; const keys = Object.keys(o).join();
        delete o.a; delete o.c; const f = Object.freeze({ x: 1 }); f.x = 2;
        keys + '|' + Object.keys(o).join() + '|' + Object.isFrozen(f) + '|' + f.x"));

    // ---- arrays ----

    [Fact]
    public void ArrayLiteralElementsAndLength() => Assert.Equal("3|1,2,3|4|1,2,3,4", TestHost.Run(@"
        const a = [1, 2, 3]; const l = a.length; const s = a.join(); a.push(4);
        l + '|' + s + '|' + a.length + '|' + a.join()"));

    [Fact]
    public void ArrayLiteralWithHolesAndSpread() => Assert.Equal("6|1,,3,4,5,|false,true|1,2,3", TestHost.Run(@"
        const mid = [4, 5];
        const a = [1, , 3, ...mid, ,];
        const b = [...[1, 2], 3];
        a.length + '|' + a.join() + '|' + [1 in a, 2 in a].join() + '|' + b.join()"));

    [Fact]
    public void ArrayLiteralLongerThanTheStackedPrefix() => Assert.Equal("40|0,1,2|39|780", TestHost.Run(@"
        const src = 'return [' + Array.from({ length: 40 }, (_, i) => i).join(',') + ']';
        const a = new Function(src)();
        a.length + '|' + a.slice(0, 3).join() + '|' + a[39] + '|' + a.reduce((x, y) => x + y)"));

    [Fact]
    public void ArrayLiteralIgnoresPrototypeSettersAndReadOnlyElements() => Assert.Equal("101,7,8|true,true,true|none", TestHost.Run(@"
        let log = 'none';
        Object.defineProperty(Array.prototype, '0', { value: 100, writable: false, configurable: true });
        Object.defineProperty(Array.prototype, '1', { set(v) { log = 'setter'; }, configurable: true });
        Object.defineProperty(Array.prototype, '20', { set(v) { log = 'setter'; }, configurable: true });
        const big = new Function('return [' + Array.from({ length: 21 }, (_, i) => i === 0 ? 101 : i).join(',') + ']')();
        const a = [101, 7, 8];
        const r = a.join() + '|' + [a.hasOwnProperty('0'), a.hasOwnProperty('1'), big.hasOwnProperty('20')].join() + '|' + log;
        delete Array.prototype[0]; delete Array.prototype[1]; delete Array.prototype[20];
        r"));

    [Fact]
    public void ArrayLiteralElementsEvaluatedInOrder() => Assert.Equal("a,b,c|1,2,3", TestHost.Run(@"
        const log = []; function f(k, v) { log.push(k); return v; }
        const a = [f('a', 1), f('b', 2), f('c', 3)];
        log.join() + '|' + a.join()"));

    [Fact]
    public void SpreadCallArgumentsStillWork() => Assert.Equal("1,2,3,4", TestHost.Run(@"
        function f(...xs) { return xs.join(); } const m = [2, 3]; f(1, ...m, 4)"));

    // ---- closures ----

    [Fact]
    public void ArrowFunctionProperties() => Assert.Equal("2|g|false|length,name|prototype", TestHost.Run(@"
        const g = (a, b) => a + b;
        const names = Object.getOwnPropertyNames(function () {});
        g.length + '|' + g.name + '|' + g.hasOwnProperty('prototype') + '|' + Object.getOwnPropertyNames(g).join() + '|' + names.filter(n => n === 'prototype')[0]"));

    [Fact]
    public void FunctionPrototypeObjects() => Assert.Equal("length,name,prototype|true|false|constructor|true|false", TestHost.Run(@"
        function f(a) {}
        const d = Object.getOwnPropertyDescriptor(f, 'prototype');
        const c = Object.getOwnPropertyDescriptor(f.prototype, 'constructor');
        Object.getOwnPropertyNames(f).join() + '|' + d.writable + '|' + d.enumerable + '|' + Object.getOwnPropertyNames(f.prototype).join()
            + '|' + (c.value === f && c.writable && c.configurable) + '|' + c.enumerable"));

    [Fact]
    public void FunctionPropertiesCanBeChangedAndAdded() => Assert.Equal("x|1|3|obj|true", TestHost.Run(@"
        const a = () => 1; Object.defineProperty(a, 'name', { value: 'x' }); a.extra = 1; a.more = 2; a.evenMore = 3;
        function f() {} f.prototype = { kind: 'obj' };
        function* gen() {} 
        a.name + '|' + a.extra + '|' + a.evenMore + '|' + new f().kind + '|' + (Object.getPrototypeOf(gen.prototype) === Object.getPrototypeOf(function* () {}).prototype)"));

    [Fact]
    public void ClosuresCaptureTheirOwnIteration() => Assert.Equal("0,2,4", TestHost.Run(@"
        function make(i) { return { get: () => i * 2 }; }
        const fs = []; for (let i = 0; i < 3; i++) fs.push(make(i).get);
        fs.map(f => f()).join()"));

    [Fact]
    public void ClassConstructorsAndMethods() => Assert.Equal("A|0|m|true", TestHost.Run(@"
        class A { constructor() {} m() {} }
        A.name + '|' + A.length + '|' + A.prototype.m.name + '|' + (Object.getOwnPropertyDescriptor(A, 'prototype').writable === false)"));
}

/// <summary>Literals and closures made by the one-step paths still count against the memory budget.</summary>
public class LiteralMemoryBudgetTests
{
    [Theory]
    [InlineData("const a = []; while (true) a.push({ x: 1, y: 2 });")]
    [InlineData("const a = []; while (true) a.push([1, 2]);")]
    [InlineData("const a = []; while (true) a.push(() => 1);")]
    [InlineData("const a = []; while (true) a.push(function () {});")]
    [InlineData("const a = []; for (let i = 0; ; i++) a.push({ f: () => i, g: [i, i] });")]
    public void AllocationBombStops(string source)
    {
        var e = TestHost.Throws(source, new EngineOptions { MemoryLimitBytes = 64L << 20, TimeLimit = TimeSpan.FromSeconds(60) });
        Assert.True(e.IsTermination);
        Assert.Equal("OutOfMemory", e.Name);
    }
}

/// <summary>Closures without a "prototype" share their ("length", "name") slot array until one of them changes a property.</summary>
public class SharedFunctionSlotTests
{
    private const string Make = "function make() { return (a, b) => a + b; } const f = make(), g = make(), h = make();";

    [Fact]
    public void RedefiningNameAffectsOnlyThatClosure() => Assert.Equal("x,make,,|2,2", TestHost.Run(Make + @"
        function anon() { return [() => 1][0]; }
        Object.defineProperty(f, 'name', { value: 'x' });
        [f.name, make.name, g.name, h.name].join() + '|' + [g.length, h.length].join()"));

    [Fact]
    public void RedefiningLengthAndDeleting() => Assert.Equal("7|2|undefined,2|2", TestHost.Run(Make + @"
        Object.defineProperty(f, 'length', { value: 7 }); delete g.length;
        f.length + '|' + h.length + '|' + [Object.getOwnPropertyDescriptor(g, 'length'), h.length].map(String).join() + '|' + make().length"));

    [Fact]
    public void AccessorOverSharedSlot() => Assert.Equal("dyn|", TestHost.Run(Make + @"
        Object.defineProperty(f, 'name', { get() { return 'dyn'; } });
        f.name + '|' + g.name"));

    [Fact]
    public void AddingPropertiesAndFreezing() => Assert.Equal("1|false|true|false|2|", TestHost.Run(Make + @"
        f.extra = 1; Object.freeze(g);
        f.extra + '|' + ('extra' in h) + '|' + Object.isFrozen(g) + '|' + Object.isFrozen(h) + '|' + h.length + '|' + h.name"));

    [Fact]
    public void ComputedKeyNamesEachClosure() => Assert.Equal("a,b,c", TestHost.Run(@"
        function make(k) { return { [k]: () => 1 }[k]; }
        [make('a'), make('b'), make('c')].map(f => f.name).join()"));

    [Fact]
    public void MethodsAccessorsClassesAndAsyncFunctions() => Assert.Equal("m,get g,C,af|m,get g,C,af|true", TestHost.Run(@"
        function make() {
            const o = { m() {}, get g() { return 1; } };
            class C {} async function af() {}
            return [o.m, Object.getOwnPropertyDescriptor(o, 'g').get, C, af];
        }
        const a = make(), b = make();
        Object.defineProperty(a[2], 'name', { value: 'Renamed' });
        a[0].name = 'ignored';
        b.map(f => f.name).join() + '|' + make().map(f => f.name).join() + '|' + (a[2].name === 'Renamed')"));

    [Fact]
    public void ClassStaticNameAndPrototype() => Assert.Equal("static|C|true", TestHost.Run(@"
        function make(s) { return s ? class C { static name = 'static'; } : class C {}; }
        const a = make(true), b = make(false);
        a.name + '|' + b.name + '|' + (typeof b.prototype === 'object')"));

    [Fact]
    public void SpreadDefinesElementsInsteadOfAssigningThroughTheArrayPrototype() => Assert.Equal("1,2|2", TestHost.Run(
        "Object.defineProperty(Array.prototype, '0', { set(v) { throw new Error('setter'); }, configurable: true });" +
        "var r = [...[1, 2]]; var f = (...a) => a.length; var out = r.join() + '|' + f(...[3, 4]); delete Array.prototype[0]; out"));
}
