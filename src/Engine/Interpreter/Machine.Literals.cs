using DualEngine.Engine.Compiler;

namespace DualEngine.Engine.Interpreter;

/// <summary>
/// Object and array literals (§13.2.4, §13.2.5): the bodies of their opcodes, kept out of the dispatch loop.
/// They take pc by value (the caller advances it past the operands): a ref would make Dispatch keep pc in memory.
/// </summary>
internal sealed partial class Machine
{
    /// <summary>
    /// <see cref="OpCode.NewObjectLiteral"/> k: [v1..vn] → [obj]. The object starts at the literal's precomputed
    /// shape with the n values as its (exact-size) slots; see <see cref="ObjectLiteralShape"/>.
    /// </summary>
    private static int NewObjectLiteral(Frame frame, JsValue[] regs, int sp, ref int ip, int pc)
    {
        var literal = Unsafe.As<ObjectLiteralShape>(frame.Code.Constants[Unsafe.Add(ref ip, (nint)(uint)pc)].InternalRef!);
        int n = literal.Count;
        var slots = n == 0 ? [] : new JsValue[n];
        sp -= n;
        // An element loop rather than Span.CopyTo: a literal has a handful of values, numbers among them, and
        // JsValue.Copy stores those without a write barrier (CopyTo takes the bulk-copy-with-barrier call).
        for (int i = 0; i < n; i++) JsValue.Copy(ref slots[i], regs[sp + i]);
        var realm = frame.Realm;
        MemoryBudget.Account(realm.Engine, 72 + n * (long)JsValue.Size);
        JsValue.StoreObject(ref regs[sp], new JsObject(realm.Intrinsics.ObjectPrototype, literal.Shape, slots, literal.HasIndexedKeys));
        return sp + 1;
    }

    /// <summary>
    /// <see cref="OpCode.NewArrayLiteral"/> n capacity: [v1..vn] → [arr]. The n values become the array's dense
    /// storage (room for the literal's later elements too); each is a CreateDataPropertyOrThrow (§13.2.4.1).
    /// </summary>
    private static int NewArrayLiteral(Frame frame, JsValue[] regs, int sp, ref int ip, int pc)
    {
        int n = Unsafe.Add(ref ip, (nint)(uint)pc);
        int capacity = Math.Max(n, Unsafe.Add(ref ip, (nint)(uint)(pc + 1)));
        var items = new JsValue[capacity];
        sp -= n;
        for (int i = 0; i < n; i++) JsValue.Copy(ref items[i], regs[sp + i]);
        var realm = frame.Realm;
        MemoryBudget.Account(realm.Engine, 88 + capacity * (long)JsValue.Size);
        JsValue.StoreObject(ref regs[sp], new JsArray(realm.Intrinsics.ArrayPrototype, items, (uint)n, false));
        return sp + 1;
    }
}
