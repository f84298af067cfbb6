namespace DualEngine.Engine.Builtins;

/// <summary>
/// The trap logic of a Proxy exotic object (§10.5), shared by the plain and the callable proxy classes.
/// Every internal method follows its §10.5.x algorithm step by step: ValidateNonRevokedProxy first, then
/// GetMethod(handler, trapName) (undefined or null forwards to the target, anything else not callable is a
/// TypeError), then the trap call with the handler as this, then the invariant checks against the target in
/// the spec's order (each target query is observable when the target is itself a proxy). A failed invariant
/// throws a TypeError whose message names the trap and the property, worded like V8's.
/// </summary>
internal sealed class ProxyCore
{
    /// <summary>[[ProxyTarget]]; null once revoked.</summary>
    public JsObject? Target;
    /// <summary>[[ProxyHandler]]; null once revoked.</summary>
    public JsObject? Handler;

    public ProxyCore(JsObject target, JsObject handler)
    {
        Target = target;
        Handler = handler;
    }

    /// <summary>
    /// ValidateNonRevokedProxy (§10.5.14) then GetMethod(handler, name) (§7.3.11). Target and handler are read
    /// before the lookup: a getter on the handler that revokes the proxy does not change what this call uses.
    /// </summary>
    public (JsObject Target, JsObject Handler, JsFunction? Trap) Trap(string name)
    {
        var target = Target;
        var handler = Handler;
        if (handler is null || target is null)
            return Throw.TypeError<(JsObject, JsObject, JsFunction?)>($"Cannot perform '{name}' on a proxy that has been revoked");
        var trap = handler.Get(name);
        if (trap.IsNullish) return (target, handler, null);
        if (trap._ref is not JsFunction f)
            return Throw.TypeError<(JsObject, JsObject, JsFunction?)>($"'{name}' on proxy: trap is not a function ({Conversions.ToDisplay(trap)})");
        return (target, handler, f);
    }

    private static JsValue V(JsObject o) => JsValue.FromObject(o);

    /// <summary>[[GetPrototypeOf]] (§10.5.1).</summary>
    public JsObject? GetPrototypeOf()
    {
        var (target, handler, trap) = Trap("getPrototypeOf");
        if (trap is null) return target.GetPrototypeOf();
        var handlerProto = trap.Call(V(handler), [V(target)]);
        if (!handlerProto.IsObject && !handlerProto.IsNull) Throw.TypeError("'getPrototypeOf' on proxy: trap returned neither object nor null");
        if (target.IsExtensible()) return handlerProto.TryObject;
        var targetProto = target.GetPrototypeOf();
        if (!ReferenceEquals(handlerProto.TryObject, targetProto))
            Throw.TypeError("'getPrototypeOf' on proxy: proxy target is non-extensible but the trap did not return its actual prototype");
        return handlerProto.TryObject;
    }

    /// <summary>[[SetPrototypeOf]] (§10.5.2).</summary>
    public bool SetPrototypeOf(JsObject? proto)
    {
        var (target, handler, trap) = Trap("setPrototypeOf");
        if (trap is null) return target.SetPrototypeOf(proto);
        if (!Conversions.ToBoolean(trap.Call(V(handler), [V(target), proto is null ? JsValue.Null : V(proto)]))) return false;
        if (target.IsExtensible()) return true;
        if (!ReferenceEquals(proto, target.GetPrototypeOf()))
            Throw.TypeError("'setPrototypeOf' on proxy: trap returned truish for setting a new prototype on the non-extensible proxy target");
        return true;
    }

    /// <summary>[[IsExtensible]] (§10.5.3).</summary>
    public bool IsExtensible()
    {
        var (target, handler, trap) = Trap("isExtensible");
        if (trap is null) return target.IsExtensible();
        bool result = Conversions.ToBoolean(trap.Call(V(handler), [V(target)]));
        bool targetResult = target.IsExtensible();
        if (result != targetResult)
            Throw.TypeError($"'isExtensible' on proxy: trap result does not reflect extensibility of proxy target (which is '{(targetResult ? "true" : "false")}')");
        return result;
    }

    /// <summary>[[PreventExtensions]] (§10.5.4).</summary>
    public bool PreventExtensions()
    {
        var (target, handler, trap) = Trap("preventExtensions");
        if (trap is null) return target.PreventExtensions();
        bool result = Conversions.ToBoolean(trap.Call(V(handler), [V(target)]));
        if (result && target.IsExtensible()) Throw.TypeError("'preventExtensions' on proxy: trap returned truish but the proxy target is extensible");
        return result;
    }

    /// <summary>[[GetOwnProperty]] (§10.5.5).</summary>
    public bool GetOwnProperty(in PropertyKey key, out PropertyDescriptor desc)
    {
        var (target, handler, trap) = Trap("getOwnPropertyDescriptor");
        if (trap is null) return target.GetOwnProperty(key, out desc);
        var trapResultObj = trap.Call(V(handler), [V(target), key.ToJsValue()]);
        if (!trapResultObj.IsObject && !trapResultObj.IsUndefined)
            Throw.TypeError($"'getOwnPropertyDescriptor' on proxy: trap returned neither object nor undefined for property '{key}'");
        bool targetHas = target.GetOwnProperty(key, out var targetDesc);
        if (trapResultObj.IsUndefined)
        {
            desc = default;
            if (!targetHas) return false;
            if (!targetDesc.Configurable)
                Throw.TypeError($"'getOwnPropertyDescriptor' on proxy: trap returned undefined for property '{key}' which is non-configurable in the proxy target");
            if (!target.IsExtensible())
                Throw.TypeError($"'getOwnPropertyDescriptor' on proxy: trap returned undefined for property '{key}' which exists in the non-extensible proxy target");
            return false;
        }
        bool extensibleTarget = target.IsExtensible();
        desc = ObjectConstructor.ToPropertyDescriptor(trapResultObj);
        CompletePropertyDescriptor(ref desc);
        if (!IsCompatiblePropertyDescriptor(extensibleTarget, desc, targetHas, targetDesc))
            Throw.TypeError($"'getOwnPropertyDescriptor' on proxy: trap returned descriptor for property '{key}' that is incompatible with the existing property in the proxy target");
        if (!desc.Configurable)
        {
            if (!targetHas || targetDesc.Configurable)
                Throw.TypeError($"'getOwnPropertyDescriptor' on proxy: trap reported non-configurability for property '{key}' which is either non-existent or configurable in the proxy target");
            // A non-configurable data property reported non-writable must be non-writable on the target too
            // (IsCompatiblePropertyDescriptor has already ruled out a target accessor here). The message is V8's, word for word.
            if (desc.HasWritable && !desc.Writable && targetDesc.IsData && targetDesc.Writable)
                Throw.TypeError($"'getOwnPropertyDescriptor' on proxy: trap reported non-configurable and writable for property '{key}' which is non-configurable, non-writable in the proxy target");
        }
        return true;
    }

    /// <summary>CompletePropertyDescriptor (§6.2.6.6).</summary>
    private static void CompletePropertyDescriptor(ref PropertyDescriptor desc)
    {
        if (desc.IsGeneric || desc.IsData)
        {
            if (!desc.HasValue) { desc.Has |= PropertyDescriptor.Fields.Value; desc.Value = JsValue.Undefined; }
            if (!desc.HasWritable) { desc.Has |= PropertyDescriptor.Fields.Writable; desc.Writable = false; }
        }
        else
        {
            if (!desc.HasGet) { desc.Has |= PropertyDescriptor.Fields.Get; desc.Getter = null; }
            if (!desc.HasSet) { desc.Has |= PropertyDescriptor.Fields.Set; desc.Setter = null; }
        }
        if (!desc.HasEnumerable) { desc.Has |= PropertyDescriptor.Fields.Enumerable; desc.Enumerable = false; }
        if (!desc.HasConfigurable) { desc.Has |= PropertyDescriptor.Fields.Configurable; desc.Configurable = false; }
    }

    /// <summary>
    /// IsCompatiblePropertyDescriptor (§10.1.6.2): ValidateAndApplyPropertyDescriptor (§10.1.6.3) with O undefined,
    /// i.e. only its validation steps. <paramref name="current"/> is a complete descriptor (from [[GetOwnProperty]]).
    /// </summary>
    internal static bool IsCompatiblePropertyDescriptor(bool extensible, in PropertyDescriptor desc, bool hasCurrent, in PropertyDescriptor current)
    {
        if (!hasCurrent) return extensible;
        if (desc.Has == PropertyDescriptor.Fields.None) return true;
        if (!current.Configurable)
        {
            if (desc.HasConfigurable && desc.Configurable) return false;
            if (desc.HasEnumerable && desc.Enumerable != current.Enumerable) return false;
            if (!desc.IsGeneric && desc.IsAccessor != current.IsAccessor) return false;
            if (current.IsAccessor)
            {
                if (desc.HasGet && !ReferenceEquals(desc.Getter, current.Getter)) return false;
                if (desc.HasSet && !ReferenceEquals(desc.Setter, current.Setter)) return false;
            }
            else if (!current.Writable)
            {
                if (desc.HasWritable && desc.Writable) return false;
                if (desc.HasValue && !Operators.SameValue(desc.Value, current.Value)) return false;
            }
        }
        return true;
    }

    /// <summary>[[DefineOwnProperty]] (§10.5.6).</summary>
    public bool DefineOwnProperty(in PropertyKey key, in PropertyDescriptor desc)
    {
        var (target, handler, trap) = Trap("defineProperty");
        if (trap is null) return target.DefineOwnProperty(key, desc);
        // FromPropertyDescriptor creates the object in the current realm; the engine has no notion of one at
        // this point, so the trap's realm stands in (the same for every same-realm script).
        var descObj = ObjectConstructor.FromPropertyDescriptor(trap.Realm, desc);
        if (!Conversions.ToBoolean(trap.Call(V(handler), [V(target), key.ToJsValue(), V(descObj)]))) return false;
        bool targetHas = target.GetOwnProperty(key, out var targetDesc);
        bool extensibleTarget = target.IsExtensible();
        bool settingConfigFalse = desc.HasConfigurable && !desc.Configurable;
        if (!targetHas)
        {
            if (!extensibleTarget)
                Throw.TypeError($"'defineProperty' on proxy: trap returned truish for adding property '{key}'  to the non-extensible proxy target");
            if (settingConfigFalse)
                Throw.TypeError($"'defineProperty' on proxy: trap returned truish for defining non-configurable property '{key}' which is either non-existent or configurable in the proxy target");
            return true;
        }
        if (!IsCompatiblePropertyDescriptor(extensibleTarget, desc, true, targetDesc))
            Throw.TypeError($"'defineProperty' on proxy: trap returned truish for adding property '{key}'  that is incompatible with the existing property in the proxy target");
        if (settingConfigFalse && targetDesc.Configurable)
            Throw.TypeError($"'defineProperty' on proxy: trap returned truish for defining non-configurable property '{key}' which is either non-existent or configurable in the proxy target");
        if (targetDesc.IsData && !targetDesc.Configurable && targetDesc.Writable && desc.HasWritable && !desc.Writable)
            Throw.TypeError($"'defineProperty' on proxy: trap returned truish for defining non-configurable property '{key}' which cannot be non-writable, unless there exists a corresponding non-configurable, non-writable own property of the target object.");
        return true;
    }

    /// <summary>[[HasProperty]] (§10.5.7).</summary>
    public bool HasProperty(in PropertyKey key)
    {
        var (target, handler, trap) = Trap("has");
        if (trap is null) return target.HasProperty(key);
        bool result = Conversions.ToBoolean(trap.Call(V(handler), [V(target), key.ToJsValue()]));
        if (!result && target.GetOwnProperty(key, out var targetDesc))
        {
            if (!targetDesc.Configurable)
                Throw.TypeError($"'has' on proxy: trap returned falsish for property '{key}' which exists in the proxy target as non-configurable");
            if (!target.IsExtensible())
                Throw.TypeError($"'has' on proxy: trap returned falsish for property '{key}' but the proxy target is not extensible");
        }
        return result;
    }

    /// <summary>[[Get]] (§10.5.8).</summary>
    public JsValue Get(in PropertyKey key, in JsValue receiver)
    {
        var (target, handler, trap) = Trap("get");
        if (trap is null) return target.Get(key, receiver);
        var trapResult = trap.Call(V(handler), [V(target), key.ToJsValue(), receiver]);
        if (target.GetOwnProperty(key, out var targetDesc) && !targetDesc.Configurable)
        {
            if (targetDesc.IsData && !targetDesc.Writable && !Operators.SameValue(trapResult, targetDesc.Value))
                Throw.TypeError($"'get' on proxy: property '{key}' is a read-only and non-configurable data property on the proxy target but the proxy did not return its actual value (expected '{Conversions.ToDisplay(targetDesc.Value)}' but got '{Conversions.ToDisplay(trapResult)}')");
            if (targetDesc.IsAccessor && targetDesc.Getter is null && !trapResult.IsUndefined)
                Throw.TypeError($"'get' on proxy: property '{key}' is a non-configurable accessor property on the proxy target and does not have a getter function, but the trap did not return 'undefined' (got '{Conversions.ToDisplay(trapResult)}')");
        }
        return trapResult;
    }

    /// <summary>[[Set]] (§10.5.9).</summary>
    public bool Set(in PropertyKey key, in JsValue value, in JsValue receiver)
    {
        var (target, handler, trap) = Trap("set");
        if (trap is null) return target.Set(key, value, receiver);
        if (!Conversions.ToBoolean(trap.Call(V(handler), [V(target), key.ToJsValue(), value, receiver]))) return false;
        if (target.GetOwnProperty(key, out var targetDesc) && !targetDesc.Configurable)
        {
            if (targetDesc.IsData && !targetDesc.Writable && !Operators.SameValue(value, targetDesc.Value))
                Throw.TypeError($"'set' on proxy: trap returned truish for property '{key}' which exists in the proxy target as a non-configurable and non-writable data property with a different value");
            if (targetDesc.IsAccessor && targetDesc.Setter is null)
                Throw.TypeError($"'set' on proxy: trap returned truish for property '{key}' which exists in the proxy target as a non-configurable and non-writable accessor property without a setter");
        }
        return true;
    }

    /// <summary>[[Delete]] (§10.5.10).</summary>
    public bool Delete(in PropertyKey key)
    {
        var (target, handler, trap) = Trap("deleteProperty");
        if (trap is null) return target.Delete(key);
        if (!Conversions.ToBoolean(trap.Call(V(handler), [V(target), key.ToJsValue()]))) return false;
        if (!target.GetOwnProperty(key, out var targetDesc)) return true;
        if (!targetDesc.Configurable)
            Throw.TypeError($"'deleteProperty' on proxy: trap returned truish for property '{key}' which is non-configurable in the proxy target");
        if (!target.IsExtensible())
            Throw.TypeError($"'deleteProperty' on proxy: trap returned truish for property '{key}' but the proxy target is non-extensible");
        return true;
    }

    /// <summary>[[OwnPropertyKeys]] (§10.5.11).</summary>
    public List<PropertyKey> OwnPropertyKeys()
    {
        var (target, handler, trap) = Trap("ownKeys");
        if (trap is null) return target.OwnPropertyKeys();
        var trapResultArray = trap.Call(V(handler), [V(target)]);

        // CreateListFromArrayLike(trapResultArray, property-key) (§7.3.19): each element is type-checked as it is read.
        if (!trapResultArray.IsObject) Throw.TypeError($"CreateListFromArrayLike called on non-object ({Conversions.ToDisplay(trapResultArray)})");
        var arrayLike = trapResultArray.AsObject();
        long len = ArrayOps.Length(arrayLike);
        if (len > 10_000_000) Throw.RangeError("Invalid array length");
        var trapResult = new List<PropertyKey>((int)len);
        var seen = new HashSet<PropertyKey>();
        for (uint i = 0; i < len; i++)
        {
            var next = arrayLike.Get(PropertyKey.FromIndex(i));
            if (next.IsString) trapResult.Add(new PropertyKey(next.AsString()));
            else if (next.IsSymbol) trapResult.Add(new PropertyKey(next.AsSymbol()));
            else Throw.TypeError($"{Conversions.ToDisplay(next)} is not a valid property name");
        }
        // No duplicates (step 9): checked once the whole list has been read.
        foreach (var k in trapResult)
            if (!seen.Add(k)) Throw.TypeError($"'ownKeys' on proxy: trap returned duplicate entries");

        bool extensibleTarget = target.IsExtensible();
        var targetKeys = target.OwnPropertyKeys();
        var targetConfigurableKeys = new List<PropertyKey>();
        var targetNonconfigurableKeys = new List<PropertyKey>();
        foreach (var k in targetKeys)
        {
            if (target.GetOwnProperty(k, out var d) && !d.Configurable) targetNonconfigurableKeys.Add(k);
            else targetConfigurableKeys.Add(k);
        }
        if (extensibleTarget && targetNonconfigurableKeys.Count == 0) return trapResult;

        // uncheckedResultKeys: the set of trap keys (unique by now) not yet matched against a target key.
        var unchecked_ = seen;
        foreach (var k in targetNonconfigurableKeys)
            if (!unchecked_.Remove(k)) Throw.TypeError($"'ownKeys' on proxy: trap result did not include '{k}'");
        if (extensibleTarget) return trapResult;
        foreach (var k in targetConfigurableKeys)
            if (!unchecked_.Remove(k)) Throw.TypeError($"'ownKeys' on proxy: trap result did not include '{k}'");
        if (unchecked_.Count != 0) Throw.TypeError("'ownKeys' on proxy: trap returned extra keys but proxy target is non-extensible");
        return trapResult;
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

/// <summary>
/// A Proxy whose target is callable: adds [[Call]] (§10.5.12), and [[Construct]] (§10.5.13) when the target is a
/// constructor. Both slots are fixed by ProxyCreate (§10.5.15) and stay after revocation, so a revoked proxy still
/// reports IsConstructor true and its [[Construct]] throws the revoked-proxy TypeError.
/// </summary>
internal sealed class JsFunctionProxy(Realm realm, ProxyCore core, bool isConstructor) : JsFunction(realm, null)
{
    public readonly ProxyCore Core = core;
    private readonly bool _isConstructor = isConstructor;
    public override bool IsProxyLike => true;
    public override bool IsConstructor => _isConstructor;
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

    /// <summary>[[Call]] (§10.5.12).</summary>
    public override JsValue Call(in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var (target, handler, trap) = Core.Trap("apply");
        if (trap is null) return ((JsFunction)target).Call(thisValue, args);
        // CreateArrayFromList in the current realm: without a running-realm notion the proxy's realm stands in.
        var arr = new JsArray(Realm.Intrinsics.ArrayPrototype, args.ToArray(), args.Length);
        return trap.Call(JsValue.FromObject(handler), [JsValue.FromObject(target), thisValue, JsValue.FromObject(arr)]);
    }

    /// <summary>[[Construct]] (§10.5.13).</summary>
    public override JsValue Construct(ReadOnlySpan<JsValue> args, JsObject newTarget)
    {
        if (!_isConstructor) return base.Construct(args, newTarget);
        var (target, handler, trap) = Core.Trap("construct");
        if (trap is null) return ((JsFunction)target).Construct(args, newTarget);
        var arr = new JsArray(Realm.Intrinsics.ArrayPrototype, args.ToArray(), args.Length);
        var newObj = trap.Call(JsValue.FromObject(handler), [JsValue.FromObject(target), JsValue.FromObject(arr), JsValue.FromObject(newTarget)]);
        if (!newObj.IsObject) Throw.TypeError($"'construct' on proxy: trap returned non-object ('{Conversions.ToDisplay(newObj)}')");
        return newObj;
    }
}
