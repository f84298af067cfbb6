using DualEngine.Engine.Compiler;

namespace DualEngine.Engine.Interpreter;

/// <summary>Function calls, construction (§10.2.1, §10.2.2), super calls and class creation.</summary>
internal sealed partial class Machine
{
    /// <summary>
    /// PrepareForOrdinaryCall + OrdinaryCallBindThis (§10.2.1.1-2): a frame with arguments in the
    /// parameter registers. Counts toward the call-depth limit.
    /// </summary>
    internal Frame PushFrame(JsClosure closure, in JsValue thisValue, ReadOnlySpan<JsValue> args, JsObject? newTarget)
    {
        var f = EnterCallFrame(closure);
        var code = closure.Code;
        int n = Math.Min(args.Length, code.ParameterRegisters);
        // A plain loop: for the usual one to three arguments it beats Span.CopyTo's bulk-move call.
        var regs = f.Regs;
        for (int i = 0; i < n; i++) JsValue.Copy(ref regs[i], args[i]);
        if (code.NeedsArgumentsArray) f.Arguments = args.ToArray();
        BindEnvironmentAndThis(f, closure, thisValue);
        f.NewTarget = newTarget;
        return f;
    }

    /// <summary>
    /// <see cref="PushFrame"/> for the interpreter's Call instruction (<see cref="CallClosureFromStack"/>): the
    /// arguments are the caller's operand-stack slots, `this` and new.target follow the ordinary-call rules.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Frame PushCallFrame(JsClosure closure, JsValue[] callerRegs, int thisIndex, int argc)
    {
        var f = EnterCallFrame(closure);
        var code = closure.Code;
        int n = Math.Min(argc, code.ParameterRegisters);
        var regs = f.Regs;
        for (int i = 0; i < n; i++) JsValue.Copy(ref regs[i], callerRegs[thisIndex + 1 + i]);
        if (code.NeedsArgumentsArray) f.Arguments = new ReadOnlySpan<JsValue>(callerRegs, thisIndex + 1, argc).ToArray();
        BindEnvironmentAndThis(f, closure, callerRegs[thisIndex]);
        return f;
    }

    /// <summary>
    /// <see cref="PushCallFrame"/> for a method or function called straight from registers (CallMethodReg0/1,
    /// CallGlobalReg1): the receiver and at most one argument come from the caller's registers, not its stack.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Frame PushMethodFrame(JsClosure closure, in JsValue receiver, in JsValue argument, int argc)
    {
        var f = EnterCallFrame(closure);
        var code = closure.Code;
        if (argc > 0 && code.ParameterRegisters > 0) JsValue.Copy(ref f.Regs[0], argument);
        if (code.NeedsArgumentsArray) f.Arguments = argc > 0 ? [argument] : [];
        BindEnvironmentAndThis(f, closure, receiver);
        return f;
    }

    /// <summary>The start of every call set-up in the loop: the call-depth limit, the time budget, a recycled frame.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Frame EnterCallFrame(JsClosure closure)
    {
        var engine = _engine;
        engine.EnterCall();
        engine.Tick();
        return Frame.Rent(closure.Code, closure, closure.Realm);
    }

    /// <summary>
    /// The end of every call set-up in the loop: the function environment (a fresh one when the function has one)
    /// and `this`. A recycled frame still has the Env and This of its last call (see Frame.Return): only what
    /// changed is stored, so calling one closure again and again pays no GC write barrier for them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void BindEnvironmentAndThis(Frame f, JsClosure closure, in JsValue thisValue)
    {
        var code = closure.Code;
        var env = code.FunctionEnvSize > 0 ? Env.Create(code.FunctionEnvSize, closure.Env, _engine) : closure.Env;
        if (!ReferenceEquals(f.Env, env)) f.Env = env;
        BindThis(f, closure, thisValue);
    }

    /// <summary>
    /// The ordinary end of the Return instruction, out of line like the call set-up: pops <paramref name="callee"/>,
    /// hands <paramref name="value"/> to its caller and recycles the frame; returns the caller.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Frame ReturnToCaller(Frame callee, in JsValue value)
    {
        // Through the callee's machine: the caller comes from the machine's frame array, and the
        // engine reached from the caller (frame.Machine._engine) would wait for that load too.
        var machine = callee.Machine;
        machine._engine.CallDepth--;
        var caller = machine.PopFrameFromStack();
        int returnPc = callee.ReturnPc;
        // Where the call site said the value goes (see SetReturnAddress): nowhere, a register, or the stack.
        if (returnPc < 0) caller.Pc = ~returnPc;
        else
        {
            int register = callee.ResultRegister;
            if (register >= 0) JsValue.Copy(ref caller.Regs[register], value);
            else JsValue.Copy(ref caller.Regs[caller.Sp++], value);
            caller.Pc = returnPc;
        }
        // After the copy: the value is a slot of the callee's operand stack, which Frame.Return leaves as it is.
        callee.Return();
        return caller;
    }

    /// <summary>
    /// Leaves <paramref name="callee"/> for an error its caller must see as thrown by the call instruction itself (a derived
    /// constructor's non-object result, §10.2.2 step 12): the caller is current again, positioned at that instruction,
    /// so its handlers (not the callee's) get the throw that follows.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReturnBeforeThrow(Frame callee)
    {
        var machine = callee.Machine;
        var caller = machine._frames[machine._depth - 1]!;
        int callPc = caller.Pc; // the call instruction's start, stored by the loop when it ran it
        ReturnToCaller(callee, JsValue.Undefined);
        caller.Pc = callPc;
    }

    /// <summary>
    /// The loop's switch to a callee frame it has set up: the caller's operand stack ends at
    /// <paramref name="callerSp"/>, the callee returns to the caller's instruction at <paramref name="nextPc"/>
    /// (see <see cref="SetReturnAddress"/>) and becomes the innermost frame, which is returned.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Frame EnterCallee(Frame caller, Frame callee, int callerSp, ref int ip, int nextPc)
    {
        caller.Sp = callerSp;
        SetReturnAddress(callee, ref ip, nextPc);
        PushFrameOnStack(callee);
        return callee;
    }

    /// <summary>The Call instruction for compiled code: pushes and returns the callee frame, arguments from the caller's stack.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Frame CallClosureFromStack(Frame frame, JsClosure closure, ref int ip, int pc, JsValue[] regs, int fnIndex, int argc) =>
        EnterCallee(frame, PushCallFrame(closure, regs, fnIndex + 1, argc), fnIndex, ref ip, pc);

    /// <summary>
    /// CallMethodReg0/1 when the inline cache hits (<see cref="CachedMethodSlot"/>), called straight from the
    /// registers: nothing is pushed onto the caller's stack first (method, receiver and argument would be three
    /// reference stores through the GC's write barrier, about 4 ns each on this machine). Compiled code gets a
    /// callee frame with the receiver and the argument register, which is pushed and returned; a builtin gets the
    /// receiver and a one-element span over the argument register, its result lands at sp (where the method would
    /// have been), and the caller is returned, positioned after the instruction. Null otherwise (a miss, a
    /// generator, a class constructor, a proxy, not a function), for the general path.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Frame? TryCallMethodFromRegisters(Frame frame, ref int ip, int pc, JsValue[] regs, int sp, bool withArgument)
    {
        ref var receiver = ref regs[Unsafe.Add(ref ip, (nint)(uint)pc)];
        object? method = CachedMethodSlot(frame.Realm, receiver, frame.Code.Caches[Unsafe.Add(ref ip, (nint)(uint)(pc + 2))])._ref;
        ref var argument = ref MethodArgument(frame, regs, withArgument ? Unsafe.Add(ref ip, (nint)(uint)(pc + 3)) : 0);
        if (method is JsClosure { Code.IsPlainCall: true } closure)
        {
            var callee = withArgument
                ? PushMethodFrame(closure, receiver, argument, 1)
                : PushMethodFrame(closure, receiver, JsValue.Undefined, 0);
            return EnterCallee(frame, callee, sp, ref ip, pc + (withArgument ? 6 : 5));
        }
        if (method is BuiltinFunction builtin)
        {
            _engine.Tick();
            frame.Sp = sp;
            var arguments = withArgument ? new ReadOnlySpan<JsValue>(in argument) : ReadOnlySpan<JsValue>.Empty;
            // The result goes above every register, where nothing the builtin reads lives.
            builtin.CallInto(ref regs[sp], receiver, arguments);
            frame.Sp = sp + 1;
            frame.Pc = pc + (withArgument ? 6 : 5);
            return frame;
        }
        return null;
    }

    /// <summary>CallMethodReg1's argument operand: a register, or ~index of a constant (a literal argument).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref JsValue MethodArgument(Frame frame, JsValue[] regs, int operand) =>
        ref operand >= 0 ? ref regs[operand] : ref frame.Code.Constants[~operand];

    /// <summary>
    /// CallGlobalReg1 when the global's inline cache hits and holds compiled code called the ordinary way: pushes
    /// and returns the callee frame, its argument taken from the register (no pushes of callee, `this` and
    /// argument onto the caller's stack). Null otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Frame? TryCallGlobalFromRegister(Frame frame, ref int ip, int pc, JsValue[] regs, int sp)
    {
        var cache = frame.Code.Caches[Unsafe.Add(ref ip, (nint)(uint)(pc + 1))];
        if (CachedGlobalValue(frame.Realm, cache)._ref is not JsClosure { Code.IsPlainCall: true } function) return null;
        var callee = PushMethodFrame(function, JsValue.Undefined, regs[Unsafe.Add(ref ip, (nint)(uint)(pc + 2))], 1);
        return EnterCallee(frame, callee, sp, ref ip, pc + 5);
    }

    /// <summary>
    /// OrdinaryCallBindThis (§10.2.1.2) into the frame, storing only a change (the frame may be a recycled one).
    /// An arrow's `this` is lexical (step 1): its code reads the enclosing binding, never the frame's, so nothing
    /// is stored. Empty (a derived constructor's `this` before super()) is kept as it is.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BindThis(Frame f, JsClosure closure, in JsValue thisValue)
    {
        var code = closure.Code;
        if (code.Kind == FunctionKind.Arrow) return;
        if (code.Strict || thisValue.IsEmpty) StoreIfChanged(ref f.This, thisValue);
        else if (thisValue.IsNullish) StoreIfChanged(ref f.This, JsValue.FromObject(closure.Realm.GlobalObject));
        else if (thisValue.IsObject) StoreIfChanged(ref f.This, thisValue);
        else f.This = JsValue.FromObject(Conversions.ToObject(closure.Realm, thisValue));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreIfChanged(ref JsValue slot, in JsValue value)
    {
        if (value._ref is null || !ReferenceEquals(slot._ref, value._ref) || slot._bits != value._bits) JsValue.Copy(ref slot, value);
    }

    /// <summary>[[Call]] of a closure from native code (a builtin, the host, a getter): a nested Run.</summary>
    internal JsValue CallClosure(JsClosure closure, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var code = closure.Code;
        if (code.Kind is FunctionKind.ClassConstructor or FunctionKind.DerivedConstructor)
            Throw.TypeError($"Class constructor {code.Name} cannot be invoked without 'new'");
        if (StackSwitch.NeedsSwitch)
        {
            var self = this;
            var t = thisValue;
            var copy = args.ToArray();
            return StackSwitch.Run(() => self.CallClosure(closure, t, copy));
        }
        if (code.IsGenerator) return code.IsAsync ? StartAsyncGenerator(closure, thisValue, args) : StartGenerator(closure, thisValue, args);
        if (code.IsAsync) return StartAsync(closure, thisValue, args);
        var frame = PushFrame(closure, thisValue, args, null);
        var result = Run(frame, out _);
        frame.Return();
        return result;
    }

    /// <summary>[[Construct]] (§10.2.2).</summary>
    internal JsValue Construct(JsClosure closure, ReadOnlySpan<JsValue> args, JsObject newTarget)
    {
        if (StackSwitch.NeedsSwitch)
        {
            var self = this;
            var copy = args.ToArray();
            return StackSwitch.Run(() => self.Construct(closure, copy, newTarget));
        }
        var code = closure.Code;
        if (code.Kind == FunctionKind.DerivedConstructor)
        {
            if (code.IsDefaultConstructor)
            {
                _engine.Tick();
                return SuperCall(JsValue.FromObject(closure), JsValue.FromObject(newTarget), args);
            }
            var derivedFrame = PushFrame(closure, JsValue.Empty, args, newTarget);
            derivedFrame.IsConstruct = true;
            return Run(derivedFrame, out _);
        }
        var proto = JsFunction.GetPrototypeFromConstructor(newTarget, static i => i.ObjectPrototype);
        var obj = new JsObject(proto);
        MemoryBudget.Account(_engine, 48);
        if (closure.FieldInitializer is { } init) init.Call(JsValue.FromObject(obj), ReadOnlySpan<JsValue>.Empty);
        if (code.IsDefaultConstructor) return JsValue.FromObject(obj);
        var frame = PushFrame(closure, JsValue.FromObject(obj), args, newTarget);
        frame.IsConstruct = true;
        var result = Run(frame, out _);
        frame.Return();
        return result;
    }

    /// <summary>
    /// SuperCall evaluation (§13.3.7.1) for a default derived constructor, whose `this` cannot be bound yet: construct
    /// the parent with our new.target, then initialize fields. Compiled super() binds `this` between the two steps.
    /// </summary>
    internal JsValue SuperCall(in JsValue callee, in JsValue newTarget, ReadOnlySpan<JsValue> args)
    {
        var result = SuperConstruct(callee, newTarget, args);
        if (callee._ref is JsClosure { FieldInitializer: { } init }) init.Call(result, ReadOnlySpan<JsValue>.Empty);
        return result;
    }

    /// <summary>SuperCall steps 1-6 (§13.3.7.1): the parent constructor of <paramref name="callee"/>, constructed with our new.target.</summary>
    internal static JsValue SuperConstruct(in JsValue callee, in JsValue newTarget, ReadOnlySpan<JsValue> args)
    {
        var active = (JsFunction)callee.AsObject();
        if (active.GetPrototypeOf() is not JsFunction { IsConstructor: true } parent)
            return Throw.TypeError<JsValue>("Super constructor " + Conversions.ToDisplay(active.GetPrototypeOf() is { } p ? JsValue.FromObject(p) : JsValue.Null) + " of anonymous class is not a constructor");
        if (!newTarget.IsObject) return Throw.SyntaxErrorValue<JsValue>("'super' keyword unexpected here");
        return parent.Construct(args, newTarget.AsObject());
    }

    private static JsClosure CreateClosure(Frame frame, FunctionCode code)
    {
        var i = frame.Realm.Intrinsics;
        JsObject proto = code.IsGenerator
            ? (code.IsAsync ? i.AsyncGeneratorFunctionPrototype : i.GeneratorFunctionPrototype)
            : code.IsAsync ? i.AsyncFunctionPrototype : i.FunctionPrototype;
        return new JsClosure(frame.Realm, code, frame.Env, proto);
    }

    /// <summary>ClosureCapture: a closure carrying <paramref name="capture"/> (see Compiler.ScopeAnalyzer.CaptureCopies).</summary>
    private static JsClosure CreateClosure(Frame frame, FunctionCode code, in JsValue capture)
    {
        var closure = CreateClosure(frame, code);
        JsValue.Copy(ref closure.Capture, capture);
        return closure;
    }

    /// <summary>ClassDefinitionEvaluation steps 5-18 (§15.7.14): prototype and constructor objects.</summary>
    private static (JsClosure Ctor, JsObject Proto) CreateClass(Frame frame, FunctionCode ctorCode, bool hasHeritage, JsValue heritage)
    {
        var realm = frame.Realm;
        JsObject? protoParent = realm.Intrinsics.ObjectPrototype;
        JsObject ctorParent = realm.Intrinsics.FunctionPrototype;
        if (hasHeritage)
        {
            if (heritage.IsNull)
            {
                protoParent = null;
            }
            else
            {
                if (heritage._ref is not JsFunction { IsConstructor: true } superclass)
                    return Throw.TypeError<(JsClosure, JsObject)>("Class extends value " + Conversions.ToDisplay(heritage) + " is not a constructor or null");
                var pp = superclass.Get("prototype");
                if (!pp.IsObject && !pp.IsNull)
                    return Throw.TypeError<(JsClosure, JsObject)>("Class extends value does not have valid prototype property " + Conversions.ToDisplay(pp));
                protoParent = pp.TryObject;
                ctorParent = superclass;
            }
        }
        var proto = new JsObject(protoParent);
        var ctor = new JsClosure(realm, ctorCode, frame.Env, ctorParent) { HomeObject = proto };
        ctor.FastSet("prototype", JsValue.FromObject(proto), PropertyFlags.None);
        proto.FastSet("constructor", JsValue.FromObject(ctor), PropertyFlags.Hidden);
        return (ctor, proto);
    }

    /// <summary>
    /// The arguments object of a call (§10.2.11 step 22): mapped (§10.4.4.7 CreateMappedArgumentsObject) for sloppy
    /// functions with simple parameter lists, whose parameters the compiler then keeps in the function environment;
    /// otherwise unmapped (§10.4.4.6), with a throwing `callee`.
    /// </summary>
    private static JsObject CreateArgumentsObject(Frame frame)
    {
        var realm = frame.Realm;
        var args = frame.Arguments ?? [];
        var map = frame.Code.MappedArguments;
        JsArgumentsObject obj = map is not null && frame.Env is not null
            ? new JsMappedArguments(realm.Intrinsics.ObjectPrototype, frame.Env, map, args.Length)
            : new JsArgumentsObject(realm.Intrinsics.ObjectPrototype);
        for (int i = 0; i < args.Length; i++) obj.FastSet(PropertyKey.FromIndex((uint)i), args[i]);
        obj.FastSet("length", JsValue.FromNumber(args.Length), PropertyFlags.Hidden);
        obj.FastSet(WellKnownSymbols.Iterator, JsValue.FromObject(realm.Intrinsics.ArrayProtoValues), PropertyFlags.Hidden);
        if (map is null)
            obj.FastAccessor("callee", realm.Intrinsics.ThrowTypeError, realm.Intrinsics.ThrowTypeError, PropertyFlags.None);
        else if (frame.Function is not null)
            obj.FastSet("callee", JsValue.FromObject(frame.Function), PropertyFlags.Hidden);
        return obj;
    }

    private static void ThrowTdz(in PropertyKey name)
    {
        if (!name.IsSymbol && name.Name == "this")
            Throw.ReferenceError("Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
        Throw.ReferenceError($"Cannot access '{name}' before initialization");
    }

    private static void ThrowNotCallable(FunctionCode code, int textIndex, in JsValue value) =>
        Throw.TypeError(code.Names[textIndex].Name + " is not a function");

    private static void ThrowNotConstructor(FunctionCode code, int textIndex, in JsValue value) =>
        Throw.TypeError(code.Names[textIndex].Name + " is not a constructor");

    /// <summary>The JS stack from the innermost frame outwards (at most 10 entries, like V8's default).</summary>
    internal StackFrameInfo[] CaptureStack()
    {
        var list = new List<StackFrameInfo>();
        for (int depth = _depth; depth >= 0 && list.Count < 10; depth--)
        {
            var f = _frames[depth]!;
            var (line, col) = f.Code.PositionAt(f.Pc);
            string name = f.Code.Kind is FunctionKind.Script or FunctionKind.Module ? "" : f.Code.Name.Length == 0 ? "<anonymous>" : f.Code.Name;
            if (f.Code.Kind is FunctionKind.ClassConstructor or FunctionKind.DerivedConstructor) name = "new " + name;
            list.Add(new StackFrameInfo(name, f.Code.FileName, line, col));
        }
        return list.ToArray();
    }
}

/// <summary>An unmapped arguments object (§10.4.4.6): an ordinary object with class "Arguments".</summary>
internal class JsArgumentsObject(JsObject prototype) : JsObject(prototype)
{
    public override string ClassName => "Arguments";
}

/// <summary>
/// A mapped arguments exotic object (§10.4.4): while index i is mapped, arguments[i] and the i-th parameter are one
/// variable (the parameter's slot in the function environment). Redefining the index as an accessor or read-only,
/// or deleting it, ends the mapping (§10.4.4.2-5).
/// </summary>
internal sealed class JsMappedArguments : JsArgumentsObject
{
    private readonly JsValue[] _env;
    /// <summary>Environment slot per argument index, -1 once unmapped.</summary>
    private readonly int[] _map;

    public JsMappedArguments(JsObject prototype, JsValue[] env, int[] parameterSlots, int argumentCount) : base(prototype)
    {
        _env = env;
        _map = new int[Math.Min(parameterSlots.Length, argumentCount)];
        Array.Copy(parameterSlots, _map, _map.Length);
    }

    // Reads and writes must go through the internal methods below, never straight to the property slots.
    public override bool IsProxyLike => true;

    private int MappedSlot(in PropertyKey key) => key.IsArrayIndex && key.Index < (uint)_map.Length ? _map[key.Index] : -1;

    /// <summary>§10.4.4.1 [[GetOwnProperty]].</summary>
    public override bool GetOwnProperty(in PropertyKey key, out PropertyDescriptor desc)
    {
        if (!OrdinaryGetOwnProperty(key, out desc)) return false;
        int slot = MappedSlot(key);
        if (slot >= 0) desc.Value = _env[slot];
        return true;
    }

    /// <summary>§10.4.4.2 [[DefineOwnProperty]].</summary>
    public override bool DefineOwnProperty(in PropertyKey key, in PropertyDescriptor desc)
    {
        int slot = MappedSlot(key);
        var newDesc = desc;
        if (slot >= 0 && desc.IsData && !desc.HasValue && desc.HasWritable && !desc.Writable)
        {
            newDesc.Value = _env[slot];
            newDesc.Has |= PropertyDescriptor.Fields.Value;
        }
        if (!OrdinaryDefineOwnProperty(key, newDesc)) return false;
        if (slot >= 0)
        {
            if (desc.IsAccessor) Unmap(key);
            else
            {
                if (desc.HasValue) _env[slot] = desc.Value;
                if (desc.HasWritable && !desc.Writable) Unmap(key);
            }
        }
        return true;
    }

    /// <summary>§10.4.4.3 [[Get]].</summary>
    public override JsValue Get(in PropertyKey key, in JsValue receiver)
    {
        int slot = MappedSlot(key);
        if (slot >= 0) return _env[slot];
        if (OrdinaryGetOwnProperty(key, out var own))
            return own.IsAccessor ? own.Getter?.Call(receiver, ReadOnlySpan<JsValue>.Empty) ?? JsValue.Undefined : own.Value;
        return GetPrototypeOf()?.Get(key, receiver) ?? JsValue.Undefined;
    }

    protected override bool TryGetOwnValue(in PropertyKey key, in JsValue receiver, out JsValue value)
    {
        int slot = MappedSlot(key);
        if (slot >= 0)
        {
            value = _env[slot];
            return true;
        }
        return base.TryGetOwnValue(key, receiver, out value);
    }

    /// <summary>§10.4.4.4 [[Set]]: a mapped index writes the parameter, then the ordinary property.</summary>
    public override bool Set(in PropertyKey key, in JsValue value, in JsValue receiver)
    {
        if (receiver._ref == (object)this)
        {
            int slot = MappedSlot(key);
            if (slot >= 0) _env[slot] = value;
        }
        // OrdinarySet, written out: the base implementation would hand a proxy-like receiver back to us.
        if (!GetOwnProperty(key, out var own))
        {
            var proto = GetPrototypeOf();
            return proto is not null ? proto.Set(key, value, receiver) : SetOnReceiver(key, value, receiver);
        }
        if (own.IsAccessor)
        {
            if (own.Setter is null) return false;
            own.Setter.Call(receiver, new ReadOnlySpan<JsValue>(in value));
            return true;
        }
        if (!own.Writable) return false;
        return SetOnReceiver(key, value, receiver);
    }

    /// <summary>§10.4.4.5 [[Delete]].</summary>
    public override bool Delete(in PropertyKey key)
    {
        int slot = MappedSlot(key);
        if (!base.Delete(key)) return false;
        if (slot >= 0) Unmap(key);
        return true;
    }

    public override bool HasProperty(in PropertyKey key)
    {
        if (OrdinaryGetOwnProperty(key, out _)) return true;
        return GetPrototypeOf()?.HasProperty(key) ?? false;
    }

    private void Unmap(in PropertyKey key) => _map[key.Index] = -1;
}
