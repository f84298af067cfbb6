// Small helpers of the dispatch loop (Machine.cs), each inlined into it.
using System.Runtime.InteropServices;
using DualEngine.Engine.Compiler;

namespace DualEngine.Engine.Interpreter;

internal sealed partial class Machine
{
    // Dispatch is static and reaches the machine and engine through the frame (frame.Machine,
    // frame.Machine._engine; all realms of an engine share them): a `this` held through the loop would take one
    // of the five callee-saved registers that frame, code, registers, sp and pc need; with it, pc was kept on
    // the stack and stored on every step.
    //
    // Dispatch spells out its most frequent primitives instead of calling small helpers: the code stream is
    // read with Unsafe.Add over MemoryMarshal.GetArrayDataReference (JIT intrinsics, expanded without inlining)
    // and a number is recognized by its tag. Reading the code stream without a bounds check is safe because
    // every pc the loop reaches comes from the compiler (the next instruction, a jump target, a handler or a
    // return address), an instruction's operands are emitted with it, and BytecodeBuilder.Finish rejects code
    // with an unpatched jump or a target past the end. The NativeAOT compiler's .NET 9 JIT runs out of inline
    // budget in a method this large and then calls even AggressiveInlining helpers (`At`, `IsNumber`,
    // `MachineOf` were calls there, one per operand read); the .NET 10 JIT inlines them.

    /// <summary>
    /// The object a value holds, or null. By the tag: only <see cref="JsValue.FromObject"/> makes an object
    /// value, and `is JsObject` on the reference would call the runtime's type-check helper (JsObject is not
    /// sealed), which showed as 4% of the property workload.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static JsObject? AsObjectOrNull(in JsValue value) =>
        value.IsObject ? Unsafe.As<JsObject>(value._ref) : null;

    /// <summary>
    /// "length" of an array or a string: an array's own length property and a String value's (§10.4.3.5) are
    /// kept outside any slots (so never cached by shape) and can be neither deleted nor shadowed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadLength(in JsValue receiver, ref JsValue destination)
    {
        if (receiver._ref is JsArray array) JsValue.StoreNumber(ref destination, array.Length);
        else if (receiver.IsString) JsValue.StoreNumber(ref destination, receiver.StringLength);
        else return false;
        return true;
    }

    /// <summary>
    /// A method cached for primitive receivers on the prototype they borrow (see TryCachePrimitiveMethod):
    /// `s.slice(...)`, `n.toFixed(...)`, valid while that prototype keeps its shape. The prototype is compared
    /// too: the cache may have been filled in another realm, or for another kind of primitive.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadPrimitiveCached(Realm realm, in JsValue receiver, PropertyCache cache, ref JsValue destination)
    {
        if (CachedPrimitiveHolder(realm, receiver, cache) is not { } holder) return false;
        JsValue.Copy(ref destination, holder._slots[cache.Slot]);
        return true;
    }

    /// <summary>The prototype a primitive receiver borrows the cached method from (see <see cref="TryReadPrimitiveCached"/>); null on a miss.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static JsObject? CachedPrimitiveHolder(Realm realm, in JsValue receiver, PropertyCache cache)
    {
        if (!ReferenceEquals(cache.Shape, Shape.PrimitiveReceiver) || receiver.IsObject || receiver.IsNullish) return null;
        var holder = cache.Holder!;
        return ReferenceEquals(holder._shape, cache.HolderShape) && ReferenceEquals(holder, PrimitivePrototype(realm, receiver)) ? holder : null;
    }

    /// <summary>
    /// Where <paramref name="callee"/>'s caller continues, for a call whose next instruction is at
    /// <paramref name="pc"/> (see <see cref="Frame.ReturnPc"/>, <see cref="Frame.ResultRegister"/>): a call statement
    /// (`f(x);`, the call followed by Pop) continues after the Pop without the value; `x = f()` (followed by
    /// StoreReg x) after the StoreReg, with the value stored into x; anything else at pc, with the value pushed.
    /// The return need not read the caller's code to find out, and skips the dispatch (and, for `x = f()`, the
    /// second reference store through the GC's write barrier) of the instruction it does itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetReturnAddress(Frame callee, ref int ip, int pc)
    {
        int next = Unsafe.Add(ref ip, (nint)(uint)pc);
        if (next == (int)OpCode.Pop)
        {
            callee.ReturnPc = ~(pc + 1);
            callee.ResultRegister = -1;
        }
        else if (next == (int)OpCode.StoreReg)
        {
            callee.ReturnPc = pc + 2;
            callee.ResultRegister = Unsafe.Add(ref ip, (nint)(uint)(pc + 1));
        }
        else
        {
            callee.ReturnPc = pc;
            callee.ResultRegister = -1;
        }
    }

    /// <summary>
    /// The inline-cache hit path of a global read: a slot of the global object while it keeps its shape, or a
    /// top-level let/const/class binding (§9.1.1.4 [[DeclarativeRecord]]) once initialized. Either holds while no
    /// global lexical was declared since (the epoch), since a new one could shadow a global object property.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryLoadGlobalCached(Realm realm, PropertyCache cache, ref JsValue destination)
    {
        ref readonly var value = ref CachedGlobalValue(realm, cache);
        if (value.IsEmpty) return false; // a miss, or a binding in its TDZ: the slow path throws
        JsValue.Copy(ref destination, value);
        return true;
    }

    /// <summary>
    /// The binding a global's inline cache holds (see <see cref="TryLoadGlobalCached"/>), or Empty on a miss; a
    /// let/const in its TDZ holds Empty itself. CallGlobalReg1 reads it to call the function it holds in place.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref readonly JsValue CachedGlobalValue(Realm realm, PropertyCache cache)
    {
        if (cache.Epoch == realm.LexicalEpoch)
        {
            if (cache.Box is null)
            {
                var global = realm.GlobalObject;
                if (ReferenceEquals(global._shape, cache.Shape)) return ref global._slots[cache.Slot];
            }
            else if (cache.Box is GlobalLexical box) return ref box.Value;
        }
        return ref JsValue.Empty;
    }

    /// <summary>The inline-cache hit path of a named read (own slot, or a slot of the direct prototype).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadCached(in JsValue receiver, PropertyCache cache, ref JsValue destination)
    {
        if (AsObjectOrNull(receiver) is not { } o || CachedSlots(o, cache) is not { } slots) return false;
        JsValue.Copy(ref destination, slots[cache.Slot]);
        return true;
    }

    /// <summary>
    /// The slot array that holds the property a named-read cache describes for object <paramref name="o"/>: its own
    /// (the cache has no holder) or its direct prototype's, while both keep the cached shapes; null on a miss.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static JsValue[]? CachedSlots(JsObject o, PropertyCache cache)
    {
        if (!ReferenceEquals(o._shape, cache.Shape)) return null;
        var holder = cache.Holder;
        if (holder is null) return o._slots;
        return ReferenceEquals(o._prototype, holder) && ReferenceEquals(holder._shape, cache.HolderShape) ? holder._slots : null;
    }

    private static Operators.BinaryOp BitwiseOperator(OpCode op) => op switch
    {
        OpCode.BitAnd => Operators.BinaryOp.BitAnd,
        OpCode.BitOr => Operators.BinaryOp.BitOr,
        OpCode.BitXor => Operators.BinaryOp.BitXor,
        OpCode.Shl => Operators.BinaryOp.Shl,
        OpCode.Sar => Operators.BinaryOp.Sar,
        _ => Operators.BinaryOp.Shr,
    };

    // Slow paths that store their result straight into a register. Returning a JsValue to the loop instead
    // needs a stack temporary at every call site, and the loop's prologue zeroes all of those on each entry
    // (each callback, getter or resumed async function that native code runs re-enters it).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void GetNamedSlowInto(ref JsValue destination, Realm realm, in JsValue obj, in PropertyKey key, PropertyCache cache)
    {
        if (key.IsLength) cache.LengthKey = true;
        JsValue.Copy(ref destination, GetNamedSlow(realm, obj, key, cache));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void GetElemSlowInto(ref JsValue destination, Realm realm, in JsValue obj, in JsValue key) =>
        JsValue.Copy(ref destination, GetElemSlow(realm, obj, key));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void GetElemIntSlowInto(ref JsValue destination, Realm realm, int key) =>
        JsValue.Copy(ref destination, GetElemSlow(realm, destination, JsValue.FromNumber(key)));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LoadGlobalInto(ref JsValue destination, Realm realm, in PropertyKey key, PropertyCache cache) =>
        JsValue.Copy(ref destination, LoadGlobal(realm, key, cache, throwIfMissing: true));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void IncDecInto(ref JsValue destination, in JsValue value, int delta) => JsValue.Copy(ref destination, IncDec(value, delta));

    /// <summary>
    /// + when not both operands are numbers. A concatenation with a string or number stores the payload
    /// straight into the destination (see <see cref="JsRope.Concat(object, object)"/>); the rest is Operators.Add.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddInto(ref JsValue destination, in JsValue a, in JsValue b)
    {
        if (a.IsString)
        {
            if (b.IsString) { JsValue.StoreString(ref destination, JsRope.Concat(a._ref!, b._ref!)); return; }
            if (b.IsNumber) { JsValue.StoreString(ref destination, JsRope.ConcatNumber(a._ref!, b._number, numberFirst: false)); return; }
        }
        else if (a.IsNumber && b.IsString)
        {
            JsValue.StoreString(ref destination, JsRope.ConcatNumber(b._ref!, a._number, numberFirst: true));
            return;
        }
        JsValue.Copy(ref destination, Operators.Add(a, b));
    }

    /// <summary>
    /// `target += a + b` (AddSumToReg) with target and a strings: a + b first (b's ToPrimitive/ToString, if any,
    /// as §13.15.3 orders it), then both parts appended to target at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AppendSumInto(ref JsValue target, in JsValue a, in JsValue b)
    {
        if (b.IsString) JsValue.StoreString(ref target, JsRope.ConcatTwo(target._ref!, a._ref!, b._ref!, 0));
        else if (b.IsNumber) JsValue.StoreString(ref target, JsRope.ConcatTwo(target._ref!, a._ref!, null, b._number));
        else
        {
            var sum = Operators.Add(a, b);
            JsValue.Copy(ref target, Operators.Add(target, sum));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ArithmeticInto(ref JsValue destination, Operators.BinaryOp op, in JsValue a, in JsValue b) =>
        JsValue.Copy(ref destination, Operators.Arithmetic(op, a, b));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool LooseEquals(in JsValue a, in JsValue b) => Operators.LooseEquals(a, b);

    /// <summary>Unary minus of a non-number (§13.5.4): ToNumeric, then Number::unaryMinus or BigInt::unaryMinus.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void NegateInto(ref JsValue slot)
    {
        var n = Conversions.ToNumeric(slot);
        slot = n.IsBigInt ? JsValue.FromBigInt(-n.AsBigInt().Value) : JsValue.FromNumber(-n._number);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void TypeOfInto(ref JsValue slot) => slot = JsValue.FromString(Operators.TypeOf(slot));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ToNumericInto(ref JsValue slot) => slot = Conversions.ToNumeric(slot);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CallInto(ref JsValue destination, JsFunction fn, in JsValue thisValue, ReadOnlySpan<JsValue> args) =>
        JsValue.Copy(ref destination, fn.Call(thisValue, args));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CallBuiltinInto(ref JsValue destination, BuiltinFunction fn, in JsValue thisValue, ReadOnlySpan<JsValue> args) =>
        fn.CallInto(ref destination, thisValue, args);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ConstructInto(ref JsValue destination, JsFunction fn, ReadOnlySpan<JsValue> args) =>
        JsValue.Copy(ref destination, fn.Construct(args, fn));

    // Which relations of two numbers make each compare-and-jump jump, indexed from JumpIfLt: bit 0 less,
    // bit 1 equal, bit 2 greater, bit 3 unordered (a NaN operand). "Not less" is not "greater or equal":
    // it also jumps on NaN.
    private static ReadOnlySpan<byte> CompareJumpMasks =>
    [
        0b0001, // JumpIfLt
        0b1110, // JumpIfNotLt
        0b0011, // JumpIfLe
        0b1100, // JumpIfNotLe
        0b0100, // JumpIfGt
        0b1011, // JumpIfNotGt
        0b0110, // JumpIfGe
        0b1001, // JumpIfNotGe
        0b0010, // JumpIfStrictEq
        0b1101, // JumpIfStrictNe
    ];

    /// <summary>Whether compare-and-jump <paramref name="op"/> (an OpCode from JumpIfLt to JumpIfStrictNe) jumps for numbers x and y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool NumberCompareJumps(int op, double x, double y)
    {
        int relation = x < y ? 1 : x > y ? 4 : x == y ? 2 : 8;
        return (CompareJumpMasks[op - (int)OpCode.JumpIfLt] & relation) != 0;
    }

    /// <summary>
    /// receiver.name into <paramref name="destination"/> (GetNamed and the instructions fused from it): the
    /// inline cache, then an array's or a string's length at a "length" site (kept outside any slots), then
    /// the general lookup. <paramref name="name"/> and <paramref name="cache"/> are the code's operands.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReadNamedInto(ref JsValue destination, Frame frame, in JsValue receiver, int name, int cache)
    {
        var c = frame.Code.Caches[cache];
        if (!TryReadCached(receiver, c, ref destination) && !(c.LengthKey && TryReadLength(receiver, ref destination)))
            GetNamedSlowInto(ref destination, frame.Realm, receiver, frame.Code.Names[name], c);
    }

    /// <summary>obj[key] into <paramref name="destination"/> (GetElem and its fused forms): a dense array element inline, else the general lookup.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReadElementInto(ref JsValue destination, Realm realm, in JsValue obj, in JsValue key)
    {
        if (obj._ref is JsArray arr && key.IsNumber && Conversions.TryGetArrayIndex(key, out uint index) && arr.TryGetDense(index, out var elem))
            JsValue.Copy(ref destination, elem);
        else
            GetElemSlowInto(ref destination, realm, obj, key);
    }

    // a + b, a - b, a * b into the destination (which may be a's own slot): numbers inline, the rest through
    // the operators. One helper per operator, so the hot arithmetic has no inner switch.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddValuesInto(ref JsValue destination, in JsValue a, in JsValue b)
    {
        if (a.IsNumber && b.IsNumber) JsValue.StoreNumber(ref destination, a._number + b._number);
        else AddInto(ref destination, a, b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SubValuesInto(ref JsValue destination, in JsValue a, in JsValue b)
    {
        if (a.IsNumber && b.IsNumber) JsValue.StoreNumber(ref destination, a._number - b._number);
        else ArithmeticInto(ref destination, Operators.BinaryOp.Sub, a, b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MulValuesInto(ref JsValue destination, in JsValue a, in JsValue b)
    {
        if (a.IsNumber && b.IsNumber) JsValue.StoreNumber(ref destination, a._number * b._number);
        else ArithmeticInto(ref destination, Operators.BinaryOp.Mul, a, b);
    }

    /// <summary>
    /// The value a CallMethodReg instruction would call, when its inline cache hits: the slot
    /// <see cref="TryReadCached"/> or <see cref="TryReadPrimitiveCached"/> would read; Empty on a miss, which takes
    /// the general path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref readonly JsValue CachedMethodSlot(Realm realm, in JsValue receiver, PropertyCache cache)
    {
        var slots = AsObjectOrNull(receiver) is { } o ? CachedSlots(o, cache) : CachedPrimitiveHolder(realm, receiver, cache)?._slots;
        if (slots is null) return ref JsValue.Empty;
        return ref slots[cache.Slot];
    }

    /// <summary>
    /// GetMethodReg r n c at <paramref name="pc"/> (its operands): the method regs[r].n into regs[sp] and the
    /// receiver into regs[sp + 1] (the callee and `this` of the call that follows).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LoadMethodOfRegister(Frame frame, ref int ip, int pc, JsValue[] regs, int sp)
    {
        ref var obj = ref regs[Unsafe.Add(ref ip, (nint)(uint)pc)];
        JsValue.Copy(ref regs[sp + 1], obj);
        var cache = frame.Code.Caches[Unsafe.Add(ref ip, (nint)(uint)(pc + 2))];
        if (!TryReadCached(obj, cache, ref regs[sp]) && !TryReadPrimitiveCached(frame.Realm, obj, cache, ref regs[sp]))
            GetNamedSlowInto(ref regs[sp], frame.Realm, obj, frame.Code.Names[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))], cache);
    }

    /// <summary>Whether compare-and-jump <paramref name="op"/> (an OpCode from JumpIfLt to JumpIfStrictNe) jumps for <paramref name="a"/> and <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CompareJumps(int op, in JsValue a, in JsValue b) =>
        a.IsNumber && b.IsNumber ? NumberCompareJumps(op, a._number, b._number) : CompareJumpsSlow((OpCode)op, a, b);

    /// <summary>Whether compare-and-jump <paramref name="op"/> jumps for <paramref name="a"/> and the small integer <paramref name="k"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CompareJumpsWithInt(int op, in JsValue a, int k) =>
        a.IsNumber ? NumberCompareJumps(op, a._number, k) : CompareJumpsSlow((OpCode)op, a, JsValue.FromNumber(k));

    /// <summary>
    /// Compare-and-jump on operands that are not both numbers, with the operator's own evaluation order
    /// (§13.10.1: `a &gt; b` and `a &lt;= b` convert b first). The operands are copies: a valueOf called on one
    /// cannot change the other, as with operands pushed on the stack.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool CompareJumpsSlow(OpCode op, JsValue a, JsValue b) => op switch
    {
        OpCode.JumpIfLt => Operators.LessThan(a, b, true) == true,
        OpCode.JumpIfNotLt => Operators.LessThan(a, b, true) != true,
        OpCode.JumpIfLe => Operators.LessThan(b, a, false) == false,
        OpCode.JumpIfNotLe => Operators.LessThan(b, a, false) != false,
        OpCode.JumpIfGt => Operators.LessThan(b, a, false) == true,
        OpCode.JumpIfNotGt => Operators.LessThan(b, a, false) != true,
        OpCode.JumpIfGe => Operators.LessThan(a, b, true) == false,
        OpCode.JumpIfNotGe => Operators.LessThan(a, b, true) != false,
        OpCode.JumpIfStrictEq => Operators.StrictEquals(a, b),
        _ => !Operators.StrictEquals(a, b),
    };
}
