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

    public Env Up(int depth)
    {
        var e = this;
        while (depth-- > 0) e = e.Parent!;
        return e;
    }
}
