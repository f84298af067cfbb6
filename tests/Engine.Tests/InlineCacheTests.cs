namespace DualEngine.Engine.Tests;

/// <summary>Inline caches must never change observable behaviour: every invalidation path.</summary>
public class InlineCacheTests
{
    [Fact]
    public void PrototypeMethodReplaced() => Assert.Equal("1,1,2", TestHost.Run(@"
        class A { m() { return 1; } } const a = new A(); const out = [];
        function call(o) { return o.m(); }
        out.push(call(a)); out.push(call(a)); A.prototype.m = function () { return 2; }; out.push(call(a)); out.join()"));

    [Fact]
    public void OwnPropertyShadowsCachedPrototypeProperty() => Assert.Equal("proto,proto,own", TestHost.Run(@"
        const proto = { v: 'proto' }; const o = Object.create(proto); const out = [];
        function get(x) { return x.v; }
        out.push(get(o)); out.push(get(o)); o.v = 'own'; out.push(get(o)); out.join()"));

    [Fact]
    public void PrototypeSwapped() => Assert.Equal("a,b", TestHost.Run(@"
        const pa = { n: 'a' }, pb = { n: 'b' }; const o = Object.create(pa); const out = [];
        function get(x) { return x.n; }
        out.push(get(o)); Object.setPrototypeOf(o, pb); out.push(get(o)); out.join()"));

    [Fact]
    public void PropertyBecomesAccessor() => Assert.Equal("1,42", TestHost.Run(@"
        const o = { x: 1 }; const out = []; function get(y) { return y.x; }
        out.push(get(o)); Object.defineProperty(o, 'x', { get() { return 42; } }); out.push(get(o)); out.join()"));

    [Fact]
    public void PropertyBecomesReadOnly() => Assert.Equal("2,2", TestHost.Run(@"
        const o = { x: 1 }; function set(y, v) { y.x = v; }
        set(o, 2); Object.freeze(o); set(o, 3); [o.x, o.x].join()"));

    [Fact]
    public void DeletedPropertyFallsBackToPrototype() => Assert.Equal("own,proto", TestHost.Run(@"
        const o = Object.create({ k: 'proto' }); o.k = 'own'; const out = [];
        function get(x) { return x.k; } out.push(get(o)); delete o.k; out.push(get(o)); out.join()"));

    [Fact]
    public void ArrayMethodsStillWorkWithLength() => Assert.Equal("3,3", TestHost.Run(@"
        function len(a) { return a.length; } [len([1, 2, 3]), len([1, 2, 3])].join()"));

    // ---- add-property transitions (SetNamed that creates the property) ----

    [Fact]
    public void AddCacheSeesSetterAddedToPrototypeLater() => Assert.Equal("1,1,setter", TestHost.Run(@"
        class P { constructor() { this.x = 1; } } const out = [];
        out.push(new P().x); out.push(new P().x);
        Object.defineProperty(P.prototype, 'x', { set(v) { out.push('setter'); }, configurable: true });
        new P(); out.join()"));

    [Fact]
    public void AddCacheSeesSetterOnSecondPrototype() => Assert.Equal("2,2,setter", TestHost.Run(@"
        function add(o) { o.y = 2; return o.y; } const out = [];
        out.push(add({})); out.push(add({}));
        Object.defineProperty(Object.prototype, 'y', { set(v) { out.push('setter'); }, get() { return 'setter'; }, configurable: true });
        add({}); const r = out.join(); delete Object.prototype.y; r"));

    [Fact]
    public void AddCacheSeesReadOnlyPropertyOnPrototype() => Assert.Equal("1,TypeError", TestHost.Run(@"
        'use strict';
        const proto = {}; function make() { const o = Object.create(proto); o.z = 1; return o; }
        const first = make().z; make();
        Object.defineProperty(proto, 'z', { value: 0, writable: false });
        let r; try { make(); r = 'no error'; } catch (e) { r = e.name; } [first, r].join()"));

    [Fact]
    public void AddCacheRespectsPreventExtensions() => Assert.Equal("1,true,TypeError", TestHost.Run(@"
        'use strict';
        function add(o) { o.w = 1; } const a = {}, b = {}, c = {}; add(a); add(b);
        Object.preventExtensions(c);
        let r; try { add(c); r = 'added'; } catch (e) { r = e.name; } [a.w, !('w' in c), r].join()"));

    [Fact]
    public void AddCacheRespectsPrototypeSwap() => Assert.Equal("1,setter", TestHost.Run(@"
        const plain = {}, withSetter = { set v(x) { this.seen = 'setter'; } };
        function add(o) { o.v = 1; return o; }
        const first = add(Object.create(plain)).v; add(Object.create(plain));
        const o = Object.create(plain); Object.setPrototypeOf(o, withSetter); add(o);
        [first, o.seen].join()"));

    [Fact]
    public void AddCacheDoesNotApplyToArrays() => Assert.Equal("3,x", TestHost.Run(@"
        function add(o) { o.length = 3; o.tag = 'x'; return o; }
        const p = {}; add(Object.create(p)); add(Object.create(p));
        const arr = Object.setPrototypeOf([], p); add(arr); [arr.length, arr.tag].join()"));

    [Fact]
    public void ObjectLiteralDuplicateAndProtoKeys() => Assert.Equal("2,true,a", TestHost.Run(@"
        const proto = { p: 1 }; const o = { a: 1, a: 2, __proto__: proto };
        [o.a, Object.getPrototypeOf(o) === proto, Object.keys(o).join()].join()"));

    // ---- methods of primitives ----

    [Fact]
    public void PrimitiveMethodReplaced() => Assert.Equal("1,1,patched,3", TestHost.Run(@"
        function find(s) { return s.indexOf('b'); } const out = [];
        out.push(find('abc')); out.push(find('abc'));
        const original = String.prototype.indexOf;
        String.prototype.indexOf = function () { return 'patched'; }; out.push(find('abc'));
        String.prototype.indexOf = original; out.push(find('xyzb')); out.join()"));

    [Fact]
    public void PrimitiveCacheKeepsOwnStringProperties() => Assert.Equal("3,b,1,2", TestHost.Run(@"
        function len(s) { return s.length; } function fixed(n) { return n.toFixed(0); }
        [len('abc'), 'abc'[1], fixed(1), (2).toString()].join()"));

    [Fact]
    public void PrimitiveCacheIsPerPrototype() => Assert.Equal("a,b,1,true", TestHost.Run(@"
        function str(v) { return v.toString(); }
        [str('a'), str('b'), str(1), str(true)].join()"));

    // ---- this / new.target / super read from the frame ----

    [Fact]
    public void ThisNewTargetAndSuperWithoutPrologue() => Assert.Equal("true,true,false,B>A,7", TestHost.Run(@"
        function sloppy() { return this === globalThis; }
        function Ctor() { return { ok: new.target === Ctor }; }
        class A { who() { return 'A'; } }
        class B extends A { who() { return 'B>' + super.who(); } }
        class C { f = this.g(); g() { return 7; } }
        [sloppy(), new Ctor().ok, Ctor().ok, new B().who(), new C().f].join()"));

    [Fact]
    public void GlobalShadowedByLaterLet()
    {
        var realm = TestHost.NewRealm();
        realm.Evaluate("var which = 'var'; function read() { return which; } read(); read();", "a.js");
        Assert.Equal("var", realm.Evaluate("read()", "b.js").ToString());
        realm.Evaluate("globalThis.other = 1;", "c.js");
        Assert.Equal("var", realm.Evaluate("read()", "d.js").ToString());
    }
}
