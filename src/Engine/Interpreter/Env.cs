using System.Runtime.InteropServices;

namespace DualEngine.Engine.Interpreter;

/// <summary>
/// Declarative environment records (§9.1.1.1) holding only the bindings that closures capture; the compiler
/// resolved every name to (depth, slot), so no names are kept at run time. An environment is one
/// <c>JsValue[]</c>: the bindings in elements 0..n-1 and the parent environment (an internal reference, or
/// undefined at the outermost) in the last element, so slot i is simply element i.
/// </summary>
/// <remarks>
/// One array rather than an object holding the array and the parent: a call whose variables a closure captures
/// allocates one object fewer (on this machine an allocation costs about as much as ten interpreter instructions),
/// and every read or write of a captured variable loads one reference fewer.
/// </remarks>
internal static class Env
{
    public static JsValue[] Create(int size, JsValue[]? parent)
    {
        MemoryBudget.Account(BytesFor(size));
        return Allocate(size, parent);
    }

    /// <summary>
    /// An environment for code that knows its engine (a call, a block entered by the interpreter loop): accounting
    /// through it avoids the thread-static read of <see cref="MemoryBudget.Current"/> (a call to the TLS resolver
    /// on Linux), which cost about 8% of a loop creating a block environment and a closure per iteration.
    /// </summary>
    public static JsValue[] Create(int size, JsValue[]? parent, JsEngine engine)
    {
        MemoryBudget.Account(engine, BytesFor(size));
        return Allocate(size, parent);
    }

    private static long BytesFor(int size) => 24 + (size + 1) * (long)JsValue.Size;

    private static JsValue[] Allocate(int size, JsValue[]? parent)
    {
        var env = new JsValue[size + 1];
        if (parent is not null) env[size] = JsValue.FromInternal(parent);
        return env;
    }

    /// <summary>The enclosing environment (null at the outermost).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsValue[]? Parent(JsValue[] env) =>
        // The last element always exists (Create allocates size + 1), so it is read without a bounds check.
        Unsafe.As<JsValue[]?>(Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(env), env.Length - 1)._ref);

    /// <summary>CreatePerIterationEnvironment (§14.7.4.4): same values and parent, new identity.</summary>
    public static JsValue[] Copy(JsValue[] env, JsEngine engine)
    {
        MemoryBudget.Account(engine, BytesFor(env.Length - 1));
        var copy = new JsValue[env.Length];
        env.AsSpan().CopyTo(copy);
        return copy;
    }

    /// <summary>
    /// The environment <paramref name="depth"/> levels out. Most captured-variable accesses are at depth 0 or 1,
    /// so those are answered inline in the interpreter loop; the walk is a separate call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsValue[] Up(JsValue[] env, int depth) => depth == 0 ? env : depth == 1 ? Parent(env)! : UpFar(env, depth);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JsValue[] UpFar(JsValue[] env, int depth)
    {
        while (depth-- > 0) env = Parent(env)!;
        return env;
    }
}
