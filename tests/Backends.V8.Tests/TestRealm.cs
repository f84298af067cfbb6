using DualEngine.Abstractions.Engines;
using DualEngine.Abstractions.Modules;
using DualEngine.Abstractions.Ops;
using DualEngine.Backends.V8;

namespace DualEngine.Backends.V8.Tests;

/// <summary>
/// The op table every realm in this test process shares (V8's op table is process-wide).
/// Ops here are written as plain descriptors to test the backend's op contract on its own;
/// the runtime's ops come from the source generator.
/// </summary>
internal static class TestOps
{
    public static readonly List<string> Printed = [];

    public static readonly OpDescriptor[] All =
    [
        .. FastOps.Descriptors,
        new() { Name = "op_test_add", Kind = OpKind.Sync, Invoke = c => c.SetResult(OpValue.From(c.GetNumber(0) + c.GetNumber(1))) },
        new() { Name = "op_test_concat", Kind = OpKind.Sync, Invoke = c => c.SetResult(OpValue.From(c.GetString(0) + c.GetString(1))) },
        new() { Name = "op_test_fail", Kind = OpKind.Sync, Invoke = c => throw new OpError(c.GetString(0), c.GetString(1)) },
        new() { Name = "op_test_crash", Kind = OpKind.Sync, Invoke = _ => throw new InvalidOperationException("boom from C#") },
        new() { Name = "op_test_missing", Kind = OpKind.Sync, Invoke = _ => throw new FileNotFoundException("no such file") },
        new() { Name = "op_test_json", Kind = OpKind.Sync, Invoke = c => c.SetResult(OpValue.FromJson(c.GetJson(0))) },
        new() { Name = "op_test_bytes", Kind = OpKind.Sync, Invoke = c => c.SetResult(OpValue.From(c.GetBytes(0).Reverse().ToArray())) },
        new() { Name = "op_test_promise", Kind = OpKind.Async, Invoke = c => c.CreatePromise() },
        new() { Name = "op_test_print", Kind = OpKind.Sync, Invoke = c => { lock (Printed) Printed.Add(c.GetString(0)); } },
    ];

    private static V8Engine? s_engine;
    public static V8Engine Engine => s_engine ??= new V8Engine();
}
