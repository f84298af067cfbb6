using DualEngine.Abstractions.Engines;
using DualEngine.Abstractions.Modules;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Backends.Managed.Tests;

/// <summary>
/// Ops written as plain descriptors, to test the backend's op contract on its own (the runtime's ops come
/// from the source generator), and a realm factory whose output each test reads back through print.
/// </summary>
internal sealed class TestRealm : IDisposable
{
    public readonly List<string> Printed = [];
    public readonly IRealm Realm;

    public TestRealm(Dictionary<string, string>? modules = null, long? heapLimit = null, int maxCallDepth = 10_000)
    {
        OpDescriptor[] ops =
        [
            new() { Name = "op_test_add", Kind = OpKind.Sync, Invoke = c => c.SetResult(OpValue.From(c.GetNumber(0) + c.GetNumber(1))) },
            new() { Name = "op_test_concat", Kind = OpKind.Sync, Invoke = c => c.SetResult(OpValue.From(c.GetString(0) + c.GetString(1))) },
            new() { Name = "op_test_fail", Kind = OpKind.Sync, Invoke = c => throw new OpError(c.GetString(0), c.GetString(1)) },
            new() { Name = "op_test_crash", Kind = OpKind.Sync, Invoke = _ => throw new InvalidOperationException("boom from C#") },
            new() { Name = "op_test_missing", Kind = OpKind.Sync, Invoke = _ => throw new FileNotFoundException("no such file") },
            new() { Name = "op_test_json", Kind = OpKind.Sync, Invoke = c => c.SetResult(OpValue.FromJson(c.GetJson(0))) },
            new() { Name = "op_test_bad_json", Kind = OpKind.Sync, Invoke = c => c.SetResult(OpValue.FromJson("{bad")) },
            new() { Name = "op_test_kinds", Kind = OpKind.Sync, Invoke = c => c.SetResult(OpValue.From(string.Join(",", Enumerable.Range(0, c.ArgumentCount).Select(i => c.KindOf(i))))) },
            new() { Name = "op_test_int32", Kind = OpKind.Sync, Invoke = c => c.SetResult(OpValue.From(c.GetInt32(0))) },
            new() { Name = "op_test_truthy", Kind = OpKind.Sync, Invoke = c => c.SetResult(OpValue.From(c.GetBoolean(0))) },
            new() { Name = "op_test_bigint", Kind = OpKind.Sync, Invoke = c => c.SetResult(OpValue.FromBigInt(1L << 40)) },
            new() { Name = "op_test_bytes", Kind = OpKind.Sync, Invoke = c => c.SetResult(OpValue.From(new byte[] { 1, 2, 255 })) },
            new() { Name = "op_test_promise", Kind = OpKind.Async, Invoke = c => c.CreatePromise() },
            new() { Name = "op_test_print", Kind = OpKind.Sync, Invoke = c => { lock (Printed) Printed.Add(c.GetString(0)); } },
            new() { Name = "op_test_reenter", Kind = OpKind.Sync, Invoke = c => Realm!.EvaluateScript(c.GetString(0), "reenter.js") },
        ];
        Realm = new ManagedEngine(maxCallDepth).CreateRealm(new RealmOptions
        {
            Ops = ops,
            ModuleLoader = modules is null ? null : new MapModuleLoader(modules),
            HeapLimitBytes = heapLimit,
        });
    }

    /// <summary>Evaluates <paramref name="expression"/> and returns String() of its value, as printed by an op.</summary>
    public string Eval(string expression)
    {
        Realm.EvaluateScript($"__core.ops.op_test_print(String({expression}))", "probe.js");
        lock (Printed) return Printed[^1];
    }

    public void Dispose() => Realm.Dispose();
}
