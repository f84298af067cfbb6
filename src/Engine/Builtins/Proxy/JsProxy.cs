namespace DualEngine.Engine.Builtins;

/// <summary>
/// The trap logic of a Proxy exotic object (§10.5), shared by the plain and the callable proxy classes.
/// Invariant checks are done for the common cases (non-configurable / non-extensible targets on get,
/// has, getOwnPropertyDescriptor); the full set of §10.5 invariants is not yet enforced.
/// </summary>
internal sealed class ProxyCore
{
    public JsObject? Target;
    public JsObject? Handler;

    public ProxyCore(JsObject target, JsObject handler)
    {
        Target = target;
        Handler = handler;
    }

    public (JsObject Target, JsFunction? Trap) Trap(string name)
    {
        if (Handler is null || Target is null) Throw.TypeError($"Cannot perform '{name}' on a proxy that has been revoked");
        var trap = Handler!.Get(name);
        if (trap.IsNullish) return (Target!, null);
        if (trap._ref is not JsFunction f) return Throw.TypeError<(JsObject, JsFunction?)>($"'{name}' on proxy: trap is not a function");
        return (Target!, f);
    }

    private JsValue H => JsValue.FromObject(Handler!);

    public JsObject? GetPrototypeOf()
    {
        var (target, trap) = Trap("getPrototypeOf");
        if (trap is null) return target.GetPrototypeOf();
        var r = trap.Call(H, [JsValue.FromObject(target)]);
        if (!r.IsObject && !r.IsNull) Throw.TypeError("'getPrototypeOf' on proxy: trap returned neither object nor null");
        return r.TryObject;
    }

    public bool SetPrototypeOf(JsObject? proto)
    {
        var (target, trap) = Trap("setPrototypeOf");
        if (trap is null) return target.SetPrototypeOf(proto);
        return Conversions.ToBoolean(trap.Call(H, [JsValue.FromObject(target), proto is null ? JsValue.Null : JsValue.FromObject(proto)]));
    }

    public bool IsExtensible()
    {
        var (target, trap) = Trap("isExtensible");
        if (trap is null) return target.IsExtensible();
        bool result = Conversions.ToBoolean(trap.Call(H, [JsValue.FromObject(target)]));
        if (result != target.IsExtensible()) Throw.TypeError("'isExtensible' on proxy: trap result does not reflect extensibility of proxy target");
        return result;
    }

    public bool PreventExtensions()
    {
        var (target, trap) = Trap("preventExtensions");
        if (trap is null) return target.PreventExtensions();
        bool result = Conversions.ToBoolean(trap.Call(H, [JsValue.FromObject(target)]));
        if (result && target.IsExtensible()) Throw.TypeError("'preventExtensions' on proxy: trap returned truish but the proxy target is extensible");
        return result;
    }

    public bool GetOwnProperty(in PropertyKey key, out PropertyDescriptor desc)
    {
        var (target, trap) = Trap("getOwnPropertyDescriptor");
        if (trap is null) return target.GetOwnProperty(key, out desc);
        var r = trap.Call(H, [JsValue.FromObject(target), key.ToJsValue()]);
        bool targetHas = target.GetOwnProperty(key, out var targetDesc);
        if (r.IsUndefined)
        {
            if (targetHas && !targetDesc.Configurable) Throw.TypeError($"'getOwnPropertyDescriptor' on proxy: trap returned undefined for property '{key}' which is non-configurable in the proxy target");
            desc = default;
            return false;
        }
        if (!r.IsObject) Throw.TypeError("'getOwnPropertyDescriptor' on proxy: trap returned neither object nor undefined");
        desc = ObjectConstructor.ToPropertyDescriptor(r);
        // CompletePropertyDescriptor (§6.2.6.6)
        if (!desc.IsAccessor)
        {
            if (!desc.HasValue) { desc.Has |= PropertyDescriptor.Fields.Value; desc.Value = JsValue.Undefined; }
            if (!desc.HasWritable) desc.Has |= PropertyDescriptor.Fields.Writable;
        }
        else
        {
            desc.Has |= PropertyDescriptor.Fields.Get | PropertyDescriptor.Fields.Set;
        }
        desc.Has |= PropertyDescriptor.Fields.Enumerable | PropertyDescriptor.Fields.Configurable;
        return true;
    }

    public bool DefineOwnProperty(in PropertyKey key, in PropertyDescriptor desc)
    {
        var (target, trap) = Trap("defineProperty");
        if (trap is null) return target.DefineOwnProperty(key, desc);
        var realm = ((JsFunction)trap).Realm;
        return Conversions.ToBoolean(trap.Call(H, [JsValue.FromObject(target), key.ToJsValue(), JsValue.FromObject(ObjectConstructor.FromPropertyDescriptor(realm, desc))]));
    }

    public bool HasProperty(in PropertyKey key)
    {
        var (target, trap) = Trap("has");
        if (trap is null) return target.HasProperty(key);
        bool result = Conversions.ToBoolean(trap.Call(H, [JsValue.FromObject(target), key.ToJsValue()]));
        if (!result && target.GetOwnProperty(key, out var d) && !d.Configurable)
            Throw.TypeError($"'has' on proxy: trap returned falsish for property '{key}' which exists in the proxy target as non-configurable");
        return result;
    }

    public JsValue Get(in PropertyKey key, in JsValue receiver)
    {
        var (target, trap) = Trap("get");
        if (trap is null) return target.Get(key, receiver);
        var v = trap.Call(H, [JsValue.FromObject(target), key.ToJsValue(), receiver]);
        if (target.GetOwnProperty(key, out var d) && !d.Configurable && d.IsData && !d.Writable && !Operators.SameValue(v, d.Value))
            Throw.TypeError($"'get' on proxy: property '{key}' is a read-only and non-configurable data property on the proxy target but the proxy did not return its actual value");
        return v;
    }

    public bool Set(in PropertyKey key, in JsValue value, in JsValue receiver)
    {
        var (target, trap) = Trap("set");
        if (trap is null) return target.Set(key, value, receiver);
        return Conversions.ToBoolean(trap.Call(H, [JsValue.FromObject(target), key.ToJsValue(), value, receiver]));
    }

    public bool Delete(in PropertyKey key)
    {
        var (target, trap) = Trap("deleteProperty");
        if (trap is null) return target.Delete(key);
        return Conversions.ToBoolean(trap.Call(H, [JsValue.FromObject(target), key.ToJsValue()]));
    }

    public List<PropertyKey> OwnPropertyKeys()
    {
        var (target, trap) = Trap("ownKeys");
        if (trap is null) return target.OwnPropertyKeys();
        var r = trap.Call(H, [JsValue.FromObject(target)]);
        var list = new List<PropertyKey>();
        foreach (var v in FunctionConstructor.CreateListFromArrayLike(r))
        {
            if (!v.IsString && !v.IsSymbol) Throw.TypeError("proxy [[OwnPropertyKeys]] must return an array with only string and symbol elements");
            list.Add(v.IsString ? new PropertyKey(v.AsString()) : new PropertyKey(v.AsSymbol()));
        }
        return list;
    }
}

/// <summary>A Proxy whose target is not callable (§10.5).</summary>
internal sealed class JsProxy(ProxyCore core) : JsObject(null)
{
    public readonly ProxyCore Core = core;
    public JsObject? Target => Core.Target;
    public override bool IsProxyLike => true;
    public override string ClassName => Core.Target?.ClassName ?? "Object";
    public override JsObject? GetPrototypeOf() => Core.GetPrototypeOf();
    public override bool SetPrototypeOf(JsObject? proto) => Core.SetPrototypeOf(proto);
    public override bool IsExtensible() => Core.IsExtensible();
    public override bool PreventExtensions() => Core.PreventExtensions();
    public override bool GetOwnProperty(in PropertyKey key, out PropertyDescriptor desc) => Core.GetOwnProperty(key, out desc);
    public override bool DefineOwnProperty(in PropertyKey key, in PropertyDescriptor desc) => Core.DefineOwnProperty(key, desc);
    public override bool HasProperty(in PropertyKey key) => Core.HasProperty(key);
    public override JsValue Get(in PropertyKey key, in JsValue receiver) => Core.Get(key, receiver);
    public override bool Set(in PropertyKey key, in JsValue value, in JsValue receiver) => Core.Set(key, value, receiver);
    public override bool Delete(in PropertyKey key) => Core.Delete(key);
    public override List<PropertyKey> OwnPropertyKeys() => Core.OwnPropertyKeys();
}

/// <summary>A Proxy whose target is callable: adds [[Call]] / [[Construct]] traps (§10.5.12-13).</summary>
internal sealed class JsFunctionProxy(Realm realm, ProxyCore core) : JsFunction(realm, null)
{
    public readonly ProxyCore Core = core;
    public override bool IsProxyLike => true;
    public override bool IsConstructor => Core.Target is JsFunction { IsConstructor: true };
    public override JsObject? GetPrototypeOf() => Core.GetPrototypeOf();
    public override bool SetPrototypeOf(JsObject? proto) => Core.SetPrototypeOf(proto);
    public override bool IsExtensible() => Core.IsExtensible();
    public override bool PreventExtensions() => Core.PreventExtensions();
    public override bool GetOwnProperty(in PropertyKey key, out PropertyDescriptor desc) => Core.GetOwnProperty(key, out desc);
    public override bool DefineOwnProperty(in PropertyKey key, in PropertyDescriptor desc) => Core.DefineOwnProperty(key, desc);
    public override bool HasProperty(in PropertyKey key) => Core.HasProperty(key);
    public override JsValue Get(in PropertyKey key, in JsValue receiver) => Core.Get(key, receiver);
    public override bool Set(in PropertyKey key, in JsValue value, in JsValue receiver) => Core.Set(key, value, receiver);
    public override bool Delete(in PropertyKey key) => Core.Delete(key);
    public override List<PropertyKey> OwnPropertyKeys() => Core.OwnPropertyKeys();

    public override JsValue Call(in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var (target, trap) = Core.Trap("apply");
        if (trap is null) return ((JsFunction)target).Call(thisValue, args);
        var arr = new JsArray(Realm.Intrinsics.ArrayPrototype, args.ToArray(), args.Length);
        return trap.Call(JsValue.FromObject(Core.Handler!), [JsValue.FromObject(target), thisValue, JsValue.FromObject(arr)]);
    }

    public override JsValue Construct(ReadOnlySpan<JsValue> args, JsObject newTarget)
    {
        var (target, trap) = Core.Trap("construct");
        if (trap is null) return ((JsFunction)target).Construct(args, newTarget);
        var arr = new JsArray(Realm.Intrinsics.ArrayPrototype, args.ToArray(), args.Length);
        var result = trap.Call(JsValue.FromObject(Core.Handler!), [JsValue.FromObject(target), JsValue.FromObject(arr), JsValue.FromObject(newTarget)]);
        if (!result.IsObject) Throw.TypeError("proxy [[Construct]] must return an object");
        return result;
    }
}
