// The interpreter loop. This file is long on purpose: the dispatch switch is one method so the JIT keeps
// the hot locals (code, registers, sp, pc) in registers. Only frequent instructions are here; the rest
// run in Machine.Cold.cs, and heavier operations live in the other Machine.*.cs files as plain methods.
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
    /// <summary>The innermost executing frame (for stack traces and native→JS entry).</summary>
    internal Frame? Current;

    /// <summary>
    /// Runs <paramref name="entry"/> until it returns (or suspends, for generators and async functions).
    /// Throws <see cref="JsThrowable"/> when a throw escapes the entry frame.
    /// </summary>
    internal JsValue Run(Frame entry, out bool suspended, JsValue? injectThrow = null)
    {
        entry.IsEntry = true;
        entry.Caller = Current;
        var savedCurrent = Current;
        int baseDepth = _engine.CallDepth;
        Frame frame = entry;
        Current = frame;
        try
        {
            if (injectThrow is { } thrown && !TryHandle(ref frame, thrown, entry, fromCallee: false))
                throw new JsThrowable(thrown);
            while (true)
            {
                // Catch, leave the catch block, then decide: rethrowing from inside a catch would nest
                // exception dispatch on top of the unwound frames at every level of native re-entry and
                // could exhaust the .NET stack during deep recursion.
                JsThrowable? pending = null;
                bool stackExhausted = false;
                try
                {
                    return Dispatch(ref frame, entry, out suspended);
                }
                catch (JsThrowable ex)
                {
                    pending = ex;
                }
                catch (InsufficientExecutionStackException)
                {
                    stackExhausted = true;
                }
                var value = stackExhausted
                    ? JsValue.FromObject(frame.Realm.CreateError(ErrorType.RangeError, "Maximum call stack size exceeded"))
                    : pending!.GetValue(frame.Realm);
                if (!TryHandle(ref frame, value, entry, fromCallee: false)) throw pending ?? new JsThrowable(value);
            }
        }
        finally
        {
            Current = savedCurrent;
            _engine.CallDepth = baseDepth - 1; // the entry frame was counted by whoever pushed it
        }
    }

    /// <summary>
    /// Finds a handler for a throw in <paramref name="frame"/> or its callers up to <paramref name="entry"/>;
    /// on success the frame is positioned at the handler with the value pushed.
    /// </summary>
    private bool TryHandle(ref Frame frame, JsValue value, Frame entry, bool fromCallee)
    {
        while (true)
        {
            var code = frame.Code;
            int pc = frame.Pc;
            foreach (var h in code.Handlers)
            {
                if (pc >= h.Start && pc < h.End)
                {
                    frame.Sp = code.RegisterCount + h.StackDepth;
                    frame.Regs[frame.Sp++] = value;
                    frame.Pc = h.Handler;
                    Current = frame;
                    // A caught throw resumes normal flow: yield* must not see a stale "throw" resumption.
                    if (frame.Generator is { } gen) gen.LastResume = ResumeKind.Next;
                    return true;
                }
            }
            if (ReferenceEquals(frame, entry)) return false;
            var caller = frame.Caller!;
            _engine.CallDepth--;
            frame = caller;
            Current = frame;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private JsValue Dispatch(ref Frame frameRef, Frame entry, out bool suspended)
    {
        // A local copy: the ref parameter is written back only where the frame changes (calls, returns,
        // handlers), so the hot loop reads the frame from a register.
        var frame = frameRef;
        var fcode = frame.Code;
        var code = fcode.Code;
        var regs = frame.Regs;
        int sp = frame.Sp;
        int pc = frame.Pc;
        var engine = _engine;
        suspended = false;

        while (true)
        {
            frame.Pc = pc;
            switch ((OpCode)code[pc++])
            {
                case OpCode.Undefined: JsValue.Copy(ref regs[sp++], JsValue.Undefined); break;
                case OpCode.Null: JsValue.Copy(ref regs[sp++], JsValue.Null); break;
                case OpCode.True: JsValue.StoreBoolean(ref regs[sp++], true); break;
                case OpCode.False: JsValue.StoreBoolean(ref regs[sp++], false); break;
                case OpCode.Hole: JsValue.Copy(ref regs[sp++], JsValue.Empty); break;
                case OpCode.Const: JsValue.Copy(ref regs[sp++], fcode.Constants[code[pc++]]); break;
                case OpCode.Int: JsValue.StoreNumber(ref regs[sp++], code[pc++]); break;
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
                case OpCode.LoadReg: JsValue.Copy(ref regs[sp++], regs[code[pc++]]); break;
                case OpCode.StoreReg: JsValue.Copy(ref regs[code[pc++]], regs[--sp]); break;
                case OpCode.LoadRegChecked:
                {
                    ref var v = ref regs[code[pc]];
                    if (v.IsEmpty) ThrowTdz(fcode.Names[code[pc + 1]]);
                    pc += 2;
                    JsValue.Copy(ref regs[sp++], v);
                    break;
                }
                case OpCode.StoreRegChecked:
                {
                    int r = code[pc];
                    if (regs[r].IsEmpty) ThrowTdz(fcode.Names[code[pc + 1]]);
                    pc += 2;
                    JsValue.Copy(ref regs[r], regs[--sp]);
                    break;
                }
                case OpCode.LoadEnv: JsValue.Copy(ref regs[sp++], frame.Env!.Up(code[pc]).Slots[code[pc + 1]]); pc += 2; break;
                case OpCode.StoreEnv: JsValue.Copy(ref frame.Env!.Up(code[pc]).Slots[code[pc + 1]], regs[--sp]); pc += 2; break;
                case OpCode.LoadEnvChecked:
                {
                    ref var v = ref frame.Env!.Up(code[pc]).Slots[code[pc + 1]];
                    if (v.IsEmpty) ThrowTdz(fcode.Names[code[pc + 2]]);
                    pc += 3;
                    JsValue.Copy(ref regs[sp++], v);
                    break;
                }
                case OpCode.StoreEnvChecked:
                {
                    var slots = frame.Env!.Up(code[pc]).Slots;
                    int slot = code[pc + 1];
                    if (slots[slot].IsEmpty) ThrowTdz(fcode.Names[code[pc + 2]]);
                    pc += 3;
                    JsValue.Copy(ref slots[slot], regs[--sp]);
                    break;
                }
                case OpCode.PushEnv: frame.Env = new Env(code[pc++], frame.Env); break;
                case OpCode.PopEnv: frame.Env = frame.Env!.Parent; break;
                case OpCode.CopyEnv: frame.Env = frame.Env!.Copy(); break;
                case OpCode.LoadGlobal:
                case OpCode.LoadGlobalCallee:
                {
                    // The cached global-object slot inline; top-level let/const boxes and misses go through LoadGlobal.
                    var cache = fcode.Caches[code[pc + 1]];
                    var realm = frame.Realm;
                    if (cache.Box is null && cache.Epoch == realm.LexicalEpoch && ReferenceEquals(realm.GlobalObject._shape, cache.Shape))
                        JsValue.Copy(ref regs[sp++], realm.GlobalObject._slots[cache.Slot]);
                    else
                        regs[sp++] = LoadGlobal(frame.Realm, fcode.Names[code[pc]], fcode.Caches[code[pc + 1]], throwIfMissing: true);
                    if (code[pc - 1] == (int)OpCode.LoadGlobalCallee) JsValue.Copy(ref regs[sp++], JsValue.Undefined);
                    pc += 2;
                    break;
                }
                case OpCode.StoreGlobal:
                    StoreGlobal(frame.Realm, fcode.Names[code[pc]], regs[--sp], code[pc + 1] == 1, fcode.Caches[code[pc + 2]]);
                    pc += 3;
                    break;
                case OpCode.GetNamed:
                {
                    var obj = regs[sp - 1];
                    var cache = fcode.Caches[code[pc + 1]];
                    if (!TryReadCached(obj._ref, cache, ref regs[sp - 1]))
                        regs[sp - 1] = GetNamedSlow(frame.Realm, obj, fcode.Names[code[pc]], cache);
                    pc += 2;
                    break;
                }
                case OpCode.GetNamedReg:
                {
                    var cache = fcode.Caches[code[pc + 2]];
                    ref var receiver = ref regs[code[pc]];
                    if (!TryReadCached(receiver._ref, cache, ref regs[sp]))
                        regs[sp] = GetNamedSlow(frame.Realm, regs[code[pc]], fcode.Names[code[pc + 1]], cache);
                    sp++;
                    pc += 3;
                    break;
                }
                case OpCode.GetThisNamed:
                {
                    var cache = fcode.Caches[code[pc + 1]];
                    if (!TryReadCached(frame.This._ref, cache, ref regs[sp]))
                        regs[sp] = GetNamedSlow(frame.Realm, frame.This, fcode.Names[code[pc]], cache);
                    sp++;
                    pc += 2;
                    break;
                }
                case OpCode.SetNamedPop:
                {
                    var obj = regs[sp - 2];
                    var cache = fcode.Caches[code[pc + 1]];
                    if (obj._ref is JsObject o && ReferenceEquals(o._shape, cache.Shape))
                    {
                        if (cache.Holder is null) JsValue.Copy(ref o._slots[cache.Slot], regs[sp - 1]);
                        else if (!TryAddCached(o, cache, regs[sp - 1])) SetNamedSlow(frame.Realm, obj, fcode.Names[code[pc]], regs[sp - 1], cache, fcode.Strict);
                    }
                    else
                        SetNamedSlow(frame.Realm, obj, fcode.Names[code[pc]], regs[sp - 1], cache, fcode.Strict);
                    sp -= 2;
                    pc += 2;
                    break;
                }
                case OpCode.LoadRegInc:
                {
                    ref var v = ref regs[code[pc++]];
                    if (v.IsNumber) JsValue.StoreNumber(ref regs[sp], v._number + 1);
                    else regs[sp] = IncDec(v, 1);
                    sp++;
                    break;
                }
                case OpCode.LoadRegDec:
                {
                    ref var v = ref regs[code[pc++]];
                    if (v.IsNumber) JsValue.StoreNumber(ref regs[sp], v._number - 1);
                    else regs[sp] = IncDec(v, -1);
                    sp++;
                    break;
                }
                case OpCode.IncReg:
                {
                    ref var v = ref regs[code[pc++]];
                    if (v.IsNumber) JsValue.StoreNumber(ref v, v._number + 1);
                    else v = IncDec(v, 1);
                    break;
                }
                case OpCode.DecReg:
                {
                    ref var v = ref regs[code[pc++]];
                    if (v.IsNumber) JsValue.StoreNumber(ref v, v._number - 1);
                    else v = IncDec(v, -1);
                    break;
                }
                case OpCode.AddInt:
                {
                    ref var a = ref regs[sp - 1];
                    if (a.IsNumber) JsValue.StoreNumber(ref a, a._number + code[pc]);
                    else a = Operators.Add(a, JsValue.FromNumber(code[pc]));
                    pc++;
                    break;
                }
                case OpCode.SubInt:
                {
                    ref var a = ref regs[sp - 1];
                    if (a.IsNumber) JsValue.StoreNumber(ref a, a._number - code[pc]);
                    else a = Operators.Arithmetic(Operators.BinaryOp.Sub, a, JsValue.FromNumber(code[pc]));
                    pc++;
                    break;
                }
                case OpCode.GetMethod:
                {
                    JsValue.Copy(ref regs[sp], regs[sp - 1]);
                    ref var obj = ref regs[sp];
                    sp++;
                    var cache = fcode.Caches[code[pc + 1]];
                    if (!TryReadCached(obj._ref, cache, ref regs[sp - 2]))
                        regs[sp - 2] = GetNamedSlow(frame.Realm, obj, fcode.Names[code[pc]], cache);
                    pc += 2;
                    break;
                }
                case OpCode.SetNamed:
                {
                    var obj = regs[sp - 2];
                    var value = regs[sp - 1];
                    var cache = fcode.Caches[code[pc + 1]];
                    if (obj._ref is JsObject o && ReferenceEquals(o._shape, cache.Shape))
                    {
                        if (cache.Holder is null) JsValue.Copy(ref o._slots[cache.Slot], value);
                        else if (!TryAddCached(o, cache, value)) SetNamedSlow(frame.Realm, obj, fcode.Names[code[pc]], value, cache, fcode.Strict);
                    }
                    else
                        SetNamedSlow(frame.Realm, obj, fcode.Names[code[pc]], value, cache, fcode.Strict);
                    regs[sp - 2] = value;
                    sp--;
                    pc += 2;
                    break;
                }
                case OpCode.GetElem:
                {
                    var obj = regs[sp - 2];
                    var key = regs[sp - 1];
                    if (obj._ref is JsArray arr && key.IsNumber && Conversions.TryGetArrayIndex(key, out uint index) && arr.TryGetDense(index, out var elem))
                        JsValue.Copy(ref regs[sp - 2], elem);
                    else
                        regs[sp - 2] = GetElemSlow(frame.Realm, obj, key);
                    sp--;
                    break;
                }
                case OpCode.SetElem:
                {
                    var obj = regs[sp - 3];
                    var key = regs[sp - 2];
                    var value = regs[sp - 1];
                    if (!(obj._ref is JsArray arr && key.IsNumber && Conversions.TryGetArrayIndex(key, out uint index) && arr.TrySetDense(index, value)))
                        SetElemSlow(frame.Realm, obj, key, value, fcode.Strict);
                    regs[sp - 3] = value;
                    sp -= 2;
                    break;
                }
                case OpCode.DefineField:
                {
                    var target = regs[sp - 2].AsObject();
                    var key = fcode.Names[code[pc++]];
                    if (!target.TryAppendLiteralProperty(key, regs[sp - 1]))
                        target.DefineOwnProperty(key, PropertyDescriptor.Data(regs[sp - 1]));
                    sp--;
                    break;
                }
                case OpCode.NewObject: regs[sp++] = JsValue.FromObject(frame.Realm.NewObject()); break;
                case OpCode.NewObjectLiteral: sp = NewObjectLiteral(frame, regs, sp, code, pc); pc++; break;
                case OpCode.NewArrayLiteral: sp = NewArrayLiteral(frame, regs, sp, code, pc); pc += 2; break;
                case OpCode.NewArray:
                    regs[sp++] = JsValue.FromObject(new JsArray(frame.Realm.Intrinsics.ArrayPrototype, code[pc++]));
                    break;
                case OpCode.ArrayPush:
                    ((JsArray)regs[sp - 2].AsObject()).AppendLiteral(regs[sp - 1]);
                    sp--;
                    break;
                case OpCode.Closure:
                    regs[sp++] = JsValue.FromObject(CreateClosure(frame, fcode.Functions[code[pc++]]));
                    break;
                case OpCode.Add:
                {
                    var a = regs[sp - 2];
                    var b = regs[sp - 1];
                    if (a.IsNumber && b.IsNumber) JsValue.StoreNumber(ref regs[sp - 2], a._number + b._number);
                    else regs[sp - 2] = Operators.Add(a, b);
                    sp--;
                    break;
                }
                case OpCode.Sub:
                {
                    ref var a = ref regs[sp - 2];
                    ref var b = ref regs[sp - 1];
                    if (a.IsNumber && b.IsNumber) JsValue.StoreNumber(ref a, a._number - b._number);
                    else a = Operators.Arithmetic(Operators.BinaryOp.Sub, a, b);
                    sp--;
                    break;
                }
                case OpCode.Mul:
                {
                    ref var a = ref regs[sp - 2];
                    ref var b = ref regs[sp - 1];
                    if (a.IsNumber && b.IsNumber) JsValue.StoreNumber(ref a, a._number * b._number);
                    else a = Operators.Arithmetic(Operators.BinaryOp.Mul, a, b);
                    sp--;
                    break;
                }
                case OpCode.Div: Binary(regs, ref sp, Operators.BinaryOp.Div); break;
                case OpCode.Mod: Binary(regs, ref sp, Operators.BinaryOp.Mod); break;
                case OpCode.Shl: Binary(regs, ref sp, Operators.BinaryOp.Shl); break;
                case OpCode.Sar: Binary(regs, ref sp, Operators.BinaryOp.Sar); break;
                case OpCode.Shr: Binary(regs, ref sp, Operators.BinaryOp.Shr); break;
                case OpCode.BitAnd: Binary(regs, ref sp, Operators.BinaryOp.BitAnd); break;
                case OpCode.BitOr: Binary(regs, ref sp, Operators.BinaryOp.BitOr); break;
                case OpCode.BitXor: Binary(regs, ref sp, Operators.BinaryOp.BitXor); break;
                case OpCode.Eq: regs[sp - 2] = JsValue.FromBoolean(Operators.LooseEquals(regs[sp - 2], regs[sp - 1])); sp--; break;
                case OpCode.Ne: regs[sp - 2] = JsValue.FromBoolean(!Operators.LooseEquals(regs[sp - 2], regs[sp - 1])); sp--; break;
                case OpCode.StrictEq: JsValue.StoreBoolean(ref regs[sp - 2], Operators.StrictEquals(regs[sp - 2], regs[sp - 1])); sp--; break;
                case OpCode.StrictNe: JsValue.StoreBoolean(ref regs[sp - 2], !Operators.StrictEquals(regs[sp - 2], regs[sp - 1])); sp--; break;
                case OpCode.Lt:
                {
                    var a = regs[sp - 2];
                    var b = regs[sp - 1];
                    if (a.IsNumber && b.IsNumber) JsValue.StoreBoolean(ref regs[sp - 2], a._number < b._number);
                    else regs[sp - 2] = JsValue.FromBoolean(Operators.LessThan(a, b, true) == true);
                    sp--;
                    break;
                }
                case OpCode.Gt:
                {
                    var a = regs[sp - 2];
                    var b = regs[sp - 1];
                    if (a.IsNumber && b.IsNumber) JsValue.StoreBoolean(ref regs[sp - 2], a._number > b._number);
                    else regs[sp - 2] = JsValue.FromBoolean(Operators.LessThan(b, a, false) == true);
                    sp--;
                    break;
                }
                case OpCode.Le:
                {
                    var a = regs[sp - 2];
                    var b = regs[sp - 1];
                    if (a.IsNumber && b.IsNumber) JsValue.StoreBoolean(ref regs[sp - 2], a._number <= b._number);
                    else regs[sp - 2] = JsValue.FromBoolean(Operators.LessThan(b, a, false) == false);
                    sp--;
                    break;
                }
                case OpCode.Ge:
                {
                    var a = regs[sp - 2];
                    var b = regs[sp - 1];
                    if (a.IsNumber && b.IsNumber) JsValue.StoreBoolean(ref regs[sp - 2], a._number >= b._number);
                    else regs[sp - 2] = JsValue.FromBoolean(Operators.LessThan(a, b, true) == false);
                    sp--;
                    break;
                }
                case OpCode.Neg:
                {
                    var v = regs[sp - 1];
                    if (v.IsNumber) regs[sp - 1] = JsValue.FromNumber(-v._number);
                    else
                    {
                        var n = Conversions.ToNumeric(v);
                        regs[sp - 1] = n.IsBigInt ? JsValue.FromBigInt(-n.AsBigInt().Value) : JsValue.FromNumber(-n._number);
                    }
                    break;
                }
                case OpCode.Not: JsValue.StoreBoolean(ref regs[sp - 1], !Conversions.ToBoolean(regs[sp - 1])); break;
                case OpCode.TypeOf: regs[sp - 1] = JsValue.FromString(Operators.TypeOf(regs[sp - 1])); break;
                case OpCode.ToNumeric: if (!regs[sp - 1].IsNumber) regs[sp - 1] = Conversions.ToNumeric(regs[sp - 1]); break;
                case OpCode.Inc:
                {
                    var v = regs[sp - 1];
                    if (v.IsNumber) JsValue.StoreNumber(ref regs[sp - 1], v._number + 1);
                    else regs[sp - 1] = IncDec(v, 1);
                    break;
                }
                case OpCode.Dec:
                {
                    var v = regs[sp - 1];
                    if (v.IsNumber) JsValue.StoreNumber(ref regs[sp - 1], v._number - 1);
                    else regs[sp - 1] = IncDec(v, -1);
                    break;
                }
                case OpCode.Jump:
                {
                    int target = code[pc];
                    if (target < pc) engine.Tick();
                    pc = target;
                    break;
                }
                case OpCode.JumpIfFalse:
                {
                    var v = regs[--sp];
                    int target = code[pc];
                    if (v._tag == JsValue.Tag.Boolean ? v._number == 0 : !Conversions.ToBoolean(v))
                    {
                        if (target < pc) engine.Tick();
                        pc = target;
                    }
                    else pc++;
                    break;
                }
                case OpCode.JumpIfLt:
                case OpCode.JumpIfNotLt:
                {
                    ref var a = ref regs[sp - 2];
                    ref var b = ref regs[sp - 1];
                    bool holds = a.IsNumber && b.IsNumber ? a._number < b._number : Operators.LessThan(a, b, true) == true;
                    sp -= 2;
                    if (holds == (code[pc - 1] == (int)OpCode.JumpIfLt)) goto TakeJump;
                    pc++;
                    break;
                }
                case OpCode.JumpIfLe:
                case OpCode.JumpIfNotLe:
                {
                    ref var a = ref regs[sp - 2];
                    ref var b = ref regs[sp - 1];
                    bool holds = a.IsNumber && b.IsNumber ? a._number <= b._number : Operators.LessThan(b, a, false) == false;
                    sp -= 2;
                    if (holds == (code[pc - 1] == (int)OpCode.JumpIfLe)) goto TakeJump;
                    pc++;
                    break;
                }
                case OpCode.JumpIfGt:
                case OpCode.JumpIfNotGt:
                {
                    ref var a = ref regs[sp - 2];
                    ref var b = ref regs[sp - 1];
                    bool holds = a.IsNumber && b.IsNumber ? a._number > b._number : Operators.LessThan(b, a, false) == true;
                    sp -= 2;
                    if (holds == (code[pc - 1] == (int)OpCode.JumpIfGt)) goto TakeJump;
                    pc++;
                    break;
                }
                case OpCode.JumpIfGe:
                case OpCode.JumpIfNotGe:
                {
                    ref var a = ref regs[sp - 2];
                    ref var b = ref regs[sp - 1];
                    bool holds = a.IsNumber && b.IsNumber ? a._number >= b._number : Operators.LessThan(a, b, true) == false;
                    sp -= 2;
                    if (holds == (code[pc - 1] == (int)OpCode.JumpIfGe)) goto TakeJump;
                    pc++;
                    break;
                }
                case OpCode.JumpIfStrictEq:
                case OpCode.JumpIfStrictNe:
                {
                    ref var a = ref regs[sp - 2];
                    ref var b = ref regs[sp - 1];
                    bool equal = a.IsNumber && b.IsNumber ? a._number == b._number : Operators.StrictEquals(a, b);
                    sp -= 2;
                    if (equal == (code[pc - 1] == (int)OpCode.JumpIfStrictEq)) goto TakeJump;
                    pc++;
                    break;
                }
                case OpCode.JumpIfTrue:
                {
                    var v = regs[--sp];
                    int target = code[pc];
                    if (v._tag == JsValue.Tag.Boolean ? v._number != 0 : Conversions.ToBoolean(v))
                    {
                        if (target < pc) engine.Tick();
                        pc = target;
                    }
                    else pc++;
                    break;
                }
                case OpCode.JumpIfFalseKeep:
                    if (!Conversions.ToBoolean(regs[sp - 1])) pc = code[pc];
                    else { pc++; sp--; }
                    break;
                case OpCode.JumpIfTrueKeep:
                    if (Conversions.ToBoolean(regs[sp - 1])) pc = code[pc];
                    else { pc++; sp--; }
                    break;
                case OpCode.JumpIfNotNullishKeep:
                    if (!regs[sp - 1].IsNullish) pc = code[pc];
                    else { pc++; sp--; }
                    break;
                case OpCode.JumpIfNullishChain:
                    if (regs[sp - 1].IsNullish)
                    {
                        sp -= code[pc + 1] + 1;
                        regs[sp++] = JsValue.Undefined;
                        pc = code[pc];
                    }
                    else pc += 2;
                    break;
                case OpCode.JumpIfNotUndefined:
                    if (!regs[sp - 1].IsUndefined) pc = code[pc];
                    else pc++;
                    break;
                case OpCode.Throw:
                {
                    var value = regs[--sp];
                    frame.Sp = sp;
                    if (!TryHandle(ref frameRef, value, entry, fromCallee: false)) throw new JsThrowable(value);
                    frame = frameRef;
                    goto Reload;
                }
                case OpCode.ReturnReg:
                    JsValue.Copy(ref regs[sp++], regs[code[pc]]);
                    goto case OpCode.Return;
                case OpCode.Return:
                {
                    var value = regs[--sp];
                    if (frame.IsConstruct && !value.IsObject)
                    {
                        if (fcode.Kind == FunctionKind.DerivedConstructor)
                            Throw.TypeError("Derived constructors may only return object or undefined");
                        value = frame.This;
                    }
                    if (frame.Generator is { } gen) gen.Done = true;
                    if (ReferenceEquals(frame, entry)) return value;
                    var callee = frame;
                    frame = frame.Caller!;
                    frameRef = frame;
                    engine.CallDepth--;
                    Current = frame;
                    JsValue.Copy(ref frame.Regs[frame.Sp++], value);
                    frame.Pc = callee.ReturnPc;
                    callee.Return();
                    goto Reload;
                }
                case OpCode.Call:
                {
                    int argc = code[pc];
                    pc += 2;
                    int fnIndex = sp - argc - 2;
                    var fnValue = regs[fnIndex];
                    if (fnValue._ref is JsClosure closure && closure.Code.IsPlainCall)
                    {
                        var callee = PushCallFrame(closure, regs, fnIndex + 1, argc);
                        frame.Sp = fnIndex;
                        callee.ReturnPc = pc;
                        callee.Caller = frame;
                        frame = callee;
                        frameRef = frame;
                        Current = frame;
                        goto Reload;
                    }
                    if (fnValue._ref is not JsFunction fn) { ThrowNotCallable(fcode, code[pc - 1], fnValue); break; }
                    engine.Tick();
                    frame.Sp = sp;
                    var result = fn.Call(regs[fnIndex + 1], new ReadOnlySpan<JsValue>(regs, fnIndex + 2, argc));
                    sp = fnIndex;
                    regs[sp++] = result;
                    break;
                }
                case OpCode.New:
                {
                    int argc = code[pc];
                    pc += 2;
                    int fnIndex = sp - argc - 1;
                    var ctor = regs[fnIndex];
                    if (ctor._ref is not JsFunction { IsConstructor: true } fn) { ThrowNotConstructor(fcode, code[pc - 1], ctor); break; }
                    if (fn is JsClosure { FieldInitializer: null } target && !target.Code.IsDefaultConstructor)
                    {
                        // [[Construct]] of compiled code (§10.2.2) without leaving the loop: push the frame here.
                        JsValue thisArg = JsValue.Empty;
                        if (target.Code.Kind != FunctionKind.DerivedConstructor)
                        {
                            var proto = JsFunction.GetPrototypeFromConstructor(target, static i => i.ObjectPrototype);
                            MemoryBudget.Account(48);
                            thisArg = JsValue.FromObject(new JsObject(proto));
                        }
                        var callee = PushFrame(target, thisArg, new ReadOnlySpan<JsValue>(regs, fnIndex + 1, argc), target);
                        callee.IsConstruct = true;
                        frame.Sp = fnIndex;
                        callee.ReturnPc = pc;
                        callee.Caller = frame;
                        frame = callee;
                        frameRef = frame;
                        Current = frame;
                        goto Reload;
                    }
                    engine.Tick();
                    var result = fn.Construct(new ReadOnlySpan<JsValue>(regs, fnIndex + 1, argc), fn);
                    sp = fnIndex;
                    regs[sp++] = result;
                    break;
                }
                case OpCode.LoadThisValue: regs[sp++] = frame.This; break;
                case OpCode.IteratorNext:
                {
                    var rec = (IteratorRecord)regs[code[pc]].InternalRef!;
                    engine.Tick();
                    frame.Sp = sp;
                    if (rec.Step(out var value))
                    {
                        regs[sp++] = value;
                        pc += 2;
                    }
                    else pc = code[pc + 1];
                    break;
                }
                case OpCode.GeneratorStart:
                case OpCode.Yield:
                case OpCode.AsyncGeneratorYield:
                case OpCode.Await:
                {
                    var op = (OpCode)code[pc - 1];
                    var value = op == OpCode.GeneratorStart ? JsValue.Undefined : regs[--sp];
                    frame.Generator!.AtAwait = op == OpCode.Await;
                    frame.Pc = pc;
                    frame.Sp = sp;
                    suspended = true;
                    return value;
                }
                case OpCode.YieldDelegate:
                {
                    frame.Sp = sp;
                    var rec = (IteratorRecord)regs[code[pc]].InternalRef!;
                    var received = regs[sp - 1];
                    var step = YieldDelegateStep(frame, rec, received, out bool done);
                    sp--;
                    if (done)
                    {
                        regs[sp++] = step;
                        if (frame.Generator!.LastResume == ResumeKind.DelegateReturn) pc += 2;
                        else pc = code[pc + 1];
                        break;
                    }
                    frame.Generator!.AtAwait = false;
                    frame.Generator.InDelegate = true;
                    frame.Pc = pc + 2;
                    frame.Sp = sp;
                    suspended = true;
                    frame.Generator.DelegatedResult = true;
                    return step;
                }
                case OpCode.AsyncDelegateYield:
                {
                    var value = regs[--sp];
                    frame.Generator!.AtAwait = false;
                    frame.Generator.InDelegate = true;
                    frame.Pc = pc;
                    frame.Sp = sp;
                    suspended = true;
                    return value;
                }
                default:
                    frame.Sp = sp;
                    sp = ExecuteCold(frame, (OpCode)code[pc - 1], pc, sp);
                    pc = frame.Pc;
                    break;
            }
            continue;

        TakeJump:
            {
                // Shared tail of the fused compare-and-jump instructions: pc is at the target operand.
                int target = code[pc];
                if (target < pc) engine.Tick();
                pc = target;
                continue;
            }

        Reload:
            fcode = frame.Code;
            code = fcode.Code;
            regs = frame.Regs;
            sp = frame.Sp;
            pc = frame.Pc;
        }
    }

    /// <summary>The inline-cache hit path of a named read (own slot, or a slot of the direct prototype).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadCached(object? receiver, PropertyCache cache, ref JsValue destination)
    {
        if (receiver is JsObject o && ReferenceEquals(o._shape, cache.Shape))
        {
            var holder = cache.Holder;
            if (holder is null)
            {
                JsValue.Copy(ref destination, o._slots[cache.Slot]);
                return true;
            }
            if (ReferenceEquals(o._prototype, holder) && ReferenceEquals(holder._shape, cache.HolderShape))
            {
                JsValue.Copy(ref destination, holder._slots[cache.Slot]);
                return true;
            }
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Binary(JsValue[] regs, ref int sp, Operators.BinaryOp op)
    {
        var a = regs[sp - 2];
        var b = regs[sp - 1];
        if (a.IsNumber && b.IsNumber) JsValue.StoreNumber(ref regs[sp - 2], Operators.NumberArithmetic(op, a._number, b._number));
        else regs[sp - 2] = Operators.Arithmetic(op, a, b);
        sp--;
    }
}
