using DualEngine.Abstractions.Errors;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Test262.Host;

/// <summary>
/// The ops behind the test262 host functions (INTERPRETING.md "Host-Defined Functions"). Written as
/// plain descriptors: they need the realm from OpState, and there are only a few.
/// </summary>
public static class HostOps
{
    public static readonly OpDescriptor[] All =
    [
        new() { Name = "op_test262_print", Kind = OpKind.Sync, Invoke = Print },
        new() { Name = "op_test262_eval_script", Kind = OpKind.Sync, Invoke = EvalScript },
        // $262.gc on the managed engine (V8 uses %CollectGarbage instead): its objects live on the .NET heap.
        new() { Name = "op_test262_gc", Kind = OpKind.Sync, Invoke = _ => GC.Collect() },
    ];

    // print(message): async tests report "Test262:AsyncTestComplete" or "Test262:AsyncTestFailure:<reason>".
    private static void Print(IOpCall call)
    {
        var host = call.State.Get<TestHost>();
        string text = call.KindOf(0) == OpValueKind.String ? call.GetString(0) : "";
        lock (host.Printed) host.Printed.Add(text);
    }

    // $262.evalScript(source): ScriptEvaluation of a new Script in the same realm (global lexical
    // declarations persist, unlike indirect eval). The engine's error crosses back as an error of the
    // same class with the same message; the original object identity is lost, which test262 never checks.
    private static void EvalScript(IOpCall call)
    {
        var host = call.State.Get<TestHost>();
        string source = call.GetString(0);
        try
        {
            host.Realm!.EvaluateScript(source, "evalScript.js");
        }
        catch (JsException ex) when (!ex.IsTermination)
        {
            var e = ex.Error;
            if (!e.IsErrorObject) throw new OpError("Error", e.Message);
            throw new OpError(e.Name.Length > 0 ? e.Name : "Error", e.Message);
        }
        catch (JsException)
        {
            // The nested evaluation swallowed a termination (the shim recovers after reporting it);
            // end this script too. The watchdog keeps terminating while the test runs over time.
            throw new OpError("Error", "Test262: terminated (time budget spent)");
        }
    }
}
