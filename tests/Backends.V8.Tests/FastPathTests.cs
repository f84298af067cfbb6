using DualEngine.Abstractions.Engines;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Backends.V8.Tests;

public class FastPathTests
{
    private static OpDescriptor Op(string name) => TestOps.All.Single(o => o.Name == name);

    [Fact]
    public void Fast_path_is_taken_after_warm_up_and_agrees_with_the_slow_path()
    {
        using var realm = TestOps.Engine.CreateRealm(new RealmOptions { Ops = TestOps.All });
        long before = V8Engine.FastCallCount(Op("op_fast_add"));
        // The first calls go through the slow callback (interpreter); once TurboFan optimizes the loop
        // it calls the C# trampoline directly. Both paths must compute the same sums.
        realm.EvaluateScript("""
            const { op_fast_add, op_fast_scale, op_fast_both } = __core.ops;
            function sum(n) { let s = 0; for (let i = 0; i < n; i++) s = op_fast_add(s, i) | 0; return s; }
            function scaled(n) { let s = 0; for (let i = 0; i < n; i++) s += op_fast_scale(i, 0.5); return s; }
            function both(n) { let c = 0; for (let i = 0; i < n; i++) if (op_fast_both(i % 2 === 0, true)) c++; return c; }
            const slowSum = sum(10), slowScaled = scaled(10), slowBoth = both(10);
            let fastSum = 0, fastScaled = 0, fastBoth = 0;
            for (let round = 0; round < 20; round++) { fastSum = sum(50000); fastScaled = scaled(50000); fastBoth = both(50000); }
            globalThis.results = [slowSum, slowScaled, slowBoth, fastSum, fastScaled, fastBoth].join();
            """, "fast.js");
        realm.EvaluateScript("__core.ops.op_test_print('fast:' + results)", "r.js");
        long fastCalls = V8Engine.FastCallCount(Op("op_fast_add")) - before;
        Assert.True(fastCalls > 100_000, $"expected the fast path after warm-up, got {fastCalls} fast calls");
        Assert.True(V8Engine.FastCallCount(Op("op_fast_scale")) > 0);
        Assert.True(V8Engine.FastCallCount(Op("op_fast_both")) > 0);
        // sum(50000) wraps through |0 identically on both paths; expected values computed in C#.
        int expectedSum = 0;
        for (int i = 0; i < 50000; i++) expectedSum = unchecked(expectedSum + i);
        lock (TestOps.Printed) Assert.Contains($"fast:45,22.5,5,{expectedSum},624987500,25000", TestOps.Printed);
    }

    [Fact]
    public void Slow_path_invoke_gives_the_same_results_as_the_fast_entry()
    {
        using var realm = TestOps.Engine.CreateRealm(new RealmOptions { Ops = TestOps.All });
        // Called once each, from unoptimized code: the slow callback through IOpCall.
        realm.EvaluateScript("__core.ops.op_test_print('slow:' + [__core.ops.op_fast_add(2, 3), __core.ops.op_fast_scale(3, 1.5), __core.ops.op_fast_both(true, false), __core.ops.op_fast_add(2147483647, 1)].join())", "s.js");
        lock (TestOps.Printed) Assert.Contains("slow:5,4.5,false,-2147483648", TestOps.Printed);
    }

    // The slow callback reads small integers (Smis) from the tagged word and everything else through V8's
    // API; an int32 parameter must get ECMA-262 ToInt32 of the value whichever representation it had.
    [Theory]
    [InlineData("7", 7)]
    [InlineData("-7", -7)]
    [InlineData("2**30", 1 << 30)]
    [InlineData("2**31", int.MinValue)]
    [InlineData("-(2**31) - 1", int.MaxValue)]
    [InlineData("2**32 + 5", 5)]
    [InlineData("1.9", 1)]
    [InlineData("-1.9", -1)]
    [InlineData("-0", 0)]
    [InlineData("NaN", 0)]
    [InlineData("Infinity", 0)]
    [InlineData("'12'", 12)]
    [InlineData("true", 1)]
    [InlineData("undefined", 0)]
    public void Slow_path_int32_argument_is_ToInt32_of_any_representation(string argument, int expected)
    {
        using var realm = TestOps.Engine.CreateRealm(new RealmOptions { Ops = TestOps.All });
        string tag = "int32:" + Guid.NewGuid().ToString("N") + ":";
        realm.EvaluateScript($"__core.ops.op_test_print('{tag}' + __core.ops.op_fast_add({argument}, 0))", "s.js");
        lock (TestOps.Printed) Assert.Contains($"{tag}{expected}", TestOps.Printed);
    }
}
