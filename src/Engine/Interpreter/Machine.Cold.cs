// The less frequent instructions, out of the hot dispatch loop in Machine.cs: a smaller hot method lets
// the JIT keep its locals (pc, sp, registers, code) in machine registers.
using DualEngine.Engine.Compiler;

namespace DualEngine.Engine.Interpreter;

internal sealed partial class Machine
{
    /// <summary>
    /// Executes the instruction <paramref name="op"/> whose operands start at <paramref name="pc"/>, for
    /// instructions that neither change the frame nor suspend it. Returns the new stack pointer and leaves
    /// the next instruction's position in <see cref="Frame.Pc"/> (which holds this instruction's start
    /// while it runs, for handlers and error positions).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ExecuteCold(Frame frame, OpCode op, int pc, int sp)
    {
        var fcode = frame.Code;
        var code = fcode.Code;
        var regs = frame.Regs;
        var engine = _engine;
        switch (op)
        {
        case OpCode.ThrowConstAssign:
            Throw.TypeError("Assignment to constant variable.");
            break;
        case OpCode.SaveEnv: regs[code[pc++]] = frame.Env is null ? JsValue.Undefined : JsValue.FromInternal(frame.Env); break;
        case OpCode.RestoreEnv: frame.Env = regs[code[pc++]].InternalRef as JsValue[]; break;
        case OpCode.LoadGlobalOrUndefined:
            regs[sp++] = LoadGlobal(frame.Realm, fcode.Names[code[pc]], fcode.Caches[code[pc + 1]], throwIfMissing: false);
            pc += 2;
            break;
        case OpCode.InitGlobalLexical:
            frame.Realm.InitializeGlobalLexical(fcode.Names[code[pc++]].Name, regs[--sp]);
            break;
        case OpCode.SetGlobalBlockFunction:
            frame.Realm.SetGlobalBlockFunction(fcode.Names[code[pc++]].Name, regs[--sp]);
            break;
        case OpCode.WithGet:
        {
            var obj = regs[sp - 1].AsObject();
            var key = fcode.Names[code[pc + 1]];
            if (WithHas(obj, key))
            {
                // GetBindingValue (§9.1.1.2.6) asks HasProperty again: the unscopables getter may have deleted it.
                frame.Sp = sp;
                regs[sp - 1] = WithGetBindingValue(obj, key, fcode.Strict);
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
            regs[sp - 1] = WithGetBindingValue(obj, key, fcode.Strict);
            break;
        }
        case OpCode.WithRefSet:
        {
            var obj = regs[sp - 1].AsObject();
            var key = fcode.Names[code[pc]];
            bool strict = code[pc + 1] == 1;
            pc += 2;
            frame.Sp = sp;
            WithSetMutableBinding(obj, key, regs[sp - 2], strict);
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
                frame.Sp = sp;
                WithSetMutableBinding(obj, key, regs[sp - 2], fcode.Strict);
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
            var v = cell.Env[cell.Slot];
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
        case OpCode.HasGlobalBinding:
        {
            var key = fcode.Names[code[pc++]];
            frame.Sp = sp;
            regs[sp++] = JsValue.FromBoolean(frame.Realm.GlobalLexicals.ContainsKey(key.Name) || frame.Realm.GlobalObject.HasProperty(key));
            break;
        }
        case OpCode.DeleteGlobal:
            regs[sp++] = JsValue.FromBoolean(frame.Realm.GlobalObject.Delete(fcode.Names[code[pc++]]));
            break;
        case OpCode.DeleteNamed:
            regs[sp - 1] = DeleteProperty(frame.Realm, regs[sp - 1], fcode.Names[code[pc]], code[pc + 1] == 1);
            pc += 2;
            break;
        case OpCode.DeleteElem:
            regs[sp - 2] = DeleteProperty(frame.Realm, regs[sp - 2], Conversions.ToPropertyKey(regs[sp - 1]), code[pc++] == 1);
            sp--;
            break;
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
            SuperSet(regs[sp - 4], regs[sp - 3], regs[sp - 2], regs[sp - 1], fcode.Strict);
            regs[sp - 4] = regs[sp - 2];
            sp -= 3;
            break;
        case OpCode.SetProtoLiteral:
        {
            var v = regs[--sp];
            if (v.IsObject || v.IsNull) regs[sp - 1].AsObject().SetPrototypeOf(v.TryObject);
            break;
        }
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
        case OpCode.NewRegExp:
            regs[sp++] = frame.Realm.CreateRegExp(fcode.Names[code[pc]].Name, fcode.Names[code[pc + 1]].Name);
            pc += 2;
            break;
        case OpCode.TemplateObject:
            regs[sp++] = GetTemplateObject(frame.Realm, (TemplateSite)fcode.Constants[code[pc++]].InternalRef!);
            break;
        case OpCode.Exp:
        {
            ref var a = ref regs[sp - 2];
            ref var b = ref regs[sp - 1];
            a = a.IsNumber && b.IsNumber ? JsValue.FromNumber(Operators.Power(a._number, b._number)) : Operators.Arithmetic(Operators.BinaryOp.Exp, a, b);
            sp--;
            break;
        }
        case OpCode.InstanceOf:
            regs[sp - 2] = JsValue.FromBoolean(Operators.InstanceOf(regs[sp - 2], regs[sp - 1]));
            sp--;
            break;
        case OpCode.Plus: regs[sp - 1] = JsValue.FromNumber(Conversions.ToNumber(regs[sp - 1])); break;
        case OpCode.BitNot:
        {
            var n = Conversions.ToNumeric(regs[sp - 1]);
            regs[sp - 1] = n.IsBigInt ? JsValue.FromBigInt(-n.AsBigInt().Value - 1) : JsValue.FromNumber(~Conversions.DoubleToInt32(n._number));
            break;
        }
        case OpCode.Void: regs[sp - 1] = JsValue.Undefined; break;
        case OpCode.ToStringForConcat:
            if (!regs[sp - 1].IsString) regs[sp - 1] = JsValue.FromString(Conversions.ToString(regs[sp - 1]));
            break;
        case OpCode.ThrowError:
            Throw.Error((ErrorType)code[pc], fcode.Names[code[pc + 1]].Name);
            break;
        case OpCode.CheckObjectCoercible:
            if (regs[sp - 1].IsNullish) Throw.TypeError("Cannot destructure '" + Conversions.ToString(regs[sp - 1]) + "' as it is " + Conversions.ToString(regs[sp - 1]) + ".");
            break;
        case OpCode.Debugger: break;
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
            var result = SuperConstruct(regs[sp - 2], regs[sp - 1], new ReadOnlySpan<JsValue>(regs, start, argc));
            sp = start;
            regs[sp++] = result;
            break;
        }
        case OpCode.SuperCallSpread:
        {
            var args = ((JsArray)regs[sp - 3].AsObject()).ToArgumentArray();
            var result = SuperConstruct(regs[sp - 2], regs[sp - 1], args);
            sp -= 3;
            regs[sp++] = result;
            break;
        }
        case OpCode.CheckThisUnbound:
            if (!regs[--sp].IsEmpty) Throw.ReferenceError("Super constructor may only be called once");
            break;
        case OpCode.InitializeInstanceElements:
        {
            var active = regs[--sp];
            if (active._ref is JsClosure { FieldInitializer: { } init }) init.Call(regs[sp - 1], ReadOnlySpan<JsValue>.Empty);
            break;
        }
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
        case OpCode.GetIterator:
            regs[sp - 1] = JsValue.FromInternal(IteratorRecord.From(frame.Realm, regs[sp - 1]));
            break;
        case OpCode.GetAsyncIterator:
            regs[sp - 1] = JsValue.FromInternal(IteratorRecord.FromAsync(frame.Realm, regs[sp - 1]));
            break;
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
        case OpCode.GeneratorResumeKind:
            regs[sp++] = JsValue.FromNumber((int)(frame.Generator?.LastResume ?? ResumeKind.Next));
            break;
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
                throw new InvalidOperationException("Unknown opcode " + op);
        }
        frame.Pc = pc;
        return sp;
    }
}
