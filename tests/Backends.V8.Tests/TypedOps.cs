using DualEngine.Abstractions.Ops;

namespace DualEngine.Backends.V8.Tests;

public sealed class TypedCounter { public int Calls; }

public enum TypedMode { A = 1, B = 2 }

/// <summary>
/// Ops with number/boolean parameters and results: the generator gives them a typed slow entry
/// (DirectOpInfo) which the V8 backend calls instead of Invoke.
/// </summary>
internal static partial class TypedOps
{
    [Op] public static int op_typed_int(int value) => value;
    [Op] public static uint op_typed_uint(uint value) => value;
    [Op] public static double op_typed_double(double value) => value;
    [Op] public static bool op_typed_bool(bool value) => value;
    [Op] public static long op_typed_long(long value) => value;
    [Op] public static TypedMode op_typed_enum(TypedMode mode) => mode;
    [Op] public static void op_typed_void(int value) { }
    [Op] public static int op_typed_count([FromState] TypedCounter counter, OpState state, int by, [FromState] TypedCounter? maybe) =>
        counter.Calls += by + (maybe is null ? 1000 : 0) + (state.TryGet<TypedCounter>(out _) ? 0 : 1000);
    [Op] public static void op_typed_fail(int code) =>
        throw (code == 0 ? new OpError("NotFound", $"code {code}") : new InvalidOperationException($"boom {code}"));
    [Op] public static string op_typed_mix(int a, double b, bool c, uint d, long e, TypedMode f, double g, bool h) =>
        string.Join(",", a, b, c, d, e, f, g, h);
    [Op] public static double op_typed_mix_number(int a, double b, bool c, uint d, long e, TypedMode f, double g, bool h) =>
        a + b + (c ? 1 : 0) + d + e + (int)f + g + (h ? 1 : 0);
}
