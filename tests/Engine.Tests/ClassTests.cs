namespace DualEngine.Engine.Tests;

public class ClassTests
{
    [Fact]
    public void BasicClass() => Assert.Equal("Hi Ann,Person", TestHost.Run(@"
        class Person { constructor(n) { this.n = n; } greet() { return 'Hi ' + this.n; } }
        const p = new Person('Ann'); [p.greet(), Person.name].join()"));

    [Fact]
    public void InheritanceAndSuper() => Assert.Equal("A:x+B,true,true", TestHost.Run(@"
        class A { constructor(v) { this.v = v; } describe() { return 'A:' + this.v; } }
        class B extends A { constructor(v) { super(v); } describe() { return super.describe() + '+B'; } }
        const b = new B('x'); [b.describe(), b instanceof A, Object.getPrototypeOf(B) === A].join()"));

    [Fact]
    public void DefaultDerivedConstructorForwardsArguments() => Assert.Equal("1,2", TestHost.Run(@"
        class A { constructor(a, b) { this.s = a + ',' + b; } } class B extends A {} new B(1, 2).s"));

    [Fact]
    public void StaticMembersAndAccessors() => Assert.Equal("3,9,6", TestHost.Run(@"
        class C { static count = 3; static make() { return new C(); } #x = 9; get x() { return this.#x; } set x(v) { this.#x = v * 2; } }
        const c = C.make(); const before = c.x; c.x = 3; [C.count, before, c.x].join()"));

    [Fact]
    public void FieldsAndPrivateMethods() => Assert.Equal("5,true,false", TestHost.Run(@"
        class P { a = 2; #b = 3; #sum() { return this.a + this.#b; } total() { return this.#sum(); } static has(o) { return #b in o; } }
        const p = new P(); [p.total(), P.has(p), P.has({})].join()"));

    [Fact]
    public void ClassCalledWithoutNewThrows() => Assert.Equal("TypeError", TestHost.Throws("class A {} A()").Name);

    [Fact]
    public void ThisBeforeSuperThrows() => Assert.Equal("ReferenceError", TestHost.Throws("class A {} class B extends A { constructor() { this.x = 1; super(); } } new B()").Name);

    [Fact]
    public void ExtendsBuiltins() => Assert.Equal("3,true,my", TestHost.Run(@"
        class MyArr extends Array { tag() { return 'my'; } }
        const a = new MyArr(); a.push(1, 2, 3); [a.length, Array.isArray(a), a.tag()].join()"));

    [Fact]
    public void ExtendsError() => Assert.Equal("MyError,boom,true", TestHost.Run(@"
        class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } }
        const e = new MyError('boom'); [e.name, e.message, e instanceof Error].join()"));

    [Fact]
    public void StaticBlocks() => Assert.Equal("42", TestHost.Run("class S { static v; static { S.v = 42; } } S.v"));

    [Fact]
    public void ComputedMethodNames() => Assert.Equal("1,2", TestHost.Run(@"
        const k = 'm'; class C { [k]() { return 1; } [Symbol.iterator]() { return [2][Symbol.iterator](); } }
        [new C().m(), ...new C()].join()"));

    [Fact]
    public void SuperPropertyInObjectLiteral() => Assert.Equal("base-derived", TestHost.Run(@"
        const base = { hi() { return 'base'; } };
        const derived = { __proto__: base, hi() { return super.hi() + '-derived'; } };
        derived.hi()"));

    [Fact]
    public void ClassExpressionsAndNames() => Assert.Equal("Named,Anon", TestHost.Run("const Anon = class {}; const X = class Named {}; [X.name, Anon.name].join()"));

    [Fact]
    public void ArrowInConstructorSeesThisAfterSuper() => Assert.Equal("7", TestHost.Run(@"
        class A { constructor() { this.v = 7; } }
        class B extends A { constructor() { const get = () => this.v; super(); this.r = get(); } }
        new B().r"));

    [Theory]
    // A derived constructor's result (§10.2.2 steps 10-12) is decided after its finally blocks and iterator closes, which
    // may call super() (V8 checks `this` at the return statement instead); a primitive result is a TypeError of the
    // `new` expression, which no handler inside the constructor sees.
    [InlineData("class C extends class {} { constructor() { try { return; } finally { super(); } } } typeof new C()", "object")]
    [InlineData("class C extends class {} { constructor() { const f = () => super(); try { return; } finally { f(); } } } typeof new C()", "object")]
    [InlineData("var it = { [Symbol.iterator]() { return this; }, next() { return { done: false }; }, return() { this.f(); return {}; } }; class C extends class {} { constructor() { it.f = () => super(); for (var k of it) return; } } typeof new C()", "object")]
    [InlineData("class C extends class {} { constructor() { super(); try { return 0; } catch (e) { return; } } } try { new C(); 'no error' } catch (e) { e.constructor.name }", "TypeError")]
    [InlineData("class C extends class {} { constructor() { return 1; } } try { new C(); } catch (e) { e.message }", "Derived constructors may only return object or undefined")]
    [InlineData("class C extends class {} { constructor() { try { return; } finally { } } } try { new C(); } catch (e) { e.constructor.name }", "ReferenceError")]
    public void DerivedConstructorResults(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // super[k] (§13.3.7.3): the home object's prototype is read before the key is converted, the key is converted once
    // for a compound assignment, and a failed store throws only in strict code. (V8, so node, converts the key first and
    // twice for `+=`: "bad" and "2,key,key" there; test262 follows the specification.)
    [InlineData("var obj = { method() { super.x = 8; Object.freeze(obj); super.y = 9; return [Object.prototype.hasOwnProperty.call(obj, 'x'), Object.prototype.hasOwnProperty.call(obj, 'y')].join(); } }; obj.method()", "true,false")]
    [InlineData("var proto = { p: 'ok' }, proto2 = { p: 'bad' }; var key = { toString() { Object.setPrototypeOf(obj, proto2); return 'p'; } }; var obj = { __proto__: proto, m() { return super[key]; } }; obj.m()", "ok")]
    [InlineData("'use strict'; var obj = { method() { Object.freeze(obj); try { super.y = 9; } catch (e) { return e.constructor.name; } } }; obj.method()", "TypeError")]
    [InlineData("var log = []; var key = { toString() { log.push('key'); return 'p'; } }; var obj = { __proto__: { p: 1 }, m() { super[key] += 1; return this.p + ',' + log.join(); } }; obj.m()", "2,key")]
    [InlineData("var o = { m() { try { return super.x; } catch (e) { return e.message; } } }; Object.setPrototypeOf(o, null); o.m()", "Cannot read properties of null (reading 'x')")]
    [InlineData("var o = { m() { try { super.y = 1; } catch (e) { return e.message; } } }; Object.setPrototypeOf(o, null); o.m()", "Cannot set properties of null (setting 'y')")]
    public void SuperPropertyReferences(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // super() (§13.3.7.1): the parent constructor runs, then BindThisValue throws a ReferenceError if `this` is bound
    // already (a second super(), also from an arrow), and only then do the fields run, once, with `this` bound. Expected
    // values from node.
    [InlineData("class B {} class C extends B { constructor() { super(); super(); } } try { new C(); } catch (e) { e.constructor.name + ': ' + e.message }", "ReferenceError: Super constructor may only be called once")]
    [InlineData("let n = 0; class B { constructor() { n++; } } class C extends B { constructor() { super(); try { super(); } catch (e) { this.err = e.constructor.name; } } } const c = new C(); c.err + ',' + n", "ReferenceError,2")]
    [InlineData("let n = 0; class B { constructor() { n++; } } class C extends B { constructor() { super(); this.again = () => super(); } } const c = new C(); let r; try { c.again(); } catch (e) { r = e.constructor.name; } r + ',' + n", "ReferenceError,2")]
    [InlineData("let runs = 0; class B {} class C extends B { f = ++runs; constructor() { super(); try { super(); } catch {} } } const c = new C(); c.f + ',' + runs", "1,1")]
    [InlineData("let probe, seen; class B {} class C extends B { f = (seen = probe()); constructor() { probe = () => this; super(); } } const c = new C(); seen === c", "true")]
    [InlineData("class B {} class C extends B { constructor() { super(super()); } } try { new C(); } catch (e) { e.constructor.name }", "ReferenceError")]
    [InlineData("class B {} class C extends B { constructor() { super(this); } } try { new C(); } catch (e) { e.constructor.name }", "ReferenceError")]
    [InlineData("class B { constructor(x) { this.x = x; } } class C extends B { constructor() { const f = () => super(7); f(); } } new C().x", "7")]
    public void SuperCallBindsThisOnce(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));
}

public class PrivateSuperTests
{
    [Fact]
    public void SuperInsidePrivateMethodsAndAccessors() => Assert.Equal("A,A,sA", TestHost.Run(@"
        class A { m() { return 'A'; } static s() { return 'sA'; } }
        class C extends A { get #g() { return super.m(); } #f() { return super.m(); } static #h() { return super.s(); }
            run() { return [this.#g, this.#f()].join(); } static srun() { return C.#h(); } }
        new C().run() + ',' + C.srun()"));
}

public class ClassSourceTests
{
    [Fact] public void ClassToStringIsItsSource() => Assert.Equal("class A { m() {} }", TestHost.Run("class A { m() {} } A.toString()"));
}

public class PrivateProxyTests
{
    [Fact] public void PrivateFieldsAreNotForwardedByProxies() => Assert.Equal("TypeError,false", TestHost.Run(@"
        class C { #x = 1; static read(o) { return o.#x; } static has(o) { return #x in o; } }
        const p = new Proxy(new C(), {});
        let r; try { C.read(p); r = 'no'; } catch (e) { r = e.name; } [r, C.has(p)].join()"));

    [Fact] public void PrivateFieldsOnFrozenObjects() => Assert.Equal("5", TestHost.Run(@"
        class Base { constructor(o) { return o; } }
        class Stamp extends Base { #v = 5; static get(o) { return o.#v; } }
        const frozen = Object.freeze({}); new Stamp(frozen); Stamp.get(frozen)"));
}
