namespace DualEngine.Engine.Tests;

/// <summary>Hostile scripts stop with JS errors; the test process survives.</summary>
public class LimitsTests
{
    [Fact]
    public void InfiniteLoopStopsAtTimeBudget()
    {
        var e = TestHost.Throws("while (true) {}", new EngineOptions { TimeLimit = TimeSpan.FromMilliseconds(200) });
        Assert.True(e.IsTermination);
        Assert.Equal("Terminated", e.Name);
    }

    [Fact]
    public void InfiniteLoopCannotBeCaughtByScript()
    {
        var e = TestHost.Throws("for (;;) { try { while (true) {} } catch (e) {} finally {} }", new EngineOptions { TimeLimit = TimeSpan.FromMilliseconds(200) });
        Assert.True(e.IsTermination);
    }

    [Fact]
    public void CancellationTokenStopsScript()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var e = TestHost.Throws("let i = 0; while (true) { i++; }", new EngineOptions { CancellationToken = cts.Token });
        Assert.True(e.IsTermination);
    }

    [Fact]
    public void TerminateFromAnotherThread()
    {
        var engine = new JsEngine();
        var realm = engine.CreateRealm();
        using var timer = new Timer(_ => engine.Terminate(), null, 200, Timeout.Infinite);
        var e = Assert.Throws<JsEngineException>(() => realm.Evaluate("while (true) {}", "t.js"));
        Assert.True(e.IsTermination);
        Assert.Equal("3", realm.Evaluate("1 + 2", "after.js").ToString());
    }

    [Fact]
    public void UnboundedRecursionIsRangeError()
    {
        var e = TestHost.Throws("function f() { return f() + 1; } f()");
        Assert.Equal("RangeError", e.Name);
        Assert.Equal("Maximum call stack size exceeded", e.JsMessage);
    }

    [Fact]
    public void RecursionErrorIsCatchable() => Assert.Equal("RangeError", TestHost.Run("function f() { f(); } try { f(); } catch (e) { e.name }"));

    [Fact]
    public void CaughtThrowsFromBuiltinsLeaveTheCallDepthAsItWas()
    {
        // Builtins called from the interpreter loop skip their depth decrement when they throw; the handler search
        // sets the depth back. 30,000 caught throws (from a builtin, from a builtin inside a callback, and from a
        // callback through a builtin) would otherwise exceed the 10,000 limit, and the recursion after them too.
        Assert.Equal("30000,5000", TestHost.Run("""
            let caught = 0;
            for (let i = 0; i < 10000; i++) { try { JSON.parse('{'); } catch (e) { caught++; } }
            for (let i = 0; i < 10000; i++) { try { [1].map(() => JSON.parse('{')); } catch (e) { caught++; } }
            for (let i = 0; i < 10000; i++) { try { [1].forEach(() => { throw 1; }); } catch (e) { caught++; } }
            function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
            caught + ',' + depth(5000)
            """));
    }

    [Fact]
    public void RecursionThroughNativeCallbacksIsRangeError()
    {
        // Each level re-enters the interpreter from C# (Array.prototype.map), so this exercises the .NET stack guard.
        var e = TestHost.Throws("function f() { return [1].map(f); } f()");
        Assert.Equal("RangeError", e.Name);
    }

    [Fact]
    public void RecursionThroughGettersIsRangeError()
    {
        var e = TestHost.Throws("const o = { get x() { return this.x; } }; o.x");
        Assert.Equal("RangeError", e.Name);
    }

    [Fact]
    public void RecursionThroughToStringIsRangeError()
    {
        var e = TestHost.Throws("const o = { toString() { return '' + this; } }; String(o)");
        Assert.Equal("RangeError", e.Name);
    }

    [Fact]
    public void AllocationBombStopsAtMemoryBudget()
    {
        var e = TestHost.Throws("const a = []; while (true) a.push({ x: [1, 2, 3] });", new EngineOptions { MemoryLimitBytes = 64L << 20, TimeLimit = TimeSpan.FromSeconds(30) });
        Assert.True(e.IsTermination);
        Assert.Equal("OutOfMemory", e.Name);
    }

    [Fact]
    public void StringDoublingBombStops()
    {
        var e = TestHost.Throws("let s = 'x'; while (true) s = s + s;", new EngineOptions { MemoryLimitBytes = 64L << 20, TimeLimit = TimeSpan.FromSeconds(30) });
        Assert.True(e.IsTermination || e.Name == "RangeError");
    }

    [Fact]
    public void HugeArrayLengthDoesNotAllocate() => Assert.Equal("4294967295", TestHost.Run("const a = []; a.length = 4294967295; a.length"));

    [Fact]
    public void DeepNestingInSourceIsAnErrorNotACrash()
    {
        var src = new string('(', 100_000) + "1" + new string(')', 100_000);
        var e = TestHost.Throws(src);
        Assert.NotNull(e);
    }

    [Fact]
    public void LongPrototypeChainLookupDoesNotRecurse() => Assert.Equal("undefined", TestHost.Run(@"
        let o = {}; for (let i = 0; i < 100000; i++) o = Object.create(o); String(o.missing)"));

    [Fact]
    public void EngineIsReusableAfterErrors()
    {
        var realm = TestHost.NewRealm(new EngineOptions { TimeLimit = TimeSpan.FromMilliseconds(200) });
        Assert.Throws<JsEngineException>(() => realm.Evaluate("function f() { f(); } f()", "a.js"));
        Assert.Throws<JsEngineException>(() => realm.Evaluate("while (true) {}", "b.js"));
        Assert.Equal("ok", realm.Evaluate("'ok'", "c.js").ToString());
    }
}

public class DeepRecursionTests
{
    [Fact]
    public void DeepRecursionThroughNativeCallbacksOnSmallStackThread()
    {
        // A 1 MB thread would allow only ~100 levels of map→callback re-entry; the engine continues on
        // helper threads with large stacks, so the depth is bounded by MaxCallDepth instead.
        string? result = null;
        var t = new Thread(() => result = TestHost.Run("function f(n) { return n === 0 ? 0 : [n].map(x => f(x - 1))[0] + 1; } f(2000)"), 1024 * 1024);
        t.Start();
        t.Join();
        Assert.Equal("2000", result);
    }
}

public class MemoryBudgetTests
{
    [Fact]
    public void GarbageDoesNotExhaustTheBudget()
    {
        // 3M short-lived objects and arrays count for more than the 256 MB budget, but little of it is live.
        // The time limit only guards against a hang (about 9 s alone on a loaded machine, much more under CI load).
        var realm = TestHost.NewRealm(new EngineOptions { MemoryLimitBytes = 256L << 20, TimeLimit = TimeSpan.FromSeconds(120) });
        Assert.Equal("done", realm.Evaluate("for (let i = 0; i < 3000000; i++) { const o = { a: i, b: [i] }; } 'done'", "gc.js").ToString());
    }
}
