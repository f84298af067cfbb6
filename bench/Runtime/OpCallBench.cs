using System.Diagnostics;
using DualEngine.Abstractions.Engines;
using DualEngine.Abstractions.Ops;
using DualEngine.Backends.V8;

namespace DualEngine.Bench.Runtime;

/// <summary>Ops used only to measure call cost: the same addition bound as a slow op and as a fast op.</summary>
internal static partial class BenchOps
{
    [Op]
    public static int op_bench_add_slow(int a, int b) => a + b;

    [Op(Fast = true)]
    public static int op_bench_add_fast(int a, int b) => a + b;

    [Op]
    public static string op_bench_echo(string s) => s;
}

/// <summary>
/// ns per op call from a JS loop on V8: an empty loop, a slow op (its typed slow entry, as every op with
/// number/boolean parameters and result has), the same op through IOpCall only (the path of ops with strings,
/// bytes, JSON or IOpCall parameters), a fast op (after warm-up), a string op.
/// </summary>
internal static class OpCallBench
{
    public static void Run(string[] only)
    {
        var slowOp = BenchOps.Descriptors.Single(o => o.Name == "op_bench_add_slow");
        // The same op without its typed entry: the backend calls Invoke through IOpCall.
        var genericOp = new OpDescriptor { Name = "op_bench_add_generic", Kind = slowOp.Kind, Invoke = slowOp.Invoke };
        using var realm = new V8Engine().CreateRealm(new RealmOptions { Ops = [.. BenchOps.Descriptors, genericOp] });
        realm.EvaluateScript("""
            const { op_bench_add_slow, op_bench_add_generic, op_bench_add_fast, op_bench_echo } = __core.ops;
            globalThis.loops = {
              empty(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + i) | 0; return s; },
              slow(n) { let s = 0; for (let i = 0; i < n; i++) s = op_bench_add_slow(s, i) | 0; return s; },
              generic(n) { let s = 0; for (let i = 0; i < n; i++) s = op_bench_add_generic(s, i) | 0; return s; },
              fast(n) { let s = 0; for (let i = 0; i < n; i++) s = op_bench_add_fast(s, i) | 0; return s; },
              echo(n) { let s = 0; for (let i = 0; i < n; i++) s += op_bench_echo("hello").length; return s; },
            };
            """, "bench.js");
        const int n = 10_000_000;
        var fastOp = BenchOps.Descriptors.Single(o => o.Name == "op_bench_add_fast");
        Console.WriteLine($"op calls from JS on V8, {n:N0} calls each (best of 5 after warm-up)");
        Console.WriteLine("cpu ns/call uses this process's CPU time, so other load on the machine affects it less than wall time");
        Console.WriteLine($"{"loop",-28} {"wall ns",8} {"cpu ns",8}");
        foreach (var loop in new[] { "empty", "slow", "generic", "fast", "echo" }.Where(l => only.Length == 0 || only.Contains(l)))
        {
            int count = loop == "echo" ? n / 10 : n;
            realm.EvaluateScript($"loops.{loop}(100000)", "warm.js");
            long fastBefore = V8Engine.FastCallCount(fastOp);
            double best = double.MaxValue, bestCpu = double.MaxValue;
            var process = Process.GetCurrentProcess();
            for (int round = 0; round < 5; round++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                realm.EvaluateScript($"loops.{loop}({count})", "run.js");
                best = Math.Min(best, clock.Elapsed.TotalNanoseconds / count);
                process.Refresh();
                bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpuBefore).TotalNanoseconds / count);
            }
            long fastCalls = V8Engine.FastCallCount(fastOp) - fastBefore;
            string note = loop == "fast" ? $"  (fast-path calls: {fastCalls:N0} of {5L * count:N0})" : "";
            string label = loop switch { "echo" => "echo (string in/out)", "generic" => "slow op via IOpCall", _ => loop + " op" };
            Console.WriteLine($"{label,-28} {best,8:0.0} {bestCpu,8:0.0}{note}");
        }
        Console.WriteLine();
    }
}
