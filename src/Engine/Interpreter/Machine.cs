// The interpreter loop. This file is long on purpose (over 800 lines): the dispatch switch is one method so
// the JIT keeps the hot locals (code, registers, sp, pc) in registers, and every fused instruction is one of
// its cases. Only frequent instructions are here; the rest run in Machine.Cold.cs, and heavier operations
// live in the other Machine.*.cs files as plain methods (the small inlined ones in Machine.LoopHelpers.cs).
using System.Runtime.InteropServices;
using DualEngine.Engine.Compiler;

namespace DualEngine.Engine.Interpreter;

/// <summary>
/// The bytecode interpreter. Non-recursive for JS→JS calls: a call pushes a <see cref="Frame"/> and the
/// loop continues with it; a return pops back to the caller. C# recursion happens only when native code
/// (a builtin, a getter, ToPrimitive) calls back into JS; each such entry is a new <see cref="Run"/> and
/// is guarded by the call-depth limit and <see cref="RuntimeHelpers.TryEnsureSufficientExecutionStack"/>.
/// </summary>
internal sealed partial class Machine(JsEngine engine)
{
    private readonly JsEngine _engine = engine;
    /// <summary>
    /// The JS frames being executed, outermost first, across nested <see cref="Run"/> calls: entry
    /// <see cref="_depth"/> is the innermost (<see cref="Current"/>), the one below it its caller. A call
    /// pushes by raising the depth, a return pops by lowering it; the array keeps a slot's frame after the
    /// pop, and a call that pushes the same frame again (a recycled frame of the function called again from
    /// the same depth, the usual case in a loop) stores nothing. A field holding the current frame instead
    /// was written twice per call, each time through the GC write barrier (14-17% of a call-heavy loop).
    /// Entries above the depth are stale and only overwritten; like the frame pool they may keep a frame
    /// reachable until then, which JS cannot observe (liveness, §9.9, permits a WeakRef target to live on).
    /// </summary>
    private Frame?[] _frames = new Frame?[32];
    private int _depth = -1;

    /// <summary>The innermost executing frame (for stack traces, handlers and native→JS entry).</summary>
    internal Frame? Current => _depth >= 0 ? _frames[_depth] : null;

    /// <summary>Makes <paramref name="frame"/> the innermost frame, called by the current one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PushFrameOnStack(Frame frame)
    {
        int depth = ++_depth;
        var frames = _frames;
        if ((uint)depth >= (uint)frames.Length) frames = GrowFrames();
        ref var slot = ref frames[depth];
        if (!ReferenceEquals(slot, frame)) slot = frame;
    }

    /// <summary>Pops the innermost frame and returns its caller (the frame below it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Frame PopFrameFromStack() => _frames[--_depth]!;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Frame?[] GrowFrames()
    {
        Array.Resize(ref _frames, _frames.Length * 2);
        return _frames;
    }

    /// <summary>
    /// The value the last <see cref="Dispatch"/> returned or yielded. A field rather than a return value: a
    /// JsValue return needs a hidden return-buffer pointer, which the JIT keeps in a callee-saved register
    /// for the whole loop, and the loop needs all five of those for frame, code, registers, sp and pc.
    /// </summary>
    private JsValue _completion;

    /// <summary>
    /// Runs <paramref name="frame"/> (the <see cref="Current"/> one) until the entry frame
    /// (<see cref="Frame.IsEntry"/>) returns (false) or a frame suspends (true); the value is left in
    /// <see cref="_completion"/>. <see cref="Current"/> always names the executing frame, so when a throw
    /// escapes, <see cref="Run"/> knows where to look for a handler.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Dispatch(Frame frame)
    {
        // The instruction stream as a reference to its first element: reads need neither the array's null check
        // nor a bounds check (the compiler emits every operand an instruction reads).
        ref int ip = ref MemoryMarshal.GetArrayDataReference(frame.Code.Code);
        var regs = frame.Regs;
        int sp = frame.Sp;
        int pc = frame.Pc;

        while (true)
        {
            frame.Pc = pc;
#if DISPATCH_STATS
            DispatchStats.Count(Unsafe.Add(ref ip, (nint)(uint)(pc)));
#endif
            switch ((OpCode)Unsafe.Add(ref ip, (nint)(uint)(pc++)))
            {
                case OpCode.Undefined: JsValue.Copy(ref regs[sp++], JsValue.Undefined); break;
                case OpCode.Null: JsValue.Copy(ref regs[sp++], JsValue.Null); break;
                case OpCode.True: JsValue.StoreBoolean(ref regs[sp++], true); break;
                case OpCode.False: JsValue.StoreBoolean(ref regs[sp++], false); break;
                case OpCode.Hole: JsValue.Copy(ref regs[sp++], JsValue.Empty); break;
                case OpCode.Const: JsValue.Copy(ref regs[sp++], frame.Code.Constants[Unsafe.Add(ref ip, (nint)(uint)(pc++))]); break;
                case OpCode.Int: JsValue.StoreNumber(ref regs[sp++], Unsafe.Add(ref ip, (nint)(uint)(pc++))); break;
                case OpCode.Pop: sp--; break;
                case OpCode.Dup: JsValue.Copy(ref regs[sp], regs[sp - 1]); sp++; break;
                case OpCode.Dup2: regs[sp] = regs[sp - 2]; regs[sp + 1] = regs[sp - 1]; sp += 2; break;
                case OpCode.Swap: (regs[sp - 1], regs[sp - 2]) = (regs[sp - 2], regs[sp - 1]); break;
                case OpCode.Over: JsValue.Copy(ref regs[sp], regs[sp - 2]); sp++; break;
                case OpCode.Rot3:
                {
                    var c = regs[sp - 1];
                    regs[sp - 1] = regs[sp - 2];
                    regs[sp - 2] = regs[sp - 3];
                    regs[sp - 3] = c;
                    break;
                }
                case OpCode.Rot4:
                {
                    var d = regs[sp - 1];
                    regs[sp - 1] = regs[sp - 2];
                    regs[sp - 2] = regs[sp - 3];
                    regs[sp - 3] = regs[sp - 4];
                    regs[sp - 4] = d;
                    break;
                }
                case OpCode.LoadReg: JsValue.Copy(ref regs[sp++], regs[Unsafe.Add(ref ip, (nint)(uint)(pc++))]); break;
                case OpCode.StoreReg: JsValue.Copy(ref regs[Unsafe.Add(ref ip, (nint)(uint)(pc++))], regs[--sp]); break;
                case OpCode.StoreRegKeep: JsValue.Copy(ref regs[Unsafe.Add(ref ip, (nint)(uint)(pc++))], regs[sp - 1]); break;
                case OpCode.LoadRegChecked:
                {
                    ref var v = ref regs[Unsafe.Add(ref ip, (nint)(uint)(pc))];
                    if (v.IsEmpty) ThrowTdz(frame.Code.Names[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))]);
                    pc += 2;
                    JsValue.Copy(ref regs[sp++], v);
                    break;
                }
                case OpCode.StoreRegChecked:
                {
                    int r = Unsafe.Add(ref ip, (nint)(uint)(pc));
                    if (regs[r].IsEmpty) ThrowTdz(frame.Code.Names[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))]);
                    pc += 2;
                    JsValue.Copy(ref regs[r], regs[--sp]);
                    break;
                }
                case OpCode.LoadEnv: JsValue.Copy(ref regs[sp++], Env.Up(frame.Env!, Unsafe.Add(ref ip, (nint)(uint)(pc)))[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))]); pc += 2; break;
                case OpCode.StoreEnv: JsValue.Copy(ref Env.Up(frame.Env!, Unsafe.Add(ref ip, (nint)(uint)(pc)))[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))], regs[--sp]); pc += 2; break;
                case OpCode.LoadEnvChecked:
                {
                    ref var v = ref Env.Up(frame.Env!, Unsafe.Add(ref ip, (nint)(uint)(pc)))[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))];
                    if (v.IsEmpty) ThrowTdz(frame.Code.Names[Unsafe.Add(ref ip, (nint)(uint)(pc + 2))]);
                    pc += 3;
                    JsValue.Copy(ref regs[sp++], v);
                    break;
                }
                case OpCode.StoreEnvChecked:
                {
                    var slots = Env.Up(frame.Env!, Unsafe.Add(ref ip, (nint)(uint)(pc)));
                    int slot = Unsafe.Add(ref ip, (nint)(uint)(pc + 1));
                    if (slots[slot].IsEmpty) ThrowTdz(frame.Code.Names[Unsafe.Add(ref ip, (nint)(uint)(pc + 2))]);
                    pc += 3;
                    JsValue.Copy(ref slots[slot], regs[--sp]);
                    break;
                }
                case OpCode.PushEnv: frame.Env = Env.Create(Unsafe.Add(ref ip, (nint)(uint)(pc++)), frame.Env, frame.Machine._engine); break;
                case OpCode.PopEnv: frame.Env = Env.Parent(frame.Env!); break;
                case OpCode.CopyEnv: frame.Env = Env.Copy(frame.Env!, frame.Machine._engine); break;
                case OpCode.LoadGlobal:
                case OpCode.LoadGlobalCallee:
                {
                    // A cache hit (global-object slot or top-level let/const) inline; misses and TDZ go through LoadGlobal.
                    var cache = frame.Code.Caches[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))];
                    if (!TryLoadGlobalCached(frame.Realm, cache, ref regs[sp]))
                        LoadGlobalInto(ref regs[sp], frame.Realm, frame.Code.Names[Unsafe.Add(ref ip, (nint)(uint)(pc))], cache);
                    sp++;
                    if (Unsafe.Add(ref ip, (nint)(uint)(pc - 1)) == (int)OpCode.LoadGlobalCallee) JsValue.Copy(ref regs[sp++], JsValue.Undefined);
                    pc += 2;
                    break;
                }
                case OpCode.StoreGlobal:
                    StoreGlobal(frame.Realm, frame.Code.Names[Unsafe.Add(ref ip, (nint)(uint)(pc))], regs[--sp], Unsafe.Add(ref ip, (nint)(uint)(pc + 1)) == 1, frame.Code.Caches[Unsafe.Add(ref ip, (nint)(uint)(pc + 2))]);
                    pc += 3;
                    break;
                case OpCode.GetNamed:
                {
                    ref var obj = ref regs[sp - 1];
                    ReadNamedInto(ref obj, frame, obj, Unsafe.Add(ref ip, (nint)(uint)(pc)), Unsafe.Add(ref ip, (nint)(uint)(pc + 1)));
                    pc += 2;
                    break;
                }
                case OpCode.GetNamedReg:
                {
                    ReadNamedInto(ref regs[sp], frame, regs[Unsafe.Add(ref ip, (nint)(uint)(pc))], Unsafe.Add(ref ip, (nint)(uint)(pc + 1)), Unsafe.Add(ref ip, (nint)(uint)(pc + 2)));
                    sp++;
                    pc += 3;
                    break;
                }
                case OpCode.LoadThisGetThisNamed:
                {
                    JsValue.CopyOver(ref regs[sp++], frame.This);
                    goto case OpCode.GetThisNamed;
                }
                case OpCode.GetThisNamed:
                {
                    var cache = frame.Code.Caches[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))];
                    if (!TryReadCached(frame.This, cache, ref regs[sp]))
                        GetNamedSlowInto(ref regs[sp], frame.Realm, frame.This, frame.Code.Names[Unsafe.Add(ref ip, (nint)(uint)(pc))], cache);
                    sp++;
                    pc += 2;
                    break;
                }
                case OpCode.SetNamedPop:
                {
                    ref var obj = ref regs[sp - 2];
                    var cache = frame.Code.Caches[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))];
                    if (AsObjectOrNull(obj) is { } o && ReferenceEquals(o._shape, cache.Shape))
                    {
                        if (cache.Holder is null) JsValue.Copy(ref o._slots[cache.Slot], regs[sp - 1]);
                        else if (!TryAddCached(o, cache, regs[sp - 1])) SetNamedSlow(frame.Realm, obj, frame.Code.Names[Unsafe.Add(ref ip, (nint)(uint)(pc))], regs[sp - 1], cache, frame.Code.Strict);
                    }
                    else
                        SetNamedSlow(frame.Realm, obj, frame.Code.Names[Unsafe.Add(ref ip, (nint)(uint)(pc))], regs[sp - 1], cache, frame.Code.Strict);
                    sp -= 2;
                    pc += 2;
                    break;
                }
                case OpCode.LoadRegInc:
                {
                    ref var v = ref regs[Unsafe.Add(ref ip, (nint)(uint)(pc++))];
                    if (v.IsNumber) JsValue.StoreNumber(ref regs[sp], v._number + 1);
                    else IncDecInto(ref regs[sp], v, 1);
                    sp++;
                    break;
                }
                case OpCode.LoadRegDec:
                {
                    ref var v = ref regs[Unsafe.Add(ref ip, (nint)(uint)(pc++))];
                    if (v.IsNumber) JsValue.StoreNumber(ref regs[sp], v._number - 1);
                    else IncDecInto(ref regs[sp], v, -1);
                    sp++;
                    break;
                }
                case OpCode.IncReg:
                {
                    ref var v = ref regs[Unsafe.Add(ref ip, (nint)(uint)(pc++))];
                    if (v.IsNumber) JsValue.StoreNumber(ref v, v._number + 1);
                    else IncDecInto(ref v, v, 1);
                    break;
                }
                case OpCode.DecReg:
                {
                    ref var v = ref regs[Unsafe.Add(ref ip, (nint)(uint)(pc++))];
                    if (v.IsNumber) JsValue.StoreNumber(ref v, v._number - 1);
                    else IncDecInto(ref v, v, -1);
                    break;
                }
                case OpCode.AddInt:
                {
                    ref var a = ref regs[sp - 1];
                    if (a.IsNumber) JsValue.StoreNumber(ref a, a._number + Unsafe.Add(ref ip, (nint)(uint)(pc)));
                    else AddInto(ref a, a, JsValue.FromNumber(Unsafe.Add(ref ip, (nint)(uint)(pc))));
                    pc++;
                    break;
                }
                case OpCode.SubInt:
                {
                    ref var a = ref regs[sp - 1];
                    if (a.IsNumber) JsValue.StoreNumber(ref a, a._number - Unsafe.Add(ref ip, (nint)(uint)(pc)));
                    else ArithmeticInto(ref a, Operators.BinaryOp.Sub, a, JsValue.FromNumber(Unsafe.Add(ref ip, (nint)(uint)(pc))));
                    pc++;
                    break;
                }
                case OpCode.MulInt:
                {
                    ref var a = ref regs[sp - 1];
                    if (a.IsNumber) JsValue.StoreNumber(ref a, a._number * Unsafe.Add(ref ip, (nint)(uint)(pc)));
                    else ArithmeticInto(ref a, Operators.BinaryOp.Mul, a, JsValue.FromNumber(Unsafe.Add(ref ip, (nint)(uint)(pc))));
                    pc++;
                    break;
                }
                case OpCode.GetMethod:
                {
                    JsValue.Copy(ref regs[sp], regs[sp - 1]);
                    ref var obj = ref regs[sp];
                    sp++;
                    var cache = frame.Code.Caches[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))];
                    if (!TryReadCached(obj, cache, ref regs[sp - 2]) && !TryReadPrimitiveCached(frame.Realm, obj, cache, ref regs[sp - 2]))
                        GetNamedSlowInto(ref regs[sp - 2], frame.Realm, obj, frame.Code.Names[Unsafe.Add(ref ip, (nint)(uint)(pc))], cache);
                    pc += 2;
                    break;
                }
                case OpCode.GetMethodReg:
                    LoadMethodOfRegister(frame, ref ip, pc, regs, sp);
                    sp += 2;
                    pc += 3;
                    break;
                case OpCode.SetNamed:
                {
                    ref var obj = ref regs[sp - 2];
                    ref var value = ref regs[sp - 1];
                    var cache = frame.Code.Caches[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))];
                    if (AsObjectOrNull(obj) is { } o && ReferenceEquals(o._shape, cache.Shape))
                    {
                        if (cache.Holder is null) JsValue.Copy(ref o._slots[cache.Slot], value);
                        else if (!TryAddCached(o, cache, value)) SetNamedSlow(frame.Realm, obj, frame.Code.Names[Unsafe.Add(ref ip, (nint)(uint)(pc))], value, cache, frame.Code.Strict);
                    }
                    else
                        SetNamedSlow(frame.Realm, obj, frame.Code.Names[Unsafe.Add(ref ip, (nint)(uint)(pc))], value, cache, frame.Code.Strict);
                    JsValue.Copy(ref obj, value);
                    sp--;
                    pc += 2;
                    break;
                }
                case OpCode.GetElem:
                {
                    ref var obj = ref regs[sp - 2];
                    ReadElementInto(ref obj, frame.Realm, obj, regs[sp - 1]);
                    sp--;
                    break;
                }
                case OpCode.GetElemReg:
                {
                    ref var obj = ref regs[sp - 1];
                    ReadElementInto(ref obj, frame.Realm, obj, regs[Unsafe.Add(ref ip, (nint)(uint)(pc++))]);
                    break;
                }
                case OpCode.GetElemRegs:
                {
                    ReadElementInto(ref regs[sp], frame.Realm, regs[Unsafe.Add(ref ip, (nint)(uint)(pc))], regs[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))]);
                    sp++;
                    pc += 2;
                    break;
                }
                case OpCode.GetElemInt:
                {
                    ref var obj = ref regs[sp - 1];
                    int k = Unsafe.Add(ref ip, (nint)(uint)(pc++));
                    if (obj._ref is JsArray arr && k >= 0 && arr.TryGetDense((uint)k, out var elem)) JsValue.Copy(ref obj, elem);
                    else GetElemIntSlowInto(ref obj, frame.Realm, k);
                    break;
                }
                case OpCode.SetElem:
                {
                    ref var obj = ref regs[sp - 3];
                    ref var key = ref regs[sp - 2];
                    ref var value = ref regs[sp - 1];
                    if (!(obj._ref is JsArray arr && key.IsNumber && Conversions.TryGetArrayIndex(key, out uint index) && arr.TrySetDense(index, value)))
                        SetElemSlow(frame.Realm, obj, key, value, frame.Code.Strict);
                    JsValue.Copy(ref obj, value);
                    sp -= 2;
                    break;
                }
                case OpCode.DefineField:
                {
                    var target = regs[sp - 2].AsObject();
                    var key = frame.Code.Names[Unsafe.Add(ref ip, (nint)(uint)(pc++))];
                    if (!target.TryAppendLiteralProperty(key, regs[sp - 1]))
                        target.DefineOwnProperty(key, PropertyDescriptor.Data(regs[sp - 1]));
                    sp--;
                    break;
                }
                case OpCode.NewObject: JsValue.StoreObject(ref regs[sp++], frame.Realm.NewObject()); break;
                case OpCode.NewObjectLiteral: sp = NewObjectLiteral(frame, regs, sp, ref ip, pc); pc++; break;
                case OpCode.NewArrayLiteral: sp = NewArrayLiteral(frame, regs, sp, ref ip, pc); pc += 2; break;
                case OpCode.NewArray:
                    JsValue.StoreObject(ref regs[sp++], new JsArray(frame.Realm.Intrinsics.ArrayPrototype, Unsafe.Add(ref ip, (nint)(uint)(pc++))));
                    break;
                case OpCode.ArrayPush:
                    ((JsArray)regs[sp - 2].AsObject()).AppendLiteral(regs[sp - 1]);
                    sp--;
                    break;
                case OpCode.Closure:
                    JsValue.StoreObject(ref regs[sp++], CreateClosure(frame, frame.Code.Functions[Unsafe.Add(ref ip, (nint)(uint)(pc++))]));
                    break;
                case OpCode.ClosureCapture:
                    // In the loop, not with the cold instructions: ExecuteCold's prologue alone cost a call-heavy loop 5%.
                    JsValue.StoreObject(ref regs[sp++], CreateClosure(frame, frame.Code.Functions[Unsafe.Add(ref ip, (nint)(uint)(pc))], regs[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))]));
                    pc += 2;
                    break;
                case OpCode.LoadCapture: JsValue.Copy(ref regs[sp++], frame.Function!.Capture); break;
                case OpCode.Add:
                    AddValuesInto(ref regs[sp - 2], regs[sp - 2], regs[sp - 1]);
                    sp--;
                    break;
                case OpCode.AddNamedReg:
                case OpCode.SubNamedReg:
                case OpCode.MulNamedReg:
                {
                    // GetNamedReg's read into the free slot above the left operand, then the operation.
                    ref var b = ref regs[sp];
                    ReadNamedInto(ref b, frame, regs[Unsafe.Add(ref ip, (nint)(uint)(pc))], Unsafe.Add(ref ip, (nint)(uint)(pc + 1)), Unsafe.Add(ref ip, (nint)(uint)(pc + 2)));
                    ref var a = ref regs[sp - 1];
                    int op = Unsafe.Add(ref ip, (nint)(uint)(pc - 1));
                    if (op == (int)OpCode.AddNamedReg) AddValuesInto(ref a, a, b);
                    else if (op == (int)OpCode.SubNamedReg) SubValuesInto(ref a, a, b);
                    else MulValuesInto(ref a, a, b);
                    pc += 3;
                    break;
                }
                case OpCode.AddToReg:
                {
                    ref var target = ref regs[Unsafe.Add(ref ip, (nint)(uint)(pc++))];
                    AddValuesInto(ref target, target, regs[--sp]);
                    break;
                }
                case OpCode.AddSumToReg:
                {
                    ref var target = ref regs[Unsafe.Add(ref ip, (nint)(uint)(pc++))];
                    sp -= 2;
                    ref var a = ref regs[sp];
                    if (target.IsString && a.IsString) AppendSumInto(ref target, a, regs[sp + 1]);
                    else
                    {
                        // The parts in the order of `target + (a + b)` (§13.15.2): a + b first, then the sum.
                        AddValuesInto(ref a, a, regs[sp + 1]);
                        AddValuesInto(ref target, target, a);
                    }
                    break;
                }
                case OpCode.SubToReg:
                {
                    ref var target = ref regs[Unsafe.Add(ref ip, (nint)(uint)(pc++))];
                    SubValuesInto(ref target, target, regs[--sp]);
                    break;
                }
                case OpCode.AddRegs:
                    AddValuesInto(ref regs[sp], regs[Unsafe.Add(ref ip, (nint)(uint)(pc))], regs[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))]);
                    sp++;
                    pc += 2;
                    break;
                case OpCode.SubRegs:
                    SubValuesInto(ref regs[sp], regs[Unsafe.Add(ref ip, (nint)(uint)(pc))], regs[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))]);
                    sp++;
                    pc += 2;
                    break;
                case OpCode.MulRegs:
                    MulValuesInto(ref regs[sp], regs[Unsafe.Add(ref ip, (nint)(uint)(pc))], regs[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))]);
                    sp++;
                    pc += 2;
                    break;
                case OpCode.AddRegInt:
                {
                    ref var a = ref regs[Unsafe.Add(ref ip, (nint)(uint)(pc))];
                    if (a.IsNumber) JsValue.StoreNumber(ref regs[sp], a._number + Unsafe.Add(ref ip, (nint)(uint)(pc + 1)));
                    else AddInto(ref regs[sp], a, JsValue.FromNumber(Unsafe.Add(ref ip, (nint)(uint)(pc + 1))));
                    sp++;
                    pc += 2;
                    break;
                }
                case OpCode.ModRegInt:
                {
                    ref var a = ref regs[Unsafe.Add(ref ip, (nint)(uint)(pc))];
                    int k = Unsafe.Add(ref ip, (nint)(uint)(pc + 1));
                    pc += 2;
                    // As Mod: positive int32 operands inline, the rest by fmod's rules or ToNumeric.
                    if (a.IsNumber)
                    {
                        double x = a._number;
                        int ix = (int)x;
                        JsValue.StoreNumber(ref regs[sp], ix == x && ix > 0 && k > 0 ? ix % k : Operators.Modulo(x, k));
                    }
                    else ArithmeticInto(ref regs[sp], Operators.BinaryOp.Mod, a, JsValue.FromNumber(k));
                    sp++;
                    break;
                }
                case OpCode.SubRegInt:
                {
                    ref var a = ref regs[Unsafe.Add(ref ip, (nint)(uint)(pc))];
                    if (a.IsNumber) JsValue.StoreNumber(ref regs[sp], a._number - Unsafe.Add(ref ip, (nint)(uint)(pc + 1)));
                    else ArithmeticInto(ref regs[sp], Operators.BinaryOp.Sub, a, JsValue.FromNumber(Unsafe.Add(ref ip, (nint)(uint)(pc + 1))));
                    sp++;
                    pc += 2;
                    break;
                }
                case OpCode.Sub:
                    SubValuesInto(ref regs[sp - 2], regs[sp - 2], regs[sp - 1]);
                    sp--;
                    break;
                case OpCode.Mul:
                    MulValuesInto(ref regs[sp - 2], regs[sp - 2], regs[sp - 1]);
                    sp--;
                    break;
                case OpCode.Div:
                {
                    ref var a = ref regs[sp - 2];
                    ref var b = ref regs[sp - 1];
                    if (a.IsNumber && b.IsNumber) JsValue.StoreNumber(ref a, a._number / b._number);
                    else ArithmeticInto(ref a, Operators.BinaryOp.Div, a, b);
                    sp--;
                    break;
                }
                case OpCode.Mod:
                {
                    ref var a = ref regs[sp - 2];
                    ref var b = ref regs[sp - 1];
                    if (a.IsNumber && b.IsNumber)
                    {
                        // `i % n` with positive int32 operands inline (the result is never -0 then); the rest calls fmod's rules.
                        double x = a._number, y = b._number;
                        int ix = (int)x, iy = (int)y;
                        JsValue.StoreNumber(ref a, ix == x && iy == y && ix > 0 && iy > 0 ? ix % iy : Operators.Modulo(x, y));
                    }
                    else ArithmeticInto(ref a, Operators.BinaryOp.Mod, a, b);
                    sp--;
                    break;
                }
                case OpCode.BitAnd:
                case OpCode.BitOr:
                case OpCode.BitXor:
                case OpCode.Shl:
                case OpCode.Sar:
                case OpCode.Shr:
                {
                    // Int32 operands (the usual case: `x | 0`, masks, shifts of small ints) need no ToInt32.
                    ref var a = ref regs[sp - 2];
                    ref var b = ref regs[sp - 1];
                    var op = (OpCode)Unsafe.Add(ref ip, (nint)(uint)(pc - 1));
                    int x = (int)a._number, y = (int)b._number;
                    if (a.IsNumber && b.IsNumber && x == a._number && y == b._number)
                    {
                        double r = op switch
                        {
                            OpCode.BitAnd => x & y,
                            OpCode.BitOr => x | y,
                            OpCode.BitXor => x ^ y,
                            OpCode.Shl => x << (y & 31),
                            OpCode.Sar => x >> (y & 31),
                            _ => (uint)x >> (y & 31),
                        };
                        JsValue.StoreNumber(ref a, r);
                    }
                    else ArithmeticInto(ref a, BitwiseOperator(op), a, b);
                    sp--;
                    break;
                }
                case OpCode.Eq: JsValue.StoreBoolean(ref regs[sp - 2], LooseEquals(regs[sp - 2], regs[sp - 1])); sp--; break;
                case OpCode.Ne: JsValue.StoreBoolean(ref regs[sp - 2], !LooseEquals(regs[sp - 2], regs[sp - 1])); sp--; break;
                case OpCode.StrictEq: JsValue.StoreBoolean(ref regs[sp - 2], Operators.StrictEquals(regs[sp - 2], regs[sp - 1])); sp--; break;
                case OpCode.StrictNe: JsValue.StoreBoolean(ref regs[sp - 2], !Operators.StrictEquals(regs[sp - 2], regs[sp - 1])); sp--; break;
                case OpCode.Lt:
                {
                    ref var a = ref regs[sp - 2];
                    ref var b = ref regs[sp - 1];
                    if (a.IsNumber && b.IsNumber) JsValue.StoreBoolean(ref a, a._number < b._number);
                    else JsValue.StoreBoolean(ref a, Operators.LessThan(a, b, true) == true);
                    sp--;
                    break;
                }
                case OpCode.Gt:
                {
                    ref var a = ref regs[sp - 2];
                    ref var b = ref regs[sp - 1];
                    if (a.IsNumber && b.IsNumber) JsValue.StoreBoolean(ref a, a._number > b._number);
                    else JsValue.StoreBoolean(ref a, Operators.LessThan(b, a, false) == true);
                    sp--;
                    break;
                }
                case OpCode.Le:
                {
                    ref var a = ref regs[sp - 2];
                    ref var b = ref regs[sp - 1];
                    if (a.IsNumber && b.IsNumber) JsValue.StoreBoolean(ref a, a._number <= b._number);
                    else JsValue.StoreBoolean(ref a, Operators.LessThan(b, a, false) == false);
                    sp--;
                    break;
                }
                case OpCode.Ge:
                {
                    ref var a = ref regs[sp - 2];
                    ref var b = ref regs[sp - 1];
                    if (a.IsNumber && b.IsNumber) JsValue.StoreBoolean(ref a, a._number >= b._number);
                    else JsValue.StoreBoolean(ref a, Operators.LessThan(a, b, true) == false);
                    sp--;
                    break;
                }
                case OpCode.Neg:
                {
                    ref var v = ref regs[sp - 1];
                    if (v.IsNumber) JsValue.StoreNumber(ref v, -v._number);
                    else NegateInto(ref v);
                    break;
                }
                case OpCode.Not: JsValue.StoreBoolean(ref regs[sp - 1], !Conversions.ToBoolean(regs[sp - 1])); break;
                case OpCode.TypeOf: TypeOfInto(ref regs[sp - 1]); break;
                case OpCode.ToNumeric: if (!regs[sp - 1].IsNumber) ToNumericInto(ref regs[sp - 1]); break;
                case OpCode.Inc:
                {
                    ref var v = ref regs[sp - 1];
                    if (v.IsNumber) JsValue.StoreNumber(ref v, v._number + 1);
                    else IncDecInto(ref v, v, 1);
                    break;
                }
                case OpCode.Dec:
                {
                    ref var v = ref regs[sp - 1];
                    if (v.IsNumber) JsValue.StoreNumber(ref v, v._number - 1);
                    else IncDecInto(ref v, v, -1);
                    break;
                }
                case OpCode.Jump:
                {
                    int target = Unsafe.Add(ref ip, (nint)(uint)(pc));
                    if (target < pc) frame.Machine._engine.Tick();
                    pc = target;
                    break;
                }
                case OpCode.JumpIfFalse:
                {
                    ref var v = ref regs[--sp];
                    int target = Unsafe.Add(ref ip, (nint)(uint)(pc));
                    if (v.IsBoolean ? !v.AsBoolean() : !Conversions.ToBoolean(v))
                    {
                        if (target < pc) frame.Machine._engine.Tick();
                        pc = target;
                    }
                    else pc++;
                    break;
                }
                case OpCode.JumpIfLt:
                case OpCode.JumpIfNotLt:
                case OpCode.JumpIfLe:
                case OpCode.JumpIfNotLe:
                case OpCode.JumpIfGt:
                case OpCode.JumpIfNotGt:
                case OpCode.JumpIfGe:
                case OpCode.JumpIfNotGe:
                case OpCode.JumpIfStrictEq:
                case OpCode.JumpIfStrictNe:
                {
                    // The same decision as the register forms (JumpCmpRegs): one place says when each compare jumps.
                    int op = Unsafe.Add(ref ip, (nint)(uint)(pc - 1));
                    ref var a = ref regs[sp - 2];
                    ref var b = ref regs[sp - 1];
                    bool jump = CompareJumps(op, a, b);
                    sp -= 2;
                    if (jump) goto TakeJump;
                    pc++;
                    break;
                }
                case OpCode.JumpCmpRegs:
                {
                    // pc is at the operands: the compare-and-jump opcode it stands for, two registers, the target.
                    ref var a = ref regs[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))];
                    ref var b = ref regs[Unsafe.Add(ref ip, (nint)(uint)(pc + 2))];
                    bool jump = CompareJumps(Unsafe.Add(ref ip, (nint)(uint)(pc)), a, b);
                    pc += 3;
                    if (jump) goto TakeJump;
                    pc++;
                    break;
                }
                case OpCode.JumpCmpRegNamed:
                {
                    // The register is copied before the property is read, as LoadReg would: a getter may assign it.
                    ref var a = ref regs[sp];
                    ref var b = ref regs[sp + 1];
                    JsValue.Copy(ref a, regs[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))]);
                    ReadNamedInto(ref b, frame, regs[Unsafe.Add(ref ip, (nint)(uint)(pc + 2))], Unsafe.Add(ref ip, (nint)(uint)(pc + 3)), Unsafe.Add(ref ip, (nint)(uint)(pc + 4)));
                    bool jump = CompareJumps(Unsafe.Add(ref ip, (nint)(uint)(pc)), a, b);
                    pc += 5;
                    if (jump) goto TakeJump;
                    pc++;
                    break;
                }
                case OpCode.JumpCmpRegInt:
                {
                    bool jump = CompareJumpsWithInt(Unsafe.Add(ref ip, (nint)(uint)(pc)), regs[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))], Unsafe.Add(ref ip, (nint)(uint)(pc + 2)));
                    pc += 3;
                    if (jump) goto TakeJump;
                    pc++;
                    break;
                }
                case OpCode.JumpCmpInt:
                {
                    bool jump = CompareJumpsWithInt(Unsafe.Add(ref ip, (nint)(uint)(pc)), regs[--sp], Unsafe.Add(ref ip, (nint)(uint)(pc + 1)));
                    pc += 2;
                    if (jump) goto TakeJump;
                    pc++;
                    break;
                }
                case OpCode.JumpIfTrue:
                {
                    ref var v = ref regs[--sp];
                    int target = Unsafe.Add(ref ip, (nint)(uint)(pc));
                    if (v.IsBoolean ? v.AsBoolean() : Conversions.ToBoolean(v))
                    {
                        if (target < pc) frame.Machine._engine.Tick();
                        pc = target;
                    }
                    else pc++;
                    break;
                }
                case OpCode.JumpIfFalseKeep:
                    if (!Conversions.ToBoolean(regs[sp - 1])) pc = Unsafe.Add(ref ip, (nint)(uint)(pc));
                    else { pc++; sp--; }
                    break;
                case OpCode.JumpIfTrueKeep:
                    if (Conversions.ToBoolean(regs[sp - 1])) pc = Unsafe.Add(ref ip, (nint)(uint)(pc));
                    else { pc++; sp--; }
                    break;
                case OpCode.JumpIfNotNullishKeep:
                    if (!regs[sp - 1].IsNullish) pc = Unsafe.Add(ref ip, (nint)(uint)(pc));
                    else { pc++; sp--; }
                    break;
                case OpCode.JumpIfNullishChain:
                    if (regs[sp - 1].IsNullish)
                    {
                        sp -= Unsafe.Add(ref ip, (nint)(uint)(pc + 1)) + 1;
                        regs[sp++] = JsValue.Undefined;
                        pc = Unsafe.Add(ref ip, (nint)(uint)(pc));
                    }
                    else pc += 2;
                    break;
                case OpCode.JumpIfNotUndefined:
                    if (!regs[sp - 1].IsUndefined) pc = Unsafe.Add(ref ip, (nint)(uint)(pc));
                    else pc++;
                    break;
                case OpCode.Throw:
                {
                    var value = regs[--sp];
                    frame.Sp = sp;
                    // Through a copy: passing `frame` itself by ref would pin it to the stack for the whole loop.
                    var handler = frame;
                    if (!frame.Machine.TryHandle(ref handler, value)) throw new JsThrowable(value);
                    frame = handler;
                    goto Reload;
                }
                // An ordinary return of a register or `this` hands the value over without pushing it first (a
                // reference store through the GC's write barrier).
                case OpCode.ReturnReg:
                    if (frame.IsPlainReturn)
                    {
                        frame = ReturnToCaller(frame, regs[Unsafe.Add(ref ip, (nint)(uint)(pc))]);
                        goto Reload;
                    }
                    JsValue.Copy(ref regs[sp++], regs[Unsafe.Add(ref ip, (nint)(uint)(pc))]);
                    goto case OpCode.Return;
                case OpCode.ReturnThis:
                    if (frame.IsPlainReturn)
                    {
                        frame = ReturnToCaller(frame, frame.This);
                        goto Reload;
                    }
                    JsValue.CopyOver(ref regs[sp++], frame.This);
                    goto case OpCode.Return;
                case OpCode.AddReturn:
                    AddValuesInto(ref regs[sp - 2], regs[sp - 2], regs[sp - 1]);
                    sp--;
                    goto case OpCode.Return;
                case OpCode.Return:
                {
                    // A reference to the callee's operand-stack slot: Frame.Return clears only its registers.
                    ref var value = ref regs[--sp];
                    if (!frame.IsPlainReturn)
                    {
                        if (frame.IsConstruct && !value.IsObject)
                        {
                            if (frame.Code.Kind == FunctionKind.DerivedConstructor)
                            {
                                // [[Construct]] throws this after the body completed (§10.2.2 step 12): a handler of
                                // the constructor must not catch it, so it is thrown from the caller.
                                if (!frame.IsEntry) ReturnBeforeThrow(frame);
                                Throw.TypeError("Derived constructors may only return object or undefined");
                            }
                            value = frame.This;
                        }
                        if (frame.Generator is { } gen) gen.Done = true;
                        if (frame.IsEntry) { frame.Machine._completion = value; return false; } // the frame Run started with
                    }
                    frame = ReturnToCaller(frame, value);
                    goto Reload;
                }
                case OpCode.CallMethodReg0:
                case OpCode.CallMethodReg1:
                {
                    // A cached method (compiled code or a builtin) is called straight from the registers (see
                    // TryCallMethodFromRegisters; the frame to continue with comes back). Out of line: inlined here,
                    // the same path changed the JIT's register allocation of the whole loop (fib, which never gets
                    // here, ran 14% slower).
                    bool withArgument = Unsafe.Add(ref ip, (nint)(uint)(pc - 1)) == (int)OpCode.CallMethodReg1;
                    if (frame.Machine.TryCallMethodFromRegisters(frame, ref ip, pc, regs, sp, withArgument) is { } callee)
                    {
                        frame = callee;
                        goto Reload;
                    }
                    // Otherwise GetMethodReg's work, the argument register pushed (CallMethodReg1), then the Call
                    // instruction's own code with pc at the argc and call-site operands at the end.
                    LoadMethodOfRegister(frame, ref ip, pc, regs, sp);
                    sp += 2;
                    if (withArgument)
                    {
                        JsValue.Copy(ref regs[sp++], MethodArgument(frame, regs, Unsafe.Add(ref ip, (nint)(uint)(pc + 3))));
                        pc += 4;
                    }
                    else pc += 3;
                    goto case OpCode.Call;
                }
                case OpCode.CallGlobalReg1:
                {
                    // Compiled code found through the cache is called straight from the register (out of line, as
                    // for CallMethodReg). Otherwise LoadGlobalCallee's work (a cache hit inline), the argument register
                    // pushed, then the Call instruction's code with pc at the argc and call-site operands.
                    if (frame.Machine.TryCallGlobalFromRegister(frame, ref ip, pc, regs, sp) is { } callee)
                    {
                        frame = callee;
                        goto Reload;
                    }
                    var cache = frame.Code.Caches[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))];
                    if (!TryLoadGlobalCached(frame.Realm, cache, ref regs[sp]))
                        LoadGlobalInto(ref regs[sp], frame.Realm, frame.Code.Names[Unsafe.Add(ref ip, (nint)(uint)(pc))], cache);
                    JsValue.Copy(ref regs[sp + 1], JsValue.Undefined);
                    JsValue.Copy(ref regs[sp + 2], regs[Unsafe.Add(ref ip, (nint)(uint)(pc + 2))]);
                    sp += 3;
                    pc += 3;
                    goto case OpCode.Call;
                }
                case OpCode.Call:
                {
                    int argc = Unsafe.Add(ref ip, (nint)(uint)(pc));
                    pc += 2;
                    int fnIndex = sp - argc - 2;
                    ref var fnValue = ref regs[fnIndex];
                    if (fnValue._ref is JsClosure closure && closure.Code.IsPlainCall)
                    {
                        // Out of line, like the register calls: it keeps this loop small (measured the same speed).
                        frame = frame.Machine.CallClosureFromStack(frame, closure, ref ip, pc, regs, fnIndex, argc);
                        goto Reload;
                    }
                    // Builtins first by their exact (sealed) type: `is JsFunction` walks the class hierarchy in a runtime helper.
                    if (fnValue._ref is BuiltinFunction builtin)
                    {
                        frame.Machine._engine.Tick();
                        frame.Sp = sp;
                        CallBuiltinInto(ref regs[fnIndex], builtin, regs[fnIndex + 1], new ReadOnlySpan<JsValue>(regs, fnIndex + 2, argc));
                    }
                    else if (fnValue._ref is JsFunction callable)
                    {
                        frame.Machine._engine.Tick();
                        frame.Sp = sp;
                        CallInto(ref regs[fnIndex], callable, regs[fnIndex + 1], new ReadOnlySpan<JsValue>(regs, fnIndex + 2, argc));
                    }
                    else { ThrowNotCallable(frame.Code, Unsafe.Add(ref ip, (nint)(uint)(pc - 1)), fnValue); break; }
                    sp = fnIndex + 1;
                    break;
                }
                case OpCode.New:
                {
                    int argc = Unsafe.Add(ref ip, (nint)(uint)(pc));
                    pc += 2;
                    int fnIndex = sp - argc - 1;
                    ref var ctor = ref regs[fnIndex];
                    if (ctor._ref is not JsFunction { IsConstructor: true } fn) { ThrowNotConstructor(frame.Code, Unsafe.Add(ref ip, (nint)(uint)(pc - 1)), ctor); break; }
                    if (fn is JsClosure { FieldInitializer: null } target && !target.Code.IsDefaultConstructor)
                    {
                        // [[Construct]] of compiled code (§10.2.2) without leaving the loop: push the frame here.
                        JsValue thisArg = JsValue.Empty;
                        if (target.Code.Kind != FunctionKind.DerivedConstructor)
                        {
                            var proto = JsFunction.GetPrototypeFromConstructor(target, static i => i.ObjectPrototype);
                            MemoryBudget.Account(frame.Machine._engine, 48);
                            thisArg = JsValue.FromObject(new JsObject(proto));
                        }
                        var callee = frame.Machine.PushFrame(target, thisArg, new ReadOnlySpan<JsValue>(regs, fnIndex + 1, argc), target);
                        callee.IsConstruct = true;
                        frame = frame.Machine.EnterCallee(frame, callee, fnIndex, ref ip, pc);
                        goto Reload;
                    }
                    frame.Machine._engine.Tick();
                    ConstructInto(ref regs[fnIndex], fn, new ReadOnlySpan<JsValue>(regs, fnIndex + 1, argc));
                    sp = fnIndex + 1;
                    break;
                }
                case OpCode.LoadThisValue: JsValue.CopyOver(ref regs[sp++], frame.This); break;
                case OpCode.IteratorNext:
                {
                    var rec = (IteratorRecord)regs[Unsafe.Add(ref ip, (nint)(uint)(pc))].InternalRef!;
                    frame.Machine._engine.Tick();
                    frame.Sp = sp;
                    if (rec.Step(out var value))
                    {
                        regs[sp++] = value;
                        pc += 2;
                    }
                    else pc = Unsafe.Add(ref ip, (nint)(uint)(pc + 1));
                    break;
                }
                case OpCode.GeneratorStart:
                case OpCode.Yield:
                case OpCode.AsyncGeneratorYield:
                case OpCode.Await:
                {
                    var op = (OpCode)Unsafe.Add(ref ip, (nint)(uint)(pc - 1));
                    var value = op == OpCode.GeneratorStart ? JsValue.Undefined : regs[--sp];
                    frame.Generator!.AtAwait = op == OpCode.Await;
                    frame.Pc = pc;
                    frame.Sp = sp;
                    frame.Machine._completion = value;
                    return true;
                }
                case OpCode.YieldDelegate:
                {
                    frame.Sp = sp;
                    var rec = (IteratorRecord)regs[Unsafe.Add(ref ip, (nint)(uint)(pc))].InternalRef!;
                    var received = regs[sp - 1];
                    var step = frame.Machine.YieldDelegateStep(frame, rec, received, out bool done);
                    sp--;
                    if (done)
                    {
                        regs[sp++] = step;
                        if (frame.Generator!.LastResume == ResumeKind.DelegateReturn) pc += 2;
                        else pc = Unsafe.Add(ref ip, (nint)(uint)(pc + 1));
                        break;
                    }
                    frame.Generator!.AtAwait = false;
                    frame.Generator.InDelegate = true;
                    frame.Pc = pc + 2;
                    frame.Sp = sp;
                    frame.Generator.DelegatedResult = true;
                    frame.Machine._completion = step;
                    return true;
                }
                case OpCode.AsyncDelegateYield:
                {
                    var value = regs[--sp];
                    frame.Generator!.AtAwait = false;
                    frame.Generator.InDelegate = true;
                    frame.Pc = pc;
                    frame.Sp = sp;
                    frame.Machine._completion = value;
                    return true;
                }
                default:
                    frame.Sp = sp;
                    sp = frame.Machine.ExecuteCold(frame, (OpCode)Unsafe.Add(ref ip, (nint)(uint)(pc - 1)), pc, sp);
                    pc = frame.Pc;
                    break;
            }
            continue;

        TakeJump:
            {
                // Shared tail of the fused compare-and-jump instructions: pc is at the target operand.
                int target = Unsafe.Add(ref ip, (nint)(uint)(pc));
                if (target < pc) frame.Machine._engine.Tick();
                pc = target;
                continue;
            }

        Reload:
            ip = ref MemoryMarshal.GetArrayDataReference(frame.Code.Code);
            regs = frame.Regs;
            sp = frame.Sp;
            pc = frame.Pc;
        }
    }
}
