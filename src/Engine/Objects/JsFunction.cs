namespace DualEngine.Engine.Objects;

/// <summary>
/// A callable object (§7.2.3 IsCallable): has [[Call]], and [[Construct]] when <see cref="IsConstructor"/>.
/// Every function remembers its [[Realm]] (§10.2), which builtins use for intrinsics and errors.
/// </summary>
internal abstract class JsFunction : JsObject
{
    protected JsFunction(Realm realm, JsObject? prototype) : base(prototype) => Realm = realm;

    /// <summary>A function that starts at <paramref name="shape"/> with <paramref name="slots"/> (taken over).</summary>
    protected JsFunction(Realm realm, JsObject? prototype, Shape shape, JsValue[] slots) : base(prototype, shape, slots, false) => Realm = realm;

    public Realm Realm { get; }

    public override string ClassName => "Function";

    /// <summary>[[Call]] (§10.2.1 / §10.3.1).</summary>
    public abstract JsValue Call(in JsValue thisValue, ReadOnlySpan<JsValue> args);

    public virtual bool IsConstructor => false;

    /// <summary>[[Construct]] (§10.2.2 / §10.3.2).</summary>
    public virtual JsValue Construct(ReadOnlySpan<JsValue> args, JsObject newTarget) =>
        Throw.TypeError<JsValue>(DebugName + " is not a constructor");

    /// <summary>The "name" own property if it is a string; for messages and stack traces.</summary>
    public virtual string DebugName
    {
        get
        {
            int slot = _shape.IndexOf("name");
            if (slot >= 0 && (_shape.FlagsAt(slot) & PropertyFlags.Accessor) == 0 && _slots[slot].IsString) return _slots[slot].AsString();
            return "";
        }
    }

    public override string DisplayString() => "function " + DebugName + "() { [native code] }";

    /// <summary>SetFunctionLength (§10.2.9) and SetFunctionName (§10.2.8), in the spec's property order.</summary>
    internal void InitLengthAndName(int length, string name)
    {
        if (ReferenceEquals(_shape, Shape.Empty))
        {
            // The common case (a fresh function): jump straight to the shared shape the two FastSets
            // below would reach, with room for "prototype" and one more property.
            _shape = LengthNameShape;
            _slots = new JsValue[4];
            _slots[0] = JsValue.FromNumber(length);
            _slots[1] = JsValue.FromString(name);
            return;
        }
        FastSet("length", JsValue.FromNumber(length), PropertyFlags.Configurable);
        FastSet("name", JsValue.FromString(name), PropertyFlags.Configurable);
    }

    /// <summary>The shape of a fresh function: "length" then "name" (§10.2.9-10), both configurable only.</summary>
    internal static readonly Shape LengthNameShape =
        Shape.Empty.Add("length", PropertyFlags.Configurable).Add("name", PropertyFlags.Configurable);

    /// <summary>GetPrototypeFromConstructor (§10.1.14): newTarget.prototype, or the intrinsic default from newTarget's realm.</summary>
    internal static JsObject GetPrototypeFromConstructor(JsObject newTarget, Func<Intrinsics, JsObject> fallback)
    {
        var proto = newTarget.Get("prototype");
        if (proto.IsObject) return proto.AsObject();
        return fallback(GetFunctionRealm(newTarget).Intrinsics);
    }

    /// <summary>
    /// GetFunctionRealm (§7.3.24): a bound function's and a proxy's realm is its target's (recursively); a revoked
    /// proxy throws TypeError.
    /// </summary>
    internal static Realm GetFunctionRealm(JsObject obj)
    {
        while (true)
        {
            switch (obj)
            {
                case BoundFunction b: obj = b.Target; continue;
                case JsFunctionProxy p:
                    obj = p.Core.Target ?? Throw.TypeError<JsObject>("Cannot perform 'GetFunctionRealm' on a proxy that has been revoked");
                    continue;
                case JsFunction f: return f.Realm;
                default: throw new InvalidOperationException("newTarget without realm");
            }
        }
    }
}

/// <summary>A builtin function body: receives its realm, the this value and the arguments (no reflection).</summary>
internal delegate JsValue BuiltinMethod(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args);

/// <summary>A builtin constructor body; <paramref name="newTarget"/> is null when called without <c>new</c>.</summary>
internal delegate JsValue BuiltinConstructor(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, JsObject? newTarget);

/// <summary>A built-in function object (§10.3) whose behaviour is a C# static method.</summary>
internal sealed class BuiltinFunction : JsFunction
{
    private readonly BuiltinMethod? _method;
    private readonly BuiltinConstructor? _constructor;
    /// <summary>Realm.Engine, kept here: each call counts its depth there, and one load is cheaper than two dependent ones.</summary>
    private readonly JsEngine _engine;

    public BuiltinFunction(Realm realm, string name, int length, BuiltinMethod method)
        : base(realm, realm.Intrinsics.FunctionPrototype)
    {
        _engine = realm.Engine;
        _method = method;
        InitLengthAndName(length, name);
    }

    public BuiltinFunction(Realm realm, string name, int length, BuiltinConstructor constructor, JsObject? prototype = null)
        : base(realm, prototype ?? realm.Intrinsics.FunctionPrototype)
    {
        _engine = realm.Engine;
        _constructor = constructor;
        InitLengthAndName(length, name);
    }

    /// <summary>For %Function.prototype% itself, created before the intrinsic exists.</summary>
    internal BuiltinFunction(Realm realm, JsObject? prototype, BuiltinMethod method) : base(realm, prototype)
    {
        _engine = realm.Engine;
        _method = method;
    }

    public override bool IsConstructor => _constructor is not null;

    public override JsValue Call(in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var engine = _engine;
        engine.EnterCall();
        try
        {
            return _method is not null ? _method(Realm, thisValue, args) : _constructor!(Realm, thisValue, args, null);
        }
        finally
        {
            engine.ExitCall();
        }
    }

    /// <summary>
    /// [[Call]] from the interpreter loop, the result stored into <paramref name="destination"/> (which may be
    /// one of the argument slots: it is written last). Unlike <see cref="Call"/> there is no try/finally around
    /// the body: when it throws, the call depth stays one too high until Machine.Run, the only place such a
    /// throw can reach first, sets it back from the frames it runs.
    /// </summary>
    internal void CallInto(ref JsValue destination, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var engine = _engine;
        engine.EnterCall();
        JsValue.Copy(ref destination, _method is { } method ? method(Realm, thisValue, args) : _constructor!(Realm, thisValue, args, null));
        engine.ExitCall();
    }

    public override JsValue Construct(ReadOnlySpan<JsValue> args, JsObject newTarget)
    {
        if (_constructor is null) return base.Construct(args, newTarget);
        var engine = _engine;
        engine.EnterCall();
        try
        {
            return _constructor(Realm, JsValue.Undefined, args, newTarget);
        }
        finally
        {
            engine.ExitCall();
        }
    }
}

/// <summary>A bound function exotic object (§10.4.1).</summary>
internal sealed class BoundFunction : JsFunction
{
    public JsFunction Target { get; }
    private readonly JsValue _boundThis;
    private readonly JsValue[] _boundArgs;

    public BoundFunction(Realm realm, JsFunction target, JsValue boundThis, JsValue[] boundArgs)
        : base(realm, target.GetPrototypeOf())
    {
        Target = target;
        _boundThis = boundThis;
        _boundArgs = boundArgs;
    }

    public override bool IsConstructor => Target.IsConstructor;

    private JsValue[] Combine(ReadOnlySpan<JsValue> args)
    {
        var all = new JsValue[_boundArgs.Length + args.Length];
        _boundArgs.CopyTo(all, 0);
        args.CopyTo(all.AsSpan(_boundArgs.Length));
        return all;
    }

    /// <summary>§10.4.1.1 [[Call]].</summary>
    public override JsValue Call(in JsValue thisValue, ReadOnlySpan<JsValue> args) =>
        Target.Call(_boundThis, _boundArgs.Length == 0 ? args : Combine(args));

    /// <summary>§10.4.1.2 [[Construct]]: a new.target equal to the bound function becomes the target.</summary>
    public override JsValue Construct(ReadOnlySpan<JsValue> args, JsObject newTarget) =>
        Target.Construct(_boundArgs.Length == 0 ? args : Combine(args), ReferenceEquals(newTarget, this) ? Target : newTarget);
}

/// <summary>Argument access helpers for builtin bodies: missing arguments read as undefined (§10.3).</summary>
internal static class ArgumentExtensions
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsValue At(this ReadOnlySpan<JsValue> args, int index) => (uint)index < (uint)args.Length ? args[index] : JsValue.Undefined;
}
