using DualEngine.Engine.Compiler;

namespace DualEngine.Engine.Interpreter;

/// <summary>Property and global access slow paths, with inline-cache refills (§13.3.2, §9.1.1.4 global environment).</summary>
internal sealed partial class Machine
{
    // ---- globals: top-level let/const first, then the global object ----

    private static JsValue LoadGlobal(Realm realm, in PropertyKey key, PropertyCache cache, bool throwIfMissing)
    {
        var global = realm.GlobalObject;
        if (cache.Epoch == realm.LexicalEpoch)
        {
            if (cache.Box is GlobalLexical box)
            {
                if (box.Value.IsEmpty) ThrowTdz(key);
                return box.Value;
            }
            if (ReferenceEquals(global._shape, cache.Shape)) return global._slots[cache.Slot];
        }
        if (realm.GlobalLexicals.TryGetValue(key.Name, out var lex))
        {
            cache.Box = lex;
            cache.Epoch = realm.LexicalEpoch;
            if (lex.Value.IsEmpty) ThrowTdz(key);
            return lex.Value;
        }
        int slot = global._shape.IndexOf(key);
        if (slot >= 0 && (global._shape.FlagsAt(slot) & PropertyFlags.Accessor) == 0)
        {
            cache.Box = null;
            cache.Shape = global._shape;
            cache.Slot = slot;
            cache.Epoch = realm.LexicalEpoch;
            return global._slots[slot];
        }
        if (!global.HasProperty(key))
            return throwIfMissing ? Throw.ReferenceError<JsValue>(key + " is not defined") : JsValue.Undefined;
        return global.Get(key);
    }

    private static void StoreGlobal(Realm realm, in PropertyKey key, in JsValue value, bool strict, PropertyCache cache)
    {
        if (cache.Epoch == realm.LexicalEpoch)
        {
            if (cache.Box is GlobalLexical box && !box.IsConst && !box.Value.IsEmpty)
            {
                box.Value = value;
                return;
            }
            if (cache.Box is null && ReferenceEquals(realm.GlobalObject._shape, cache.Shape))
            {
                realm.GlobalObject._slots[cache.Slot] = value;
                return;
            }
        }
        if (realm.GlobalLexicals.TryGetValue(key.Name, out var lex))
        {
            cache.Box = lex;
            cache.Epoch = realm.LexicalEpoch;
            if (lex.Value.IsEmpty) ThrowTdz(key);
            if (lex.IsConst) Throw.TypeError("Assignment to constant variable.");
            lex.Value = value;
            return;
        }
        var global = realm.GlobalObject;
        int slot = global._shape.IndexOf(key);
        if (slot >= 0 && (global._shape.FlagsAt(slot) & (PropertyFlags.Accessor | PropertyFlags.Writable)) == PropertyFlags.Writable)
        {
            global._slots[slot] = value;
            cache.Box = null;
            cache.Shape = global._shape;
            cache.Slot = slot;
            cache.Epoch = realm.LexicalEpoch;
            return;
        }
        if (strict && !global.HasProperty(key)) Throw.ReferenceError(key + " is not defined");
        if (!global.Set(key, value, JsValue.FromObject(global)) && strict)
            Throw.TypeError($"Cannot assign to read only property '{key}' of object");
    }

    /// <summary>HasBinding of an object environment with withEnvironment true (§9.1.1.2.1): the property exists and is not unscopable.</summary>
    private static bool WithHas(JsObject obj, in PropertyKey key)
    {
        if (!obj.HasProperty(key)) return false;
        var unscopables = obj.Get(WellKnownSymbols.Unscopables);
        return !(unscopables.IsObject && Conversions.ToBoolean(unscopables.AsObject().Get(key)));
    }

    /// <summary>GetBindingValue of an object environment (§9.1.1.2.6): HasProperty, then Get (undefined or ReferenceError when gone).</summary>
    private static JsValue WithGetBindingValue(JsObject obj, in PropertyKey key, bool strict)
    {
        if (!obj.HasProperty(key))
        {
            if (strict) Throw.ReferenceError(key + " is not defined");
            return JsValue.Undefined;
        }
        return obj.Get(key, JsValue.FromObject(obj));
    }

    /// <summary>SetMutableBinding of an object environment (§9.1.1.2.5): HasProperty (ReferenceError when gone in strict code), then Set.</summary>
    private static void WithSetMutableBinding(JsObject obj, in PropertyKey key, in JsValue value, bool strict)
    {
        if (!obj.HasProperty(key) && strict) Throw.ReferenceError(key + " is not defined");
        if (!obj.Set(key, value, JsValue.FromObject(obj)) && strict)
            Throw.TypeError($"Cannot assign to read only property '{key}' of object");
    }

    // ---- named and keyed access ----

    /// <summary>The prototype used for property lookups on a primitive (§7.1.18 ToObject without allocating a wrapper).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // also read by the interpreter loop's primitive method cache
    private static JsObject PrimitivePrototype(Realm realm, in JsValue v) => v._tag switch
    {
        JsValue.Tag.String => realm.Intrinsics.StringPrototype,
        JsValue.Tag.Number => realm.Intrinsics.NumberPrototype,
        JsValue.Tag.Boolean => realm.Intrinsics.BooleanPrototype,
        JsValue.Tag.Symbol => realm.Intrinsics.SymbolPrototype,
        _ => realm.Intrinsics.BigIntPrototype,
    };

    internal static JsValue GetNamedSlow(Realm realm, in JsValue obj, in PropertyKey key, PropertyCache? cache)
    {
        // Primitive receivers first (`s.indexOf(...)`, `n.toFixed(...)`): a method cached on the prototype they
        // borrow. Then the own "length" of a String value (§10.4.3.5 via §7.3.2 GetV) or an array, never cached,
        // answered before the generic [[Get]], which would walk the exotic [[GetOwnProperty]] every time.
        JsValue value = default;
        if (cache is not null && TryReadPrimitiveCached(realm, obj, cache, ref value)) return value;
        if (key.IsLength && TryReadLength(obj, ref value)) return value;
        if (obj._ref is JsObject o)
        {
            if (cache is not null)
            {
                int slot = o._shape.IndexOf(key);
                if (slot >= 0 && (o._shape.FlagsAt(slot) & PropertyFlags.Accessor) == 0)
                {
                    cache.Shape = o._shape;
                    cache.Slot = slot;
                    cache.Holder = null;
                    return o._slots[slot];
                }
                if (slot < 0) TryCacheOnPrototype(o, key, cache);
            }
            return o.Get(key, obj);
        }
        if (cache is not null && !obj.IsNullish) TryCachePrimitiveMethod(realm, obj, key, cache);
        return GetFromPrimitive(realm, obj, key);
    }

    /// <summary>
    /// Caches a data property of the prototype a primitive borrows (String.prototype.indexOf for "s".indexOf):
    /// valid while that prototype keeps its shape. Keys a string has itself (indices, "length") are never cached.
    /// </summary>
    private static void TryCachePrimitiveMethod(Realm realm, in JsValue obj, in PropertyKey key, PropertyCache cache)
    {
        if (key.IsArrayIndex || (!key.IsSymbol && key.Name == "length")) return;
        var proto = PrimitivePrototype(realm, obj);
        int slot = proto._shape.IndexOf(key);
        if (slot < 0 || (proto._shape.FlagsAt(slot) & PropertyFlags.Accessor) != 0) return;
        cache.Shape = Shape.PrimitiveReceiver;
        cache.Holder = proto;
        cache.HolderShape = proto._shape;
        cache.Slot = slot;
    }

    /// <summary>
    /// Caches a data property found on the receiver's direct prototype (methods on class and builtin
    /// prototypes). Valid while the receiver keeps its shape and prototype and the holder its shape; the
    /// receiver must not be in dictionary mode (it could gain the key without a shape change) and exotic
    /// own properties (array indices, "length") are never cached.
    /// </summary>
    private static void TryCacheOnPrototype(JsObject o, in PropertyKey key, PropertyCache cache)
    {
        var proto = o._prototype;
        if (proto is null || o._shape.IsDictionary || o.IsProxyLike || proto.IsProxyLike || key.IsArrayIndex) return;
        if (!key.IsSymbol && key.Name == "length") return;
        int slot = proto._shape.IndexOf(key);
        if (slot < 0 || (proto._shape.FlagsAt(slot) & PropertyFlags.Accessor) != 0) return;
        cache.Shape = o._shape;
        cache.Holder = proto;
        cache.HolderShape = proto._shape;
        cache.Slot = slot;
    }

    private static JsValue GetFromPrimitive(Realm realm, in JsValue obj, in PropertyKey key)
    {
        if (obj.IsNullish)
            Throw.TypeError($"Cannot read properties of {Conversions.ToString(obj)} (reading '{key}')");
        if (obj.IsString)
        {
            if (key.IsArrayIndex)
            {
                var s = obj.AsString();
                if (key.Index < (uint)s.Length) return JsValue.FromString(CharStrings.Get(s[(int)key.Index]));
            }
            else if (!key.IsSymbol && key.Name == "length") return JsValue.FromNumber(obj.StringLength);
        }
        return PrimitivePrototype(realm, obj).Get(key, obj);
    }

    private static void SetNamedSlow(Realm realm, in JsValue obj, in PropertyKey key, in JsValue value, PropertyCache? cache, bool strict)
    {
        if (obj._ref is JsObject o)
        {
            var before = o._shape;
            bool addable = cache is not null && CanCacheAdd(o, key);
            bool ok = o.Set(key, value, obj);
            if (!ok)
            {
                if (strict) Throw.TypeError($"Cannot assign to read only property '{key}' of object '{Conversions.ToDisplay(obj)}'");
                return;
            }
            if (cache is not null)
            {
                int slot = o._shape.IndexOf(key);
                if (addable && slot == before.Count && !o._shape.IsDictionary && o._shape.Count == slot + 1 && o._shape.FlagsAt(slot) == PropertyFlags.Default)
                {
                    // The assignment added the property: remember the transition (see TryAddCached).
                    var proto = o._prototype!;
                    cache.Shape = before;
                    cache.NewShape = o._shape;
                    cache.Slot = slot;
                    cache.Holder = proto;
                    cache.HolderShape = proto._shape;
                    cache.Holder2 = proto._prototype;
                    cache.Holder2Shape = proto._prototype?._shape;
                }
                else if (slot >= 0 && (o._shape.FlagsAt(slot) & (PropertyFlags.Accessor | PropertyFlags.Writable)) == PropertyFlags.Writable)
                {
                    cache.Shape = o._shape;
                    cache.Slot = slot;
                    cache.Holder = null;
                    cache.NewShape = null;
                }
            }
            return;
        }
        if (obj.IsNullish) Throw.TypeError($"Cannot set properties of {Conversions.ToString(obj)} (setting '{key}')");
        bool done = PrimitivePrototype(realm, obj).Set(key, value, obj);
        if (!done && strict) Throw.TypeError($"Cannot create property '{key}' on {Operators.TypeOf(obj)} '{Conversions.ToString(obj)}'");
    }

    /// <summary>
    /// Can an assignment that adds <paramref name="key"/> to <paramref name="o"/> be replayed from a cache
    /// as a plain shape transition? Only when [[Set]] (§10.1.9.2) would find nothing on the way: an
    /// ordinary extensible object (exactly <see cref="JsObject"/>: exotic objects can share its shape) in shared-shape mode without the key, whose prototype chain is one or
    /// two ordinary objects in shared-shape mode without the key (their shapes then prove, at each hit,
    /// that no setter or read-only property of that name appeared since).
    /// </summary>
    private static bool CanCacheAdd(JsObject o, in PropertyKey key)
    {
        if (key.IsArrayIndex || o.GetType() != typeof(JsObject) || !o._extensible || o._shape.IsDictionary) return false;
        if (o._shape.IndexOf(key) >= 0) return false;
        var p1 = o._prototype;
        if (p1 is null || !IsPlainPrototype(p1, key)) return false;
        var p2 = p1._prototype;
        return p2 is null || (p2._prototype is null && IsPlainPrototype(p2, key));
    }

    private static bool IsPlainPrototype(JsObject p, in PropertyKey key) =>
        !p._shape.IsDictionary && !p.IsExoticStorageForCache && !p.IsProxyLike && p._shape.IndexOf(key) < 0;

    /// <summary>The hit path of an add-property cache filled by <see cref="SetNamedSlow"/>.</summary>
    /// <remarks>Not inlined: every local inlined into Dispatch competes for the JIT's tracked-locals budget.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryAddCached(JsObject o, PropertyCache cache, in JsValue value)
    {
        var newShape = cache.NewShape;
        if (newShape is null || !o._extensible || o.GetType() != typeof(JsObject)) return false;
        var p1 = cache.Holder!;
        if (!ReferenceEquals(o._prototype, p1) || !ReferenceEquals(p1._shape, cache.HolderShape)) return false;
        var p2 = cache.Holder2;
        if (!ReferenceEquals(p1._prototype, p2)) return false;
        if (p2 is not null && (!ReferenceEquals(p2._shape, cache.Holder2Shape) || p2._prototype is not null)) return false;
        int slot = cache.Slot;
        if (slot == o._slots.Length) Array.Resize(ref o._slots, slot == 0 ? 4 : slot * 2);
        o._slots[slot] = value;
        o._shape = newShape;
        return true;
    }

    internal static JsValue GetElemSlow(Realm realm, in JsValue obj, in JsValue keyValue)
    {
        // GetValue's ToObject(base) comes before the key is converted (§6.2.5.5; §13.3.3 leaves the key as a value), so a
        // nullish base throws without calling an object key's toString; the message names a primitive key only, as node's.
        if (obj.IsNullish)
            Throw.TypeError(keyValue.IsObject
                ? $"Cannot read properties of {Conversions.ToString(obj)}"
                : $"Cannot read properties of {Conversions.ToString(obj)} (reading '{(keyValue.IsSymbol ? keyValue.AsSymbol().ToString() : Conversions.ToString(keyValue))}')");
        if (obj.IsString && Conversions.TryGetArrayIndex(keyValue, out uint index))
        {
            var s = obj.AsString();
            if (index < (uint)s.Length) return JsValue.FromString(CharStrings.Get(s[(int)index]));
        }
        var key = Conversions.ToPropertyKey(keyValue);
        return obj._ref is JsObject o ? o.Get(key, obj) : GetFromPrimitive(realm, obj, key);
    }

    private static void SetElemSlow(Realm realm, in JsValue obj, in JsValue keyValue, in JsValue value, bool strict)
    {
        if (obj.IsNullish)
            Throw.TypeError($"Cannot set properties of {Conversions.ToString(obj)} (setting '{Conversions.ToDisplay(keyValue)}')");
        var key = Conversions.ToPropertyKey(keyValue);
        SetNamedSlow(realm, obj, key, value, null, strict);
    }

    /// <summary>The delete operator on a property reference (§13.5.1.2 step 5).</summary>
    private static JsValue DeleteProperty(Realm realm, in JsValue obj, in PropertyKey key, bool strict)
    {
        var target = Conversions.ToObject(realm, obj);
        bool ok = target.Delete(key);
        if (!ok && strict) Throw.TypeError($"Cannot delete property '{key}' of {Conversions.ToDisplay(obj)}");
        return JsValue.FromBoolean(ok);
    }

    // ---- object literal and class definitions ----

    private static void DefineFieldElem(JsObject obj, in JsValue key, in JsValue value, bool setName)
    {
        var k = Conversions.ToPropertyKey(key);
        if (setName && value._ref is JsClosure f) SetFunctionName(f, k, null);
        obj.DefineOwnProperty(k, PropertyDescriptor.Data(value));
    }

    /// <summary>SetFunctionName (§10.2.9) for functions named by a computed key.</summary>
    private static void SetFunctionName(JsFunction f, in PropertyKey key, string? prefix)
    {
        string name = key.IsSymbol ? (key.Symbol.Description is { } d ? "[" + d + "]" : "") : key.Name;
        if (key.IsSymbol && key.Symbol.IsPrivate) name = key.Symbol.Description ?? "";
        if (prefix is not null) name = prefix + " " + name;
        f.FastSet("name", JsValue.FromString(name), PropertyFlags.Configurable);
    }

    private static void DefineAccessor(JsObject obj, in JsValue keyValue, JsFunction fn, int flags)
    {
        var key = Conversions.ToPropertyKey(keyValue);
        bool setter = (flags & 1) != 0;
        if (fn is JsClosure c)
        {
            c.HomeObject = obj;
            if (c.DebugName.Length == 0 || keyValue.IsSymbol || c.DebugName != (setter ? "set " : "get ") + Conversions.ToString(keyValue.IsSymbol ? JsValue.Undefined : keyValue))
                SetFunctionName(c, key, setter ? "set" : "get");
        }
        var desc = new PropertyDescriptor
        {
            Has = (setter ? PropertyDescriptor.Fields.Set : PropertyDescriptor.Fields.Get) | PropertyDescriptor.Fields.Enumerable | PropertyDescriptor.Fields.Configurable,
            Enumerable = (flags & 2) != 0,
            Configurable = true,
        };
        if (setter) desc.Setter = fn; else desc.Getter = fn;
        if (!obj.DefineOwnProperty(key, desc)) Throw.TypeError($"Cannot redefine property: {key}");
    }

    private static void DefineMethod(JsObject obj, in JsValue keyValue, JsClosure fn, bool enumerable)
    {
        var key = Conversions.ToPropertyKey(keyValue);
        fn.HomeObject = obj;
        if (fn.DebugName.Length == 0) SetFunctionName(fn, key, null);
        // DefineMethodProperty uses DefinePropertyOrThrow (§10.2.8): `static prototype() {}` on a class is a TypeError.
        if (!obj.DefineOwnProperty(key, PropertyDescriptor.Data(JsValue.FromObject(fn), enumerable ? PropertyFlags.Default : PropertyFlags.Hidden)))
            Throw.TypeError($"Cannot redefine property: {key}");
    }

    /// <summary>DefineField (§7.3.33): CreateDataPropertyOrThrow on the instance.</summary>
    private static void DefineClassField(in JsValue target, in JsValue keyValue, in JsValue value)
    {
        var key = Conversions.ToPropertyKey(keyValue);
        if (value._ref is JsClosure { } f && f.DebugName.Length == 0) SetFunctionName(f, key, null);
        if (!target.AsObject().DefineOwnProperty(key, PropertyDescriptor.Data(value)))
            Throw.TypeError($"Cannot redefine property: {key}");
    }

    /// <summary>CopyDataProperties (§7.3.25) for object spread and rest.</summary>
    internal static void CopyDataProperties(Realm realm, JsObject target, in JsValue source, ReadOnlySpan<JsValue> excluded)
    {
        if (source.IsNullish) return;
        var from = Conversions.ToObject(realm, source);
        foreach (var key in from.OwnPropertyKeys())
        {
            bool skip = false;
            foreach (var ex in excluded)
                if (Operators.SameValue(ex, key.ToJsValue())) { skip = true; break; }
            if (skip) continue;
            if (from.GetOwnProperty(key, out var desc) && desc.Enumerable)
                target.DefineOwnProperty(key, PropertyDescriptor.Data(from.Get(key, source)));
        }
    }

    /// <summary>super[key] (§13.3.7.3): look up on the home object's prototype with the current this as receiver.</summary>
    private static JsValue SuperGet(in JsValue thisValue, in JsValue keyValue, in JsValue home)
    {
        if (thisValue.IsEmpty) ThrowTdz("this");
        // GetSuperBase before the key's ToPropertyKey, which may run code that changes the prototype (GetValue, §6.2.5.5).
        var baseObj = home.AsObject().GetPrototypeOf();
        if (baseObj is null) Throw.TypeError($"Cannot read properties of null (reading '{SuperKeyForMessage(keyValue)}')");
        return baseObj!.Get(Conversions.ToPropertyKey(keyValue), thisValue);
    }

    /// <summary>super[key] = value (PutValue, §6.2.5.6): a failed [[Set]] throws only in strict code.</summary>
    private static void SuperSet(in JsValue thisValue, in JsValue keyValue, in JsValue value, in JsValue home, bool strict)
    {
        if (thisValue.IsEmpty) ThrowTdz("this");
        var baseObj = home.AsObject().GetPrototypeOf();
        if (baseObj is null) Throw.TypeError($"Cannot set properties of null (setting '{SuperKeyForMessage(keyValue)}')");
        var key = Conversions.ToPropertyKey(keyValue);
        if (!baseObj!.Set(key, value, thisValue) && strict) Throw.TypeError($"Cannot assign to read only property '{key}' of object");
    }

    /// <summary>A super property's key for an error message, without converting it (that would run code before the throw).</summary>
    private static string SuperKeyForMessage(in JsValue keyValue) =>
        keyValue.IsString ? keyValue.AsString() : keyValue.IsNumber ? Conversions.ToString(keyValue) : "a computed key";

    /// <summary>Spread into an array literal or argument list: each element is defined (CreateDataPropertyOrThrow, §13.2.4.1), never assigned through Array.prototype.</summary>
    private static void SpreadInto(Realm realm, JsArray target, in JsValue iterable)
    {
        if (iterable._ref is JsArray source && source.IsDense && IteratorRecord.HasDefaultArrayIteration(realm, source))
        {
            for (uint i = 0; i < source.Length; i++)
                target.AppendLiteral(source.TryGetDense(i, out var v) ? v : JsValue.Undefined);
            return;
        }
        var rec = IteratorRecord.From(realm, iterable);
        while (rec.Step(out var value)) target.AppendLiteral(value);
    }

    /// <summary>GetTemplateObject (§13.2.8.4): one frozen strings array (with a frozen .raw) per site and realm.</summary>
    private static JsValue GetTemplateObject(Realm realm, TemplateSite site)
    {
        if (site.Cached is not null && ReferenceEquals(site.CachedRealm, realm)) return JsValue.FromObject(site.Cached);
        var proto = realm.Intrinsics.ArrayPrototype;
        var cooked = new JsArray(proto);
        var raw = new JsArray(proto);
        for (int i = 0; i < site.Raw.Count; i++)
        {
            cooked.Push(site.Cooked[i] is { } c ? JsValue.FromString(c) : JsValue.Undefined);
            raw.Push(JsValue.FromString(site.Raw[i]));
        }
        Builtins.ObjectConstructorFunctions.SetIntegrityLevel(raw, frozen: true);
        cooked.FastSet("raw", JsValue.FromObject(raw), PropertyFlags.None);
        Builtins.ObjectConstructorFunctions.SetIntegrityLevel(cooked, frozen: true);
        site.Cached = cooked;
        site.CachedRealm = realm;
        return JsValue.FromObject(cooked);
    }

    private static JsValue IncDec(in JsValue v, int delta)
    {
        var n = Conversions.ToNumeric(v);
        if (n.IsBigInt) return JsValue.FromBigInt(n.AsBigInt().Value + delta);
        return JsValue.FromNumber(n._number + delta);
    }

    // ---- private names (§7.3.31-32 PrivateGet/PrivateSet, §7.3.28 PrivateFieldAdd) ----
    // Private elements live in the object's own slots and are found without any internal method, so a
    // Proxy never forwards them (it has no slots of its own) and non-extensible objects can still get them.

    internal static bool PrivateFind(in JsValue obj, JsSymbol name, out JsObject o, out int slot)
    {
        o = obj._ref as JsObject ?? null!;
        slot = o is null ? -1 : o._shape.IndexOf(name);
        return slot >= 0;
    }

    private static JsValue PrivateGet(in JsValue obj, JsSymbol name)
    {
        if (!PrivateFind(obj, name, out var o, out int slot))
            return Throw.TypeError<JsValue>($"Cannot read private member {name.Description} from an object whose class did not declare it");
        if ((o._shape.FlagsAt(slot) & PropertyFlags.Accessor) != 0)
        {
            var getter = ((AccessorPair)o._slots[slot]._ref!).Getter;
            if (getter is null) Throw.TypeError($"'{name.Description}' was defined without a getter");
            return getter!.Call(obj, ReadOnlySpan<JsValue>.Empty);
        }
        return o._slots[slot];
    }

    private static void PrivateSet(in JsValue obj, JsSymbol name, in JsValue value)
    {
        if (!PrivateFind(obj, name, out var o, out int slot))
        {
            Throw.TypeError($"Cannot write private member {name.Description} to an object whose class did not declare it");
            return;
        }
        var flags = o._shape.FlagsAt(slot);
        if ((flags & PropertyFlags.Accessor) != 0)
        {
            var setter = ((AccessorPair)o._slots[slot]._ref!).Setter;
            if (setter is null) Throw.TypeError($"'{name.Description}' was defined without a setter");
            setter!.Call(obj, new ReadOnlySpan<JsValue>(in value));
            return;
        }
        if ((flags & PropertyFlags.Writable) == 0) Throw.TypeError($"Private method {name.Description} is not writable");
        o._slots[slot] = value;
    }

    internal static bool PrivateHas(in JsValue obj, JsSymbol name) => PrivateFind(obj, name, out _, out _);

    private static void PrivateDefine(in JsValue obj, JsSymbol name, in JsValue value)
    {
        var o = obj.AsObject();
        if (o._shape.IndexOf(name) >= 0) Throw.TypeError($"Cannot initialize {name.Description} twice on the same object");
        bool isMethod = value._ref is JsClosure { Code.Kind: FunctionKind.Method };
        o.AddSlot(name, value, isMethod ? PropertyFlags.None : PropertyFlags.Writable);
    }

    private static void PrivateAccessor(in JsValue obj, JsSymbol name, JsFunction fn, bool setter)
    {
        var o = obj.AsObject();
        int slot = o._shape.IndexOf(name);
        if (slot >= 0 && (o._shape.FlagsAt(slot) & PropertyFlags.Accessor) != 0)
        {
            var pair = (AccessorPair)o._slots[slot]._ref!;
            if ((setter ? pair.Setter : pair.Getter) is not null) Throw.TypeError($"Cannot initialize {name.Description} twice on the same object");
            if (setter) pair.Setter = fn; else pair.Getter = fn;
            return;
        }
        if (slot >= 0) Throw.TypeError($"Cannot initialize {name.Description} twice on the same object");
        o.FastAccessor(name, setter ? null : fn, setter ? fn : null, PropertyFlags.None);
    }
}
