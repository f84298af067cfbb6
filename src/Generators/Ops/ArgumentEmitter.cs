namespace DualEngine.Generators.Ops;

/// <summary>
/// Emits the statements that read an op's parameters from an <c>IOpCall</c> into locals <c>a0, a1, ...</c>
/// (the argument half of deno_core op2's <c>dispatch_slow.rs</c>).
/// Conversions follow the getters' contract on IOpCall: numbers by ToNumber/ToInt32, strings must be strings.
/// </summary>
internal static class ArgumentEmitter
{
    public static void Emit(SourceWriter writer, OpMethod op)
    {
        for (var i = 0; i < op.Parameters.Count; i++)
        {
            var p = op.Parameters[i];
            var local = Local(i);
            var index = p.JsIndex;
            switch (p.Kind)
            {
                case OpArgumentKind.Boolean: writer.Line($"var {local} = call.GetBoolean({index});"); break;
                case OpArgumentKind.Int32: writer.Line($"var {local} = call.GetInt32({index});"); break;
                // ToUint32 and ToInt32 agree modulo 2^32 (ECMA-262 §7.1.7), so reinterpreting the bits is exact.
                case OpArgumentKind.UInt32: writer.Line($"var {local} = unchecked((uint)call.GetInt32({index}));"); break;
                case OpArgumentKind.Int64: EmitInt64(writer, local, $"call.GetNumber({index})"); break;
                case OpArgumentKind.Double: writer.Line($"var {local} = call.GetNumber({index});"); break;
                case OpArgumentKind.String: writer.Line($"var {local} = call.GetString({index});"); break;
                case OpArgumentKind.NullableString:
                    writer.Line($"var {local} = call.ArgumentCount <= {index} || call.KindOf({index}) is {OpNames.OpValueKind}.Undefined or {OpNames.OpValueKind}.Null ? null : call.GetString({index});");
                    break;
                case OpArgumentKind.Bytes: writer.Line($"var {local} = call.GetBytes({index});"); break;
                case OpArgumentKind.ByteSpan: writer.Line($"global::System.ReadOnlySpan<byte> {local} = call.GetBytes({index});"); break;
                case OpArgumentKind.Enum: writer.Line($"var {local} = ({p.TypeName})call.GetInt32({index});"); break;
                case OpArgumentKind.Json:
                    // Clone so the element outlives the pooled document, which is returned right away.
                    writer.Line($"using var {local}Document = {OpNames.JsonDocument}.Parse(call.GetJson({index}));");
                    writer.Line($"var {local} = {local}Document.RootElement.Clone();");
                    break;
                case OpArgumentKind.OpState: writer.Line($"var {local} = call.State;"); break;
                case OpArgumentKind.OpCall: writer.Line($"var {local} = call;"); break;
                case OpArgumentKind.State: writer.Line($"var {local} = call.State.Get<{p.TypeName}>();"); break;
                case OpArgumentKind.OptionalState:
                    writer.Line($"call.State.TryGet<{p.TypeName}>(out var {local});");
                    break;
            }
        }
    }

    /// <summary>
    /// A 64-bit integer parameter from a number: truncated toward zero like ToIntegerOrInfinity; NaN and
    /// infinities become 0 instead of the platform-specific value an unchecked cast would give. Shared by the
    /// IOpCall path and the typed entries (DirectDispatchEmitter), which must convert alike.
    /// </summary>
    public static void EmitInt64(SourceWriter writer, string local, string number)
    {
        writer.Line($"var {local}Number = {number};");
        writer.Line($"var {local} = global::System.Double.IsFinite({local}Number) ? (long)global::System.Math.Truncate({local}Number) : 0L;");
    }

    public static string Local(int index) => "a" + index;

    /// <summary>"a0, a1, ..." for the call to the op method.</summary>
    public static string CallArguments(OpMethod op)
    {
        var parts = new string[op.Parameters.Count];
        for (var i = 0; i < parts.Length; i++) parts[i] = Local(i);
        return string.Join(", ", parts);
    }
}
