using System.Linq;

namespace DualEngine.Generators.Ops;

/// <summary>
/// Emits a fast op's native entry (deno_core op2's <c>dispatch_fast.rs</c>): an
/// <c>[UnmanagedCallersOnly]</c> cdecl trampoline V8's Fast API calls directly with
/// <c>(receiver, args...)</c>, a call counter, and the <c>FastOpInfo</c> that describes both.
/// bool crosses as a byte: a C++ bool is one byte and .NET only allows blittable types here.
/// The call counter is approximate under concurrency (a plain increment; see EmitTrampoline).
/// </summary>
internal static class FastDispatchEmitter
{
    /// <summary>
    /// The fast-call counters, one per fast op, in a nested class of their own. The ops class usually has a
    /// static initializer (its Descriptors list), and under NativeAOT every access to a static field of such a
    /// class checks first that the class constructor ran (a load, a compare and a branch on each fast call).
    /// This class has no initializer, so its fields are plain data and the increment is a single instruction.
    /// </summary>
    public static void EmitCounters(SourceWriter writer, System.Collections.Generic.IEnumerable<OpMethod> fastOps)
    {
        writer.Open($"private static class {OpNames.FastCounters}");
        foreach (var op in fastOps) writer.Line($"internal static long {op.Name};");
        writer.Close();
    }

    public static void EmitTrampoline(SourceWriter writer, OpMethod op)
    {
        var counter = OpNames.FastCounter(op.Name);
        writer.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly(CallConvs = new[] { typeof(global::System.Runtime.CompilerServices.CallConvCdecl) })]");
        var parameters = string.Concat(op.Parameters.Select((p, i) => $", {NativeType(p.Kind)} {ArgumentEmitter.Local(i)}"));
        writer.Open($"private static {NativeType(op.Result)} {OpNames.FastMethod(op.Name)}(nint receiver{parameters})");
        // A plain increment, not Interlocked: a locked add on every fast call costs as much as the rest of the
        // trampoline. The count is for tests and benchmarks; calls from several threads at once may lose some.
        writer.Line($"{counter}++;");
        var arguments = string.Join(", ", op.Parameters.Select((p, i) =>
            p.Kind == OpArgumentKind.Boolean ? ArgumentEmitter.Local(i) + " != 0" : ArgumentEmitter.Local(i)));
        var invocation = $"{op.Name}({arguments})";
        writer.Line(op.Result switch
        {
            OpResultKind.Void => invocation + ";",
            OpResultKind.Boolean => $"return {invocation} ? (byte)1 : (byte)0;",
            _ => $"return {invocation};",
        });
        writer.Close();
        writer.Line();
        EmitFastInfoMethod(writer, op);
    }

    /// <summary>The <c>Fast = ...</c> initializer line of the op's descriptor.</summary>
    public static string FastInfoInitializer(OpMethod op) => $"Fast = {FastInfoMethod(op.Name)}(),";

    /// <summary>
    /// A method that builds the op's FastOpInfo. Only this method is unsafe (it takes the function
    /// pointer): marking the whole class unsafe would forbid <c>await</c> in its async helpers (CS4004).
    /// </summary>
    public static void EmitFastInfoMethod(SourceWriter writer, OpMethod op)
    {
        writer.Line($"private static unsafe {OpNames.FastOpInfo} {FastInfoMethod(op.Name)}() =>");
        writer.Line("    " + FastInfo(op) + ";");
    }

    private static string FastInfoMethod(string op) => "__FastInfo_" + op;

    private static string FastInfo(OpMethod op)
    {
        var signature = string.Join(", ",
            new[] { "nint" }.Concat(op.Parameters.Select(p => NativeType(p.Kind))).Concat(new[] { NativeType(op.Result) }));
        var pointer = $"(nint)(delegate* unmanaged[Cdecl]<{signature}>)&{OpNames.FastMethod(op.Name)}";
        var argumentTypes = string.Join(", ", op.Parameters.Select(p => $"{OpNames.FastType}.{FastTypeOf(p.Kind)}"));
        var argumentArray = argumentTypes.Length == 0 ? $"new {OpNames.FastType}[0]" : $"new {OpNames.FastType}[] {{ {argumentTypes} }}";
        return $"new {OpNames.FastOpInfo}({pointer}, {OpNames.FastType}.{FastTypeOf(op.Result)}, {argumentArray}, " +
               $"static () => {OpNames.Interlocked}.Read(ref {OpNames.FastCounter(op.Name)}))";
    }

    private static string NativeType(OpArgumentKind kind) => kind switch
    {
        OpArgumentKind.Boolean => "byte",
        OpArgumentKind.Int32 => "int",
        OpArgumentKind.UInt32 => "uint",
        _ => "double",
    };

    private static string NativeType(OpResultKind kind) => kind switch
    {
        OpResultKind.Void => "void",
        OpResultKind.Boolean => "byte",
        OpResultKind.Int32 => "int",
        OpResultKind.UInt32 => "uint",
        _ => "double",
    };

    private static string FastTypeOf(OpArgumentKind kind) => kind switch
    {
        OpArgumentKind.Boolean => "Bool",
        OpArgumentKind.Int32 => "Int32",
        OpArgumentKind.UInt32 => "UInt32",
        _ => "Float64",
    };

    private static string FastTypeOf(OpResultKind kind) => kind switch
    {
        OpResultKind.Void => "Void",
        OpResultKind.Boolean => "Bool",
        OpResultKind.Int32 => "Int32",
        OpResultKind.UInt32 => "UInt32",
        _ => "Float64",
    };
}
