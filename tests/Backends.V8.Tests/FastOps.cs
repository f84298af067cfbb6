using DualEngine.Abstractions.Ops;

namespace DualEngine.Backends.V8.Tests;

/// <summary>Fast-eligible ops, bound by the op generator (V8 may call them through its Fast API).</summary>
internal static partial class FastOps
{
    [Op(Fast = true)]
    public static int op_fast_add(int a, int b) => a + b;

    [Op(Fast = true)]
    public static double op_fast_scale(double x, double factor) => x * factor;

    [Op(Fast = true)]
    public static bool op_fast_both(bool a, bool b) => a && b;
}
