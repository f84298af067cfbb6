namespace DualEngine.Generators.Ops;

/// <summary>
/// Emits the <c>Invoke</c> body of a synchronous op (deno_core op2's <c>dispatch_slow.rs</c>).
/// Exceptions are not caught: an <c>OpError</c> reaches the backend as is (it becomes the named
/// JS error) and the backend maps any other exception to a plain Error.
/// </summary>
internal static class SyncDispatchEmitter
{
    public static void EmitBody(SourceWriter writer, OpMethod op)
    {
        ArgumentEmitter.Emit(writer, op);
        var invocation = $"{op.Name}({ArgumentEmitter.CallArguments(op)})";
        if (op.Result == OpResultKind.Void)
        {
            writer.Line(invocation + ";");
            writer.Line($"call.SetResult({OpNames.OpValue}.Undefined);");
        }
        else
        {
            writer.Line($"var result = {invocation};");
            writer.Line($"call.SetResult({ResultEmitter.ToOpValue(op.Result, "result")});");
        }
    }
}
