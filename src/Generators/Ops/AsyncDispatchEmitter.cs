namespace DualEngine.Generators.Ops;

/// <summary>
/// Emits the <c>Invoke</c> body of an async op (deno_core op2's <c>dispatch_async.rs</c>): read the
/// arguments (bad arguments throw synchronously, as in Deno), create the promise, start the method and
/// hand its task, converted to <c>Task&lt;OpValue&gt;</c>, to the event loop's sink. The event loop turns
/// a faulted task into the rejection (OpError keeps its class).
/// </summary>
internal static class AsyncDispatchEmitter
{
    public static void EmitBody(SourceWriter writer, OpMethod op)
    {
        ArgumentEmitter.Emit(writer, op);
        writer.Line($"var sink = call.State.AsyncOps ?? throw new global::System.InvalidOperationException(\"async op {op.Name} needs an event loop: OpState.AsyncOps is not set\");");
        writer.Line("var promiseId = call.CreatePromise();");
        writer.Line($"{OpNames.Task}<{OpNames.OpValue}> completion;");
        writer.Open("try");
        writer.Line($"completion = {OpNames.CompleteMethod(op.Name)}({op.Name}({ArgumentEmitter.CallArguments(op)}));");
        writer.Close();
        writer.Open("catch (global::System.Exception exception)");
        writer.Line("// A method that throws before returning its task still rejects the promise, as an async function would.");
        writer.Line($"completion = {OpNames.Task}.FromException<{OpNames.OpValue}>(exception);");
        writer.Close();
        writer.Line("sink.Track(promiseId, completion);");
    }

    /// <summary>The helper that awaits the op's task and converts its result.</summary>
    public static void EmitCompletion(SourceWriter writer, OpMethod op)
    {
        var header = $"private static async {OpNames.Task}<{OpNames.OpValue}> {OpNames.CompleteMethod(op.Name)}({op.ReturnTypeName} task)";
        if (op.Result == OpResultKind.Void)
        {
            writer.Open(header);
            writer.Line("await task.ConfigureAwait(false);");
            writer.Line($"return {OpNames.OpValue}.Undefined;");
            writer.Close();
        }
        else
        {
            writer.Line($"{header} =>");
            writer.Line($"    {ResultEmitter.ToOpValue(op.Result, "(await task.ConfigureAwait(false))")};");
        }
    }
}
