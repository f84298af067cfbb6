// The interpreter loop. This file is long on purpose: the dispatch switch is one method so the JIT keeps
// the hot locals (code, registers, sp, pc) in registers; heavier operations live in the other
// Machine.*.cs files as plain methods.
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

    private JsValue Dispatch(ref Frame frame, Frame entry, out bool suspended)
    {
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
                // ---- constants and stack ----
                case OpCode.Undefined: regs[sp++] = JsValue.Undefined; break;
                case OpCode.Null: regs[sp++] = JsValue.Null; break;
                case OpCode.True: regs[sp++] = JsValue.True; break;
                case OpCode.False: regs[sp++] = JsValue.False; break;
                case OpCode.Hole: regs[sp++] = JsValue.Empty; break;
                case OpCode.Const: regs[sp++] = fcode.Constants[code[pc++]]; break;
                case OpCode.Int: regs[sp++] = JsValue.FromNumber(code[pc++]); break;
                case OpCode.Pop: sp--; break;
                case OpCode.Dup: regs[sp] = regs[sp - 1]; sp++; break;
                case OpCode.Dup2: regs[sp] = regs[sp - 2]; regs[sp + 1] = regs[sp - 1]; sp += 2; break;
                case OpCode.Swap: (regs[sp - 1], regs[sp - 2]) = (regs[sp - 2], regs[sp - 1]); break;
                case OpCode.Over: regs[sp] = regs[sp - 2]; sp++; break;
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

                // ---- variables ----
                case OpCode.LoadReg: regs[sp++] = regs[code[pc++]]; break;
                case OpCode.StoreReg: regs[code[pc++]] = regs[--sp]; break;
                case OpCode.LoadRegChecked:
                {
                    var v = regs[code[pc]];
                    if (v.IsEmpty) ThrowTdz(fcode.Names[code[pc + 1]]);
                    pc += 2;
                    regs[sp++] = v;
                    break;
                }
                case OpCode.StoreRegChecked:
                {
                    int r = code[pc];
                    if (regs[r].IsEmpty) ThrowTdz(fcode.Names[code[pc + 1]]);
                    pc += 2;
                    regs[r] = regs[--sp];
                    break;
                }
                case OpCode.LoadEnv: regs[sp++] = frame.Env!.Up(code[pc]).Slots[code[pc + 1]]; pc += 2; break;
                case OpCode.StoreEnv: frame.Env!.Up(code[pc]).Slots[code[pc + 1]] = regs[--sp]; pc += 2; break;
                case OpCode.LoadEnvChecked:
                {
                    var v = frame.Env!.Up(code[pc]).Slots[code[pc + 1]];
                    if (v.IsEmpty) ThrowTdz(fcode.Names[code[pc + 2]]);
                    pc += 3;
                    regs[sp++] = v;
                    break;
                }
                case OpCode.StoreEnvChecked:
                {
                    var slots = frame.Env!.Up(code[pc]).Slots;
                    int slot = code[pc + 1];
                    if (slots[slot].IsEmpty) ThrowTdz(fcode.Names[code[pc + 2]]);
                    pc += 3;
                    slots[slot] = regs[--sp];
                    break;
                }
                case OpCode.ThrowConstAssign:
                    Throw.TypeError("Assignment to constant variable.");
                    break;
                case OpCode.PushEnv: frame.Env = new Env(code[pc++], frame.Env); break;
                case OpCode.PopEnv: frame.Env = frame.Env!.Parent; break;
                case OpCode.CopyEnv: frame.Env = frame.Env!.Copy(); break;
                case OpCode.SaveEnv: regs[code[pc++]] = frame.Env is null ? JsValue.Undefined : JsValue.FromInternal(frame.Env); break;
                case OpCode.RestoreEnv: frame.Env = regs[code[pc++]].InternalRef as Env; break;
                case OpCode.LoadGlobal:
                    regs[sp++] = LoadGlobal(frame.Realm, fcode.Names[code[pc]], fcode.Caches[code[pc + 1]], throwIfMissing: true);
                    pc += 2;
                    break;
                case OpCode.LoadGlobalOrUndefined:
                    regs[sp++] = LoadGlobal(frame.Realm, fcode.Names[code[pc]], fcode.Caches[code[pc + 1]], throwIfMissing: false);
                    pc += 2;
                    break;
                case OpCode.StoreGlobal:
                    StoreGlobal(frame.Realm, fcode.Names[code[pc]], regs[--sp], code[pc + 1] == 1, fcode.Caches[code[pc + 2]]);
                    pc += 3;
                    break;
                case OpCode.InitGlobalLexical:
                    frame.Realm.InitializeGlobalLexical(fcode.Names[code[pc++]].Name, regs[--sp]);
                    break;
                case OpCode.WithGet:
                {
                    var obj = regs[sp - 1].AsObject();
                    var key = fcode.Names[code[pc + 1]];
                    if (WithHas(obj, key))
                    {
                        regs[sp - 1] = obj.Get(key, JsValue.FromObject(obj));
                        pc = code[pc];
                    }
                    else
                    {
                        sp--;
                        pc += 2;
                    }
                    break;
                }
                case OpCode.WithResolve:
                {
                    var obj = regs[sp - 1].AsObject();
                    if (WithHas(obj, fcode.Names[code[pc + 1]])) pc = code[pc];
                    else
                    {
                        sp--;
                        pc += 2;
                    }
                    break;
                }
                case OpCode.WithRefGet:
                {
                    var obj = regs[sp - 1].AsObject();
                    var key = fcode.Names[code[pc++]];
                    frame.Sp = sp;
                    // GetBindingValue of an object environment (§9.1.1.2.6): gone since resolution → ReferenceError in strict code.
                    if (fcode.Strict && !obj.HasProperty(key)) Throw.ReferenceError(key + " is not defined");
                    regs[sp - 1] = obj.Get(key, JsValue.FromObject(obj));
                    break;
                }
                case OpCode.WithRefSet:
                {
                    var obj = regs[sp - 1].AsObject();
                    var key = fcode.Names[code[pc]];
                    bool strict = code[pc + 1] == 1;
                    pc += 2;
                    frame.Sp = sp;
                    if (strict && !obj.HasProperty(key)) Throw.ReferenceError(key + " is not defined");
                    if (!obj.Set(key, regs[sp - 2], JsValue.FromObject(obj)) && strict)
                        Throw.TypeError($"Cannot assign to read only property '{key}' of object");
                    sp -= 2;
                    break;
                }
                case OpCode.WithDelete:
                {
                    var obj = regs[sp - 1].AsObject();
                    var key = fcode.Names[code[pc + 1]];
                    if (WithHas(obj, key))
                    {
                        regs[sp - 1] = JsValue.FromBoolean(obj.Delete(key));
                        pc = code[pc];
                    }
                    else
                    {
                        sp--;
                        pc += 2;
                    }
                    break;
                }
                case OpCode.WithSet:
                {
                    var obj = regs[sp - 1].AsObject();
                    var key = fcode.Names[code[pc + 1]];
                    if (WithHas(obj, key))
                    {
                        if (!obj.Set(key, regs[sp - 2], JsValue.FromObject(obj)) && fcode.Strict)
                            Throw.TypeError($"Cannot assign to read only property '{key}' of object");
                        sp -= 2;
                        pc = code[pc];
                    }
                    else
                    {
                        sp--;
                        pc += 2;
                    }
                    break;
                }
                case OpCode.ToObject:
                    regs[sp - 1] = JsValue.FromObject(Conversions.ToObject(frame.Realm, regs[sp - 1]));
                    break;
                case OpCode.LoadImport:
                {
                    var cell = fcode.Module!.ImportCells[code[pc]];
                    var v = cell.Env.Slots[cell.Slot];
                    if (v.IsEmpty) ThrowTdz(fcode.Names[code[pc + 1]]);
                    pc += 2;
                    regs[sp++] = v;
                    break;
                }
                case OpCode.ImportMeta:
                    frame.Sp = sp;
                    regs[sp++] = JsValue.FromObject(Modules.DynamicImport.GetImportMeta(fcode.Module!));
                    break;
                case OpCode.DynamicImport:
                    frame.Sp = sp;
                    regs[sp - 2] = JsValue.FromObject(Modules.DynamicImport.Import(frame.Realm, fcode, regs[sp - 2], regs[sp - 1]));
                    sp--;
                    break;
                case OpCode.DeleteGlobal:
                    regs[sp++] = JsValue.FromBoolean(frame.Realm.GlobalObject.Delete(fcode.Names[code[pc++]]));
                    break;

                // ---- properties ----
                case OpCode.GetNamed:
                {
                    var obj = regs[sp - 1];
                    var cache = fcode.Caches[code[pc + 1]];
                    if (obj._ref is JsObject o && ReferenceEquals(o._shape, cache.Shape))
                    {
                        var holder = cache.Holder;
                        if (holder is null) regs[sp - 1] = o._slots[cache.Slot];
                        else if (ReferenceEquals(o._prototype, holder) && ReferenceEquals(holder._shape, cache.HolderShape)) regs[sp - 1] = holder._slots[cache.Slot];
                        else regs[sp - 1] = GetNamedSlow(frame.Realm, obj, fcode.Names[code[pc]], cache);
                    }
                    else
                        regs[sp - 1] = GetNamedSlow(frame.Realm, obj, fcode.Names[code[pc]], cache);
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
                        if (cache.Holder is null) o._slots[cache.Slot] = value;
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
                        regs[sp - 2] = elem;
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
                case OpCode.DeleteNamed:
                    regs[sp - 1] = DeleteProperty(frame.Realm, regs[sp - 1], fcode.Names[code[pc]], code[pc + 1] == 1);
                    pc += 2;
                    break;
                case OpCode.DeleteElem:
                    regs[sp - 2] = DeleteProperty(frame.Realm, regs[sp - 2], Conversions.ToPropertyKey(regs[sp - 1]), code[pc++] == 1);
                    sp--;
                    break;
                case OpCode.DefineField:
                {
                    var target = regs[sp - 2].AsObject();
                    var key = fcode.Names[code[pc++]];
                    if (!target.TryAppendLiteralProperty(key, regs[sp - 1]))
                        target.DefineOwnProperty(key, PropertyDescriptor.Data(regs[sp - 1]));
                    sp--;
                    break;
                }
                case OpCode.DefineFieldElem:
                    DefineFieldElem(regs[sp - 3].AsObject(), regs[sp - 2], regs[sp - 1], code[pc++] == 1);
                    sp -= 2;
                    break;
                case OpCode.DefineAccessor:
                    DefineAccessor(regs[sp - 3].AsObject(), regs[sp - 2], (JsFunction)regs[sp - 1].AsObject(), code[pc++]);
                    sp -= 2;
                    break;
                case OpCode.DefineMethod:
                case OpCode.DefineMethodElem:
                    DefineMethod(regs[sp - 3].AsObject(), regs[sp - 2], (JsClosure)regs[sp - 1].AsObject(), code[pc++] == 1);
                    sp -= 2;
                    break;
                case OpCode.CopyDataProperties:
                    CopyDataProperties(frame.Realm, regs[sp - 2].AsObject(), regs[sp - 1], ReadOnlySpan<JsValue>.Empty);
                    sp--;
                    break;
                case OpCode.CopyDataPropertiesExcluding:
                {
                    int n = code[pc++];
                    CopyDataProperties(frame.Realm, regs[sp - n - 2].AsObject(), regs[sp - n - 1], new ReadOnlySpan<JsValue>(regs, sp - n, n));
                    sp -= n + 1;
                    break;
                }
                case OpCode.SetFunctionName: pc++; sp--; break;
                case OpCode.ToPropertyKey: regs[sp - 1] = Conversions.ToPropertyKey(regs[sp - 1]).ToJsValue(); break;
                case OpCode.ToPropertyKeyOf:
                    if (regs[sp - 2].IsNullish)
                        Throw.TypeError($"Cannot read properties of {Conversions.ToString(regs[sp - 2])} (reading '{Conversions.ToDisplay(regs[sp - 1])}')");
                    regs[sp - 1] = Conversions.ToPropertyKey(regs[sp - 1]).ToJsValue();
                    break;
                case OpCode.In:
                {
                    var target = regs[sp - 1];
                    if (!target.IsObject) Throw.TypeError("Cannot use 'in' operator to search for '" + Conversions.ToDisplay(regs[sp - 2]) + "' in " + Conversions.ToDisplay(target));
                    regs[sp - 2] = JsValue.FromBoolean(target.AsObject().HasProperty(Conversions.ToPropertyKey(regs[sp - 2])));
                    sp--;
                    break;
                }
                case OpCode.GetSuper:
                    regs[sp - 3] = SuperGet(regs[sp - 3], regs[sp - 2], regs[sp - 1]);
                    sp -= 2;
                    break;
                case OpCode.SetSuper:
                    SuperSet(regs[sp - 4], regs[sp - 3], regs[sp - 2], regs[sp - 1]);
                    regs[sp - 4] = regs[sp - 2];
                    sp -= 3;
                    break;

                // ---- literals ----
                case OpCode.NewObject: regs[sp++] = JsValue.FromObject(frame.Realm.NewObject()); break;
                case OpCode.SetProtoLiteral:
                {
                    var v = regs[--sp];
                    if (v.IsObject || v.IsNull) regs[sp - 1].AsObject().SetPrototypeOf(v.TryObject);
                    break;
                }
                case OpCode.NewObjectLiteral: sp = NewObjectLiteral(frame, regs, sp, code, ref pc); break;
                case OpCode.NewArrayLiteral: sp = NewArrayLiteral(frame, regs, sp, code, ref pc); break;
                case OpCode.NewArray:
                    regs[sp++] = JsValue.FromObject(new JsArray(frame.Realm.Intrinsics.ArrayPrototype, code[pc++]));
                    break;
                case OpCode.ArrayPush:
                    ((JsArray)regs[sp - 2].AsObject()).AppendLiteral(regs[sp - 1]);
                    sp--;
                    break;
                case OpCode.ArrayHole:
                {
                    var arr = (JsArray)regs[sp - 1].AsObject();
                    arr.DefineOwnProperty("length", new PropertyDescriptor { Has = PropertyDescriptor.Fields.Value, Value = JsValue.FromNumber(arr.Length + 1) });
                    break;
                }
                case OpCode.ArraySpread:
                    SpreadInto(frame.Realm, (JsArray)regs[sp - 2].AsObject(), regs[sp - 1]);
                    sp--;
                    break;
                case OpCode.Closure:
                    regs[sp++] = JsValue.FromObject(CreateClosure(frame, fcode.Functions[code[pc++]]));
                    break;
                case OpCode.NewRegExp:
                    regs[sp++] = frame.Realm.CreateRegExp(fcode.Names[code[pc]].Name, fcode.Names[code[pc + 1]].Name);
                    pc += 2;
                    break;
                case OpCode.TemplateObject:
                    regs[sp++] = GetTemplateObject(frame.Realm, (TemplateSite)fcode.Constants[code[pc++]].InternalRef!);
                    break;

                // ---- operators ----
                case OpCode.Add:
                {
                    var a = regs[sp - 2];
                    var b = regs[sp - 1];
                    regs[sp - 2] = a.IsNumber && b.IsNumber ? JsValue.FromNumber(a._number + b._number) : Operators.Add(a, b);
                    sp--;
                    break;
                }
                case OpCode.Sub: Binary(regs, ref sp, Operators.BinaryOp.Sub); break;
                case OpCode.Mul: Binary(regs, ref sp, Operators.BinaryOp.Mul); break;
                case OpCode.Div: Binary(regs, ref sp, Operators.BinaryOp.Div); break;
                case OpCode.Mod: Binary(regs, ref sp, Operators.BinaryOp.Mod); break;
                case OpCode.Exp: Binary(regs, ref sp, Operators.BinaryOp.Exp); break;
                case OpCode.Shl: Binary(regs, ref sp, Operators.BinaryOp.Shl); break;
                case OpCode.Sar: Binary(regs, ref sp, Operators.BinaryOp.Sar); break;
                case OpCode.Shr: Binary(regs, ref sp, Operators.BinaryOp.Shr); break;
                case OpCode.BitAnd: Binary(regs, ref sp, Operators.BinaryOp.BitAnd); break;
                case OpCode.BitOr: Binary(regs, ref sp, Operators.BinaryOp.BitOr); break;
                case OpCode.BitXor: Binary(regs, ref sp, Operators.BinaryOp.BitXor); break;
                case OpCode.Eq: regs[sp - 2] = JsValue.FromBoolean(Operators.LooseEquals(regs[sp - 2], regs[sp - 1])); sp--; break;
                case OpCode.Ne: regs[sp - 2] = JsValue.FromBoolean(!Operators.LooseEquals(regs[sp - 2], regs[sp - 1])); sp--; break;
                case OpCode.StrictEq: regs[sp - 2] = JsValue.FromBoolean(Operators.StrictEquals(regs[sp - 2], regs[sp - 1])); sp--; break;
                case OpCode.StrictNe: regs[sp - 2] = JsValue.FromBoolean(!Operators.StrictEquals(regs[sp - 2], regs[sp - 1])); sp--; break;
                case OpCode.Lt:
                {
                    var a = regs[sp - 2];
                    var b = regs[sp - 1];
                    regs[sp - 2] = a.IsNumber && b.IsNumber ? JsValue.FromBoolean(a._number < b._number) : JsValue.FromBoolean(Operators.LessThan(a, b, true) == true);
                    sp--;
                    break;
                }
                case OpCode.Gt:
                {
                    var a = regs[sp - 2];
                    var b = regs[sp - 1];
                    regs[sp - 2] = a.IsNumber && b.IsNumber ? JsValue.FromBoolean(a._number > b._number) : JsValue.FromBoolean(Operators.LessThan(b, a, false) == true);
                    sp--;
                    break;
                }
                case OpCode.Le:
                {
                    var a = regs[sp - 2];
                    var b = regs[sp - 1];
                    regs[sp - 2] = a.IsNumber && b.IsNumber ? JsValue.FromBoolean(a._number <= b._number) : JsValue.FromBoolean(Operators.LessThan(b, a, false) == false);
                    sp--;
                    break;
                }
                case OpCode.Ge:
                {
                    var a = regs[sp - 2];
                    var b = regs[sp - 1];
                    regs[sp - 2] = a.IsNumber && b.IsNumber ? JsValue.FromBoolean(a._number >= b._number) : JsValue.FromBoolean(Operators.LessThan(a, b, true) == false);
                    sp--;
                    break;
                }
                case OpCode.InstanceOf:
                    regs[sp - 2] = JsValue.FromBoolean(Operators.InstanceOf(regs[sp - 2], regs[sp - 1]));
                    sp--;
                    break;
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
                case OpCode.Plus: regs[sp - 1] = JsValue.FromNumber(Conversions.ToNumber(regs[sp - 1])); break;
                case OpCode.Not: regs[sp - 1] = JsValue.FromBoolean(!Conversions.ToBoolean(regs[sp - 1])); break;
                case OpCode.BitNot:
                {
                    var n = Conversions.ToNumeric(regs[sp - 1]);
                    regs[sp - 1] = n.IsBigInt ? JsValue.FromBigInt(-n.AsBigInt().Value - 1) : JsValue.FromNumber(~Conversions.DoubleToInt32(n._number));
                    break;
                }
                case OpCode.TypeOf: regs[sp - 1] = JsValue.FromString(Operators.TypeOf(regs[sp - 1])); break;
                case OpCode.Void: regs[sp - 1] = JsValue.Undefined; break;
                case OpCode.ToNumeric: if (!regs[sp - 1].IsNumber) regs[sp - 1] = Conversions.ToNumeric(regs[sp - 1]); break;
                case OpCode.Inc:
                {
                    var v = regs[sp - 1];
                    regs[sp - 1] = v.IsNumber ? JsValue.FromNumber(v._number + 1) : IncDec(v, 1);
                    break;
                }
                case OpCode.Dec:
                {
                    var v = regs[sp - 1];
                    regs[sp - 1] = v.IsNumber ? JsValue.FromNumber(v._number - 1) : IncDec(v, -1);
                    break;
                }
                case OpCode.ToStringForConcat:
                    if (!regs[sp - 1].IsString) regs[sp - 1] = JsValue.FromString(Conversions.ToString(regs[sp - 1]));
                    break;

                // ---- control ----
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
                    if (!TryHandle(ref frame, value, entry, fromCallee: false)) throw new JsThrowable(value);
                    goto Reload;
                }
                case OpCode.ThrowError:
                    Throw.Error((ErrorType)code[pc], fcode.Names[code[pc + 1]].Name);
                    break;
                case OpCode.CheckObjectCoercible:
                    if (regs[sp - 1].IsNullish) Throw.TypeError("Cannot destructure '" + Conversions.ToString(regs[sp - 1]) + "' as it is " + Conversions.ToString(regs[sp - 1]) + ".");
                    break;
                case OpCode.Debugger: break;
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
                    engine.CallDepth--;
                    Current = frame;
                    frame.Regs[frame.Sp++] = value;
                    frame.Pc = callee.ReturnPc;
                    callee.Return();
                    goto Reload;
                }

                // ---- calls ----
                case OpCode.Call:
                {
                    int argc = code[pc];
                    pc += 2;
                    int fnIndex = sp - argc - 2;
                    var fnValue = regs[fnIndex];
                    if (fnValue._ref is JsClosure closure && closure.Code.Kind is FunctionKind.Normal or FunctionKind.Arrow or FunctionKind.Method or FunctionKind.Getter or FunctionKind.Setter
                        && !closure.Code.IsGenerator && !closure.Code.IsAsync)
                    {
                        var callee = PushFrame(closure, regs[fnIndex + 1], new ReadOnlySpan<JsValue>(regs, fnIndex + 2, argc), null);
                        frame.Sp = fnIndex;
                        callee.ReturnPc = pc;
                        callee.Caller = frame;
                        frame = callee;
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
                case OpCode.CallEval:
                {
                    int argc = code[pc];
                    int fnIndex = sp - argc - 2;
                    var fnValue = regs[fnIndex];
                    if (fnValue._ref is JsFunction evalFn && ReferenceEquals(evalFn, frame.Realm.Intrinsics.Eval))
                    {
                        frame.Sp = sp;
                        var evalResult = Eval(frame.Realm, argc > 0 ? regs[fnIndex + 2] : JsValue.Undefined, fcode.EvalSites[code[pc + 2]], frame);
                        pc += 3;
                        sp = fnIndex;
                        regs[sp++] = evalResult;
                        break;
                    }
                    if (fnValue._ref is not JsFunction fn) { ThrowNotCallable(fcode, code[pc + 1], fnValue); break; }
                    pc += 3;
                    engine.Tick();
                    frame.Sp = sp;
                    var result = fn.Call(regs[fnIndex + 1], new ReadOnlySpan<JsValue>(regs, fnIndex + 2, argc));
                    sp = fnIndex;
                    regs[sp++] = result;
                    break;
                }
                case OpCode.DeclareEvalVar:
                    frame.Sp = sp;
                    DeclareEvalVar(frame.Realm, regs[--sp], fcode.Names[code[pc]], code[pc + 1]);
                    pc += 2;
                    break;
                case OpCode.CallSpread:
                {
                    var args = ((JsArray)regs[sp - 1].AsObject()).ToArgumentArray();
                    var fnValue = regs[sp - 3];
                    if (fnValue._ref is not JsFunction fn) { ThrowNotCallable(fcode, code[pc++], fnValue); break; }
                    pc++;
                    engine.Tick();
                    var result = fn.Call(regs[sp - 2], args);
                    sp -= 3;
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
                        Current = frame;
                        goto Reload;
                    }
                    engine.Tick();
                    var result = fn.Construct(new ReadOnlySpan<JsValue>(regs, fnIndex + 1, argc), fn);
                    sp = fnIndex;
                    regs[sp++] = result;
                    break;
                }
                case OpCode.NewSpread:
                {
                    var args = ((JsArray)regs[sp - 1].AsObject()).ToArgumentArray();
                    var ctor = regs[sp - 2];
                    if (ctor._ref is not JsFunction { IsConstructor: true } fn) { ThrowNotConstructor(fcode, code[pc++], ctor); break; }
                    pc++;
                    var result = fn.Construct(args, fn);
                    sp -= 2;
                    regs[sp++] = result;
                    break;
                }
                case OpCode.SuperCall:
                {
                    int argc = code[pc++];
                    int start = sp - argc - 2;
                    var result = SuperCall(regs[sp - 2], regs[sp - 1], new ReadOnlySpan<JsValue>(regs, start, argc));
                    sp = start;
                    regs[sp++] = result;
                    break;
                }
                case OpCode.SuperCallSpread:
                {
                    var args = ((JsArray)regs[sp - 3].AsObject()).ToArgumentArray();
                    var result = SuperCall(regs[sp - 2], regs[sp - 1], args);
                    sp -= 3;
                    regs[sp++] = result;
                    break;
                }
                case OpCode.LoadThisValue: regs[sp++] = frame.This; break;
                case OpCode.LoadNewTarget: regs[sp++] = frame.NewTarget is null ? JsValue.Undefined : JsValue.FromObject(frame.NewTarget); break;
                case OpCode.LoadCallee: regs[sp++] = frame.Function is null ? JsValue.Undefined : JsValue.FromObject(frame.Function); break;
                case OpCode.LoadHomeObject:
                    regs[sp++] = frame.Function?.HomeObject is { } home ? JsValue.FromObject(home) : JsValue.Undefined;
                    break;
                case OpCode.CreateArguments: regs[sp++] = JsValue.FromObject(CreateArgumentsObject(frame)); break;
                case OpCode.CreateRest:
                {
                    int from = code[pc++];
                    var all = frame.Arguments ?? [];
                    int n = Math.Max(0, all.Length - from);
                    var items = new JsValue[n];
                    if (n > 0) Array.Copy(all, from, items, 0, n);
                    regs[sp++] = JsValue.FromObject(new JsArray(frame.Realm.Intrinsics.ArrayPrototype, items, n));
                    break;
                }

                // ---- iteration ----
                case OpCode.GetIterator:
                    regs[sp - 1] = JsValue.FromInternal(IteratorRecord.From(frame.Realm, regs[sp - 1]));
                    break;
                case OpCode.GetAsyncIterator:
                    regs[sp - 1] = JsValue.FromInternal(IteratorRecord.FromAsync(frame.Realm, regs[sp - 1]));
                    break;
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
                case OpCode.AsyncIteratorNextCall:
                {
                    var rec = (IteratorRecord)regs[code[pc++]].InternalRef!;
                    frame.Sp = sp;
                    regs[sp++] = JsValue.FromObject(rec.NextResult(JsValue.Undefined, hasValue: false));
                    break;
                }
                case OpCode.IteratorResultUnwrap:
                {
                    var rec = (IteratorRecord)regs[code[pc]].InternalRef!;
                    var result = regs[--sp];
                    if (!result.IsObject) Throw.TypeError("Iterator result " + Conversions.ToDisplay(result) + " is not an object");
                    if (Conversions.ToBoolean(result.AsObject().Get("done")))
                    {
                        rec.Done = true;
                        pc = code[pc + 1];
                        break;
                    }
                    regs[sp++] = result.AsObject().Get("value");
                    pc += 2;
                    break;
                }
                case OpCode.IteratorClose:
                    ((IteratorRecord)regs[--sp].InternalRef!).Close();
                    break;
                case OpCode.IteratorCloseQuiet:
                    ((IteratorRecord)regs[--sp].InternalRef!).CloseQuietly();
                    break;
                case OpCode.IteratorStepValue:
                {
                    var rec = (IteratorRecord)regs[code[pc++]].InternalRef!;
                    regs[sp++] = rec.Done ? JsValue.Undefined : rec.Step(out var v) ? v : JsValue.Undefined;
                    break;
                }
                case OpCode.IteratorRestArray:
                {
                    var rec = (IteratorRecord)regs[code[pc++]].InternalRef!;
                    var arr = new JsArray(frame.Realm.Intrinsics.ArrayPrototype);
                    while (!rec.Done && rec.Step(out var v)) arr.Push(v);
                    regs[sp++] = JsValue.FromObject(arr);
                    break;
                }
                case OpCode.IteratorCloseIfNotDone:
                {
                    var rec = (IteratorRecord)regs[code[pc++]].InternalRef!;
                    if (!rec.Done) rec.Close();
                    break;
                }
                case OpCode.ForInPrepare:
                    regs[sp - 1] = JsValue.FromInternal(new ForInEnumerator(frame.Realm, regs[sp - 1]));
                    break;
                case OpCode.ForInNext:
                {
                    var e = (ForInEnumerator)regs[code[pc]].InternalRef!;
                    engine.Tick();
                    if (e.MoveNext(out var key))
                    {
                        regs[sp++] = key;
                        pc += 2;
                    }
                    else pc = code[pc + 1];
                    break;
                }

                // ---- generators and async ----
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
                case OpCode.AsyncDelegateCall:
                {
                    frame.Sp = sp;
                    var rec = (IteratorRecord)regs[code[pc++]].InternalRef!;
                    regs[sp - 1] = AsyncDelegateCall(frame, rec, regs[sp - 1]);
                    break;
                }
                case OpCode.AsyncDelegateResult:
                {
                    var state = frame.Generator!;
                    var result = regs[sp - 1];
                    if (state.DelegateReturnWithoutMethod)
                    {
                        state.DelegateReturnWithoutMethod = false;
                        pc = code[pc + 2];
                        break;
                    }
                    if (!result.IsObject) Throw.TypeError("Iterator result " + Conversions.ToDisplay(result) + " is not an object");
                    // IteratorComplete before IteratorValue (§15.5.5 step 7.a.v-vi).
                    bool innerDone = Conversions.ToBoolean(result.AsObject().Get("done"));
                    regs[sp - 1] = result.AsObject().Get("value");
                    if (innerDone)
                    {
                        pc = state.DelegateResume == ResumeKind.Return ? code[pc + 2] : code[pc + 1];
                        state.LastResume = ResumeKind.Next;
                        break;
                    }
                    pc += 3;
                    break;
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
                case OpCode.GeneratorResumeKind:
                    regs[sp++] = JsValue.FromNumber((int)(frame.Generator?.LastResume ?? ResumeKind.Next));
                    break;

                // ---- classes ----
                case OpCode.CreateClass:
                {
                    bool hasHeritage = code[pc + 1] == 1;
                    var heritage = hasHeritage ? regs[--sp] : JsValue.Empty;
                    var (ctor, proto) = CreateClass(frame, fcode.Functions[code[pc]], hasHeritage, heritage);
                    pc += 2;
                    regs[sp++] = JsValue.FromObject(ctor);
                    regs[sp++] = JsValue.FromObject(proto);
                    break;
                }
                case OpCode.SetFieldInitializer:
                {
                    var init = (JsClosure)regs[--sp].AsObject();
                    init.HomeObject = regs[sp - 1].AsObject();
                    ((JsClosure)regs[sp - 2].AsObject()).FieldInitializer = init;
                    break;
                }
                case OpCode.RunStaticInitializer:
                {
                    var init = (JsClosure)regs[--sp].AsObject();
                    init.HomeObject = regs[sp - 2].AsObject();
                    frame.Sp = sp;
                    init.Call(regs[sp - 2], ReadOnlySpan<JsValue>.Empty);
                    break;
                }
                case OpCode.DefineClassField:
                    DefineClassField(regs[sp - 3], regs[sp - 2], regs[sp - 1]);
                    sp -= 2;
                    break;
                case OpCode.SetHome:
                    ((JsClosure)regs[sp - 1].AsObject()).HomeObject = regs[sp - 1 - code[pc++]].AsObject();
                    break;
                case OpCode.NewPrivateName:
                    regs[sp++] = JsValue.FromSymbol(new JsSymbol(fcode.Names[code[pc++]].Name) { IsPrivate = true });
                    break;
                case OpCode.PrivateGet:
                    regs[sp - 2] = PrivateGet(regs[sp - 2], regs[sp - 1].AsSymbol());
                    sp--;
                    break;
                case OpCode.PrivateSet:
                    PrivateSet(regs[sp - 3], regs[sp - 2].AsSymbol(), regs[sp - 1]);
                    regs[sp - 3] = regs[sp - 1];
                    sp -= 2;
                    break;
                case OpCode.PrivateIn:
                {
                    var target = regs[sp - 2];
                    if (!target.IsObject) Throw.TypeError("Cannot use 'in' operator to search for a private field in a non-object");
                    regs[sp - 2] = JsValue.FromBoolean(PrivateHas(target, regs[sp - 1].AsSymbol()));
                    sp--;
                    break;
                }
                case OpCode.PrivateDefine:
                    PrivateDefine(regs[sp - 3], regs[sp - 2].AsSymbol(), regs[sp - 1]);
                    sp -= 2;
                    break;
                case OpCode.PrivateAccessor:
                    PrivateAccessor(regs[sp - 3], regs[sp - 2].AsSymbol(), (JsFunction)regs[sp - 1].AsObject(), code[pc++] == 1);
                    sp -= 2;
                    break;

                default:
                    throw new InvalidOperationException("Unknown opcode " + (OpCode)code[pc - 1]);
            }
            continue;

        Reload:
            fcode = frame.Code;
            code = fcode.Code;
            regs = frame.Regs;
            sp = frame.Sp;
            pc = frame.Pc;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Binary(JsValue[] regs, ref int sp, Operators.BinaryOp op)
    {
        var a = regs[sp - 2];
        var b = regs[sp - 1];
        regs[sp - 2] = a.IsNumber && b.IsNumber
            ? JsValue.FromNumber(Operators.NumberArithmetic(op, a._number, b._number))
            : Operators.Arithmetic(op, a, b);
        sp--;
    }
}
