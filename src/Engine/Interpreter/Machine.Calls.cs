using DualEngine.Engine.Compiler;

namespace DualEngine.Engine.Interpreter;

/// <summary>Function calls, construction (§10.2.1, §10.2.2), super calls and class creation.</summary>
internal sealed partial class Machine
{
    /// <summary>
    /// PrepareForOrdinaryCall + OrdinaryCallBindThis (§10.2.1.1-2): a frame with arguments in the
    /// parameter registers. Counts toward the call-depth limit.
    /// </summary>
    internal Frame PushFrame(JsClosure closure, JsValue thisValue, ReadOnlySpan<JsValue> args, JsObject? newTarget)
    {
        var code = closure.Code;
        if (++_engine.CallDepth > _engine.Options.MaxCallDepth)
        {
            _engine.CallDepth--;
            Throw.StackOverflow();
        }
        _engine.Tick();
        var f = Frame.Rent(code, closure, closure.Realm);
        int n = Math.Min(args.Length, code.ParameterRegisters);
        // A plain loop: for the usual one to three arguments it beats Span.CopyTo's bulk-move call.
        var regs = f.Regs;
        for (int i = 0; i < n; i++) regs[i] = args[i];
        if (code.NeedsArgumentsArray) f.Arguments = args.ToArray();
        f.Env = code.FunctionEnvSize > 0 ? new Env(code.FunctionEnvSize, closure.Env) : closure.Env;
        if (code.Strict || code.Kind == FunctionKind.Arrow || thisValue.IsEmpty) f.This = thisValue;
        else if (thisValue.IsNullish) f.This = JsValue.FromObject(closure.Realm.GlobalObject);
        else f.This = thisValue.IsObject ? thisValue : JsValue.FromObject(Conversions.ToObject(closure.Realm, thisValue));
        f.NewTarget = newTarget;
        return f;
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
        MemoryBudget.Account(48);
        if (closure.FieldInitializer is { } init) init.Call(JsValue.FromObject(obj), ReadOnlySpan<JsValue>.Empty);
        if (code.IsDefaultConstructor) return JsValue.FromObject(obj);
        var frame = PushFrame(closure, JsValue.FromObject(obj), args, newTarget);
        frame.IsConstruct = true;
        var result = Run(frame, out _);
        frame.Return();
        return result;
    }

    /// <summary>SuperCall evaluation (§13.3.7.1): construct the parent with our new.target, then initialize fields.</summary>
    internal JsValue SuperCall(in JsValue callee, in JsValue newTarget, ReadOnlySpan<JsValue> args)
    {
        var active = (JsFunction)callee.AsObject();
        if (active.GetPrototypeOf() is not JsFunction { IsConstructor: true } parent)
            return Throw.TypeError<JsValue>("Super constructor " + Conversions.ToDisplay(active.GetPrototypeOf() is { } p ? JsValue.FromObject(p) : JsValue.Null) + " of anonymous class is not a constructor");
        if (!newTarget.IsObject) return Throw.SyntaxErrorValue<JsValue>("'super' keyword unexpected here");
        var result = parent.Construct(args, newTarget.AsObject());
        if (active is JsClosure { FieldInitializer: { } init }) init.Call(result, ReadOnlySpan<JsValue>.Empty);
        return result;
    }

    private static JsClosure CreateClosure(Frame frame, FunctionCode code)
    {
        var i = frame.Realm.Intrinsics;
        JsObject proto = code.IsGenerator
            ? (code.IsAsync ? i.AsyncGeneratorFunctionPrototype : i.GeneratorFunctionPrototype)
            : code.IsAsync ? i.AsyncFunctionPrototype : i.FunctionPrototype;
        return new JsClosure(frame.Realm, code, frame.Env, proto);
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

    /// <summary>CreateUnmappedArgumentsObject (§10.4.4.6); used for sloppy functions too (mapped arguments are not implemented).</summary>
    private static JsObject CreateArgumentsObject(Frame frame)
    {
        var realm = frame.Realm;
        var args = frame.Arguments ?? [];
        var obj = new JsArgumentsObject(realm.Intrinsics.ObjectPrototype);
        obj.FastSet("length", JsValue.FromNumber(args.Length), PropertyFlags.Hidden);
        for (int i = 0; i < args.Length; i++) obj.FastSet(PropertyKey.FromIndex((uint)i), args[i]);
        obj.FastSet(WellKnownSymbols.Iterator, JsValue.FromObject(realm.Intrinsics.ArrayProtoValues), PropertyFlags.Hidden);
        if (frame.Code.Strict)
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
        for (var f = Current; f is not null && list.Count < 10; f = f.Caller)
        {
            var (line, col) = f.Code.PositionAt(f.Pc);
            string name = f.Code.Kind == FunctionKind.Script ? "" : f.Code.Name.Length == 0 ? "<anonymous>" : f.Code.Name;
            if (f.Code.Kind is FunctionKind.ClassConstructor or FunctionKind.DerivedConstructor) name = "new " + name;
            list.Add(new StackFrameInfo(name, f.Code.FileName, line, col));
        }
        return list.ToArray();
    }
}

/// <summary>An arguments exotic object (§10.4.4), unmapped: an ordinary object with class "Arguments".</summary>
internal sealed class JsArgumentsObject(JsObject prototype) : JsObject(prototype)
{
    public override string ClassName => "Arguments";
}
