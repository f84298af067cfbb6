using System.Linq;

namespace DualEngine.Generators.Ops;

/// <summary>
/// Emits a sync op's typed native entry (deno_core op2's typed slow function): an <c>[UnmanagedCallersOnly]</c>
/// cdecl <c>int (nint state, ulong* slots)</c> a backend calls instead of <c>Invoke</c> with the JS arguments
/// already converted into 8-byte slots, so a call crosses no <c>IOpCall</c> interface and builds no
/// <c>OpValue</c>. Only for ops whose JS parameters are numbers/booleans (state parameters allowed) and whose
/// result is void, a number or a boolean; the contract is <c>DirectOpInfo</c>'s. Conversions mirror
/// <see cref="ArgumentEmitter"/> and <see cref="ResultEmitter"/> so both entries give the same results.
/// </summary>
internal static class DirectDispatchEmitter
{
    /// <summary>JS arguments a typed entry can take (<c>DirectOpCall.Slots</c>).</summary>
    private const int MaxSlots = 8;

    public static bool IsEligible(OpMethod op)
    {
        if (op.IsAsync) return false;
        if (op.Result is not (OpResultKind.Void or OpResultKind.Boolean or OpResultKind.Int32 or OpResultKind.UInt32
            or OpResultKind.Int64 or OpResultKind.Double or OpResultKind.Enum))
            return false;
        var jsArguments = 0;
        foreach (var p in op.Parameters)
        {
            switch (p.Kind)
            {
                case OpArgumentKind.Boolean or OpArgumentKind.Int32 or OpArgumentKind.UInt32 or OpArgumentKind.Int64
                    or OpArgumentKind.Double or OpArgumentKind.Enum:
                    jsArguments++;
                    break;
                case OpArgumentKind.OpState or OpArgumentKind.State or OpArgumentKind.OptionalState:
                    break;
                default:
                    return false;
            }
        }
        return jsArguments <= MaxSlots;
    }

    public static void EmitEntry(SourceWriter writer, OpMethod op)
    {
        writer.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly(CallConvs = new[] { typeof(global::System.Runtime.CompilerServices.CallConvCdecl) })]");
        writer.Open($"private static unsafe int {OpNames.DirectMethod(op.Name)}(nint state, ulong* slots)");
        writer.Open("try");
        var needsState = op.Parameters.Any(p => p.Kind is OpArgumentKind.OpState or OpArgumentKind.State or OpArgumentKind.OptionalState);
        if (needsState) writer.Line($"var opState = {OpNames.DirectOpCall}.State(state);");
        for (var i = 0; i < op.Parameters.Count; i++)
        {
            var p = op.Parameters[i];
            var local = ArgumentEmitter.Local(i);
            var slot = $"(slots + {p.JsIndex})";
            switch (p.Kind)
            {
                case OpArgumentKind.Boolean: writer.Line($"var {local} = *(byte*){slot} != 0;"); break;
                case OpArgumentKind.Int32: writer.Line($"var {local} = *(int*){slot};"); break;
                case OpArgumentKind.UInt32: writer.Line($"var {local} = *(uint*){slot};"); break;
                case OpArgumentKind.Int64: ArgumentEmitter.EmitInt64(writer, local, $"*(double*){slot}"); break;
                case OpArgumentKind.Double: writer.Line($"var {local} = *(double*){slot};"); break;
                case OpArgumentKind.Enum: writer.Line($"var {local} = ({p.TypeName})(*(int*){slot});"); break;
                case OpArgumentKind.OpState: writer.Line($"var {local} = opState;"); break;
                case OpArgumentKind.State: writer.Line($"var {local} = opState.Get<{p.TypeName}>();"); break;
                case OpArgumentKind.OptionalState: writer.Line($"opState.TryGet<{p.TypeName}>(out var {local});"); break;
            }
        }
        var invocation = $"{op.Name}({ArgumentEmitter.CallArguments(op)})";
        writer.Line(op.Result switch
        {
            OpResultKind.Void => invocation + ";",
            OpResultKind.Boolean => $"*slots = {invocation} ? 1UL : 0UL;",
            OpResultKind.Int32 => $"*(int*)slots = {invocation};",
            OpResultKind.UInt32 => $"*(uint*)slots = {invocation};",
            OpResultKind.Enum => $"*(double*)slots = (double)(long){invocation};",
            _ => $"*(double*)slots = (double){invocation};",
        });
        writer.Line("return 0;");
        writer.Close();
        writer.Open("catch (global::System.Exception exception)");
        writer.Line($"return {OpNames.DirectOpCall}.Fail((nint)slots, exception);");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line($"private static unsafe {OpNames.DirectOpInfo} {DirectInfoMethod(op.Name)}() =>");
        var argumentTypes = string.Join(", ", op.Parameters.Where(p => p.JsIndex >= 0).Select(p => $"{OpNames.FastType}.{SlotType(p.Kind)}"));
        var argumentArray = argumentTypes.Length == 0 ? $"new {OpNames.FastType}[0]" : $"new {OpNames.FastType}[] {{ {argumentTypes} }}";
        writer.Line($"    new {OpNames.DirectOpInfo}((nint)(delegate* unmanaged[Cdecl]<nint, ulong*, int>)&{OpNames.DirectMethod(op.Name)}, " +
                    $"{OpNames.FastType}.{SlotType(op.Result)}, {argumentArray});");
    }

    /// <summary>The <c>Direct = ...</c> initializer line of the op's descriptor.</summary>
    public static string DirectInfoInitializer(OpMethod op) => $"Direct = {DirectInfoMethod(op.Name)}(),";

    private static string DirectInfoMethod(string op) => "__DirectInfo_" + op;

    private static string SlotType(OpArgumentKind kind) => kind switch
    {
        OpArgumentKind.Boolean => "Bool",
        OpArgumentKind.Int32 or OpArgumentKind.Enum => "Int32",
        OpArgumentKind.UInt32 => "UInt32",
        _ => "Float64",
    };

    private static string SlotType(OpResultKind kind) => kind switch
    {
        OpResultKind.Void => "Void",
        OpResultKind.Boolean => "Bool",
        OpResultKind.Int32 => "Int32",
        OpResultKind.UInt32 => "UInt32",
        _ => "Float64",
    };
}
