namespace DualEngine.Engine.Interpreter;

/// <summary>
/// A declarative environment record (§9.1.1.1) holding only the bindings that closures capture; the
/// compiler resolved every name to (depth, slot), so no names are kept at run time.
/// </summary>
internal sealed class Env
{
    public readonly JsValue[] Slots;
    public readonly Env? Parent;

    public Env(int size, Env? parent)
    {
        Slots = new JsValue[size];
        Parent = parent;
        MemoryBudget.Account(32 + size * 24L);
    }

    /// <summary>
    /// A function's environment on the call path, which knows the engine: accounting through it avoids the
    /// thread-static read of <see cref="MemoryBudget.Current"/> (a call to the TLS resolver on Linux) per call.
    /// </summary>
    public Env(int size, Env? parent, JsEngine engine)
    {
        Slots = new JsValue[size];
        Parent = parent;
        MemoryBudget.Account(engine, 32 + size * 24L);
    }

    private Env(JsValue[] slots, Env? parent)
    {
        Slots = slots;
        Parent = parent;
    }

    /// <summary>CreatePerIterationEnvironment (§14.7.4.4): same values, new identity.</summary>
    public Env Copy()
    {
        var slots = new JsValue[Slots.Length];
        Slots.AsSpan().CopyTo(slots);
        return new(slots, Parent);
    }

    /// <summary>
    /// The environment <paramref name="depth"/> levels out. Most captured-variable accesses are at depth 0 or 1,
    /// so those are answered inline in the interpreter loop; the walk is a separate call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Env Up(int depth) => depth == 0 ? this : depth == 1 ? Parent! : UpFar(depth);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Env UpFar(int depth)
    {
        var e = this;
        while (depth-- > 0) e = e.Parent!;
        return e;
    }
}
