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
