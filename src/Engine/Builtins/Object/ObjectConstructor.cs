namespace DualEngine.Engine.Builtins;

/// <summary>The Object constructor (§20.1.1, §20.1.2).</summary>
internal static class ObjectConstructor
{
    public static void Install(Realm realm)
    {
        var proto = realm.Intrinsics.ObjectPrototype;
        var ctor = ObjectBuilding.DefineConstructor(realm, "Object", 1, Construct, proto);
        realm.Intrinsics.ObjectConstructor = ctor;
        ctor.DefineMethod(realm, "getPrototypeOf", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            Conversions.ToObject(r, a.At(0)).GetPrototypeOf() is { } p ? JsValue.FromObject(p) : JsValue.Null);
        ctor.DefineMethod(realm, "setPrototypeOf", 2, SetPrototypeOf);
        ctor.DefineMethod(realm, "create", 2, Create);
        ctor.DefineMethod(realm, "keys", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => EnumerableOwn(r, a.At(0), EnumKind.Keys));
        ctor.DefineMethod(realm, "values", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => EnumerableOwn(r, a.At(0), EnumKind.Values));
        ctor.DefineMethod(realm, "entries", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => EnumerableOwn(r, a.At(0), EnumKind.Entries));
        ctor.DefineMethod(realm, "assign", 2, Assign);
        ctor.DefineMethod(realm, "defineProperty", 3, DefineProperty);
        ctor.DefineMethod(realm, "defineProperties", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            if (!a.At(0).IsObject) Throw.TypeError("Object.defineProperties called on non-object");
            ObjectDefineProperties(r, a.At(0).AsObject(), a.At(1));
            return a.At(0);
        });
        ctor.DefineMethod(realm, "getOwnPropertyDescriptor", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var o = Conversions.ToObject(r, a.At(0));
            var key = Conversions.ToPropertyKey(a.At(1));
            return o.GetOwnProperty(key, out var desc) ? JsValue.FromObject(FromPropertyDescriptor(r, desc)) : JsValue.Undefined;
        });
        ctor.DefineMethod(realm, "getOwnPropertyDescriptors", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var o = Conversions.ToObject(r, a.At(0));
            var result = r.NewObject();
            foreach (var key in o.OwnPropertyKeys())
                if (o.GetOwnProperty(key, out var desc)) result.FastSet(key, JsValue.FromObject(FromPropertyDescriptor(r, desc)));
            return JsValue.FromObject(result);
        });
        ctor.DefineMethod(realm, "getOwnPropertyNames", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => OwnKeys(r, a.At(0), symbols: false));
        ctor.DefineMethod(realm, "getOwnPropertySymbols", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => OwnKeys(r, a.At(0), symbols: true));
        ctor.DefineMethod(realm, "freeze", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            if (a.At(0).IsObject && !ObjectConstructorFunctions.SetIntegrityLevel(a.At(0).AsObject(), frozen: true)) Throw.TypeError("Cannot freeze");
            return a.At(0);
        });
        ctor.DefineMethod(realm, "seal", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            if (a.At(0).IsObject && !ObjectConstructorFunctions.SetIntegrityLevel(a.At(0).AsObject(), frozen: false)) Throw.TypeError("Cannot seal");
            return a.At(0);
        });
        ctor.DefineMethod(realm, "preventExtensions", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            if (a.At(0).IsObject && !a.At(0).AsObject().PreventExtensions()) Throw.TypeError("Cannot prevent extensions");
            return a.At(0);
        });
        ctor.DefineMethod(realm, "isFrozen", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromBoolean(!a.At(0).IsObject || ObjectConstructorFunctions.TestIntegrityLevel(a.At(0).AsObject(), frozen: true)));
        ctor.DefineMethod(realm, "isSealed", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromBoolean(!a.At(0).IsObject || ObjectConstructorFunctions.TestIntegrityLevel(a.At(0).AsObject(), frozen: false)));
        ctor.DefineMethod(realm, "isExtensible", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromBoolean(a.At(0).IsObject && a.At(0).AsObject().IsExtensible()));
        ctor.DefineMethod(realm, "is", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromBoolean(Operators.SameValue(a.At(0), a.At(1))));
        ctor.DefineMethod(realm, "fromEntries", 1, FromEntries);
        ctor.DefineMethod(realm, "hasOwn", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            JsValue.FromBoolean(Conversions.ToObject(r, a.At(0)).HasOwnProperty(Conversions.ToPropertyKey(a.At(1)))));
        ctor.DefineMethod(realm, "groupBy", 2, GroupBy);
        ObjectPrototype.Install(realm, proto);
    }

    /// <summary>Object(value) (§20.1.1.1).</summary>
    private static JsValue Construct(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, JsObject? newTarget)
    {
        if (newTarget is not null && !ReferenceEquals(newTarget, realm.Intrinsics.ObjectConstructor))
            return JsValue.FromObject(new JsObject(JsFunction.GetPrototypeFromConstructor(newTarget, static i => i.ObjectPrototype)));
        var v = args.At(0);
        if (v.IsNullish) return JsValue.FromObject(realm.NewObject());
        return JsValue.FromObject(Conversions.ToObject(realm, v));
    }

    private static JsValue SetPrototypeOf(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = args.At(0);
        if (o.IsNullish) Throw.TypeError("Object.setPrototypeOf called on null or undefined");
        var proto = args.At(1);
        if (!proto.IsObject && !proto.IsNull) Throw.TypeError("Object prototype may only be an Object or null: " + Conversions.ToDisplay(proto));
        if (!o.IsObject) return o;
        if (!o.AsObject().SetPrototypeOf(proto.TryObject)) Throw.TypeError("Cyclic __proto__ value or non-extensible object");
        return o;
    }

    /// <summary>Object.create (§20.1.2.2).</summary>
    private static JsValue Create(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var proto = args.At(0);
        if (!proto.IsObject && !proto.IsNull) Throw.TypeError("Object prototype may only be an Object or null: " + Conversions.ToDisplay(proto));
        var obj = new JsObject(proto.TryObject);
        MemoryBudget.Account(48);
        if (!args.At(1).IsUndefined) ObjectDefineProperties(realm, obj, args.At(1));
        return JsValue.FromObject(obj);
    }

    private enum EnumKind { Keys, Values, Entries }

    /// <summary>EnumerableOwnProperties (§7.3.23).</summary>
    private static JsValue EnumerableOwn(Realm realm, in JsValue target, EnumKind kind)
    {
        var o = Conversions.ToObject(realm, target);
        var result = realm.NewArray();
        var self = JsValue.FromObject(o);
        foreach (var key in o.OwnPropertyKeys())
        {
            if (key.IsSymbol) continue;
            if (!o.GetOwnProperty(key, out var desc) || !desc.Enumerable) continue;
            if (kind == EnumKind.Keys) { result.Push(JsValue.FromString(key.Name)); continue; }
            var value = o.Get(key, self);
            if (kind == EnumKind.Values) result.Push(value);
            else
            {
                var pair = realm.NewArray(2);
                pair.Push(JsValue.FromString(key.Name));
                pair.Push(value);
                result.Push(JsValue.FromObject(pair));
            }
        }
        return JsValue.FromObject(result);
    }

    private static JsValue OwnKeys(Realm realm, in JsValue target, bool symbols)
    {
        var o = Conversions.ToObject(realm, target);
        var result = realm.NewArray();
        foreach (var key in o.OwnPropertyKeys())
            if (key.IsSymbol == symbols) result.Push(key.ToJsValue());
        return JsValue.FromObject(result);
    }

    /// <summary>Object.assign (§20.1.2.1).</summary>
    private static JsValue Assign(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var to = Conversions.ToObject(realm, args.At(0));
        var toValue = JsValue.FromObject(to);
        for (int i = 1; i < args.Length; i++)
        {
            if (args[i].IsNullish) continue;
            var from = Conversions.ToObject(realm, args[i]);
            var fromValue = JsValue.FromObject(from);
            foreach (var key in from.OwnPropertyKeys())
            {
                if (!from.GetOwnProperty(key, out var desc) || !desc.Enumerable) continue;
                if (!to.Set(key, from.Get(key, fromValue), toValue)) Throw.TypeError($"Cannot assign to read only property '{key}' of object");
            }
        }
        return toValue;
    }

    private static JsValue DefineProperty(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        if (!args.At(0).IsObject) Throw.TypeError("Object.defineProperty called on non-object");
        var key = Conversions.ToPropertyKey(args.At(1));
        var desc = ToPropertyDescriptor(args.At(2));
        if (!args.At(0).AsObject().DefineOwnProperty(key, desc)) Throw.TypeError("Cannot redefine property: " + key);
        return args.At(0);
    }

    /// <summary>ObjectDefineProperties (§20.1.2.3.1).</summary>
    internal static void ObjectDefineProperties(Realm realm, JsObject o, in JsValue properties)
    {
        var props = Conversions.ToObject(realm, properties);
        var descriptors = new List<(PropertyKey, PropertyDescriptor)>();
        foreach (var key in props.OwnPropertyKeys())
        {
            if (!props.GetOwnProperty(key, out var pd) || !pd.Enumerable) continue;
            descriptors.Add((key, ToPropertyDescriptor(props.Get(key))));
        }
        foreach (var (key, desc) in descriptors)
            if (!o.DefineOwnProperty(key, desc)) Throw.TypeError("Cannot redefine property: " + key);
    }

    /// <summary>ToPropertyDescriptor (§6.2.6.5).</summary>
    internal static PropertyDescriptor ToPropertyDescriptor(in JsValue value)
    {
        if (!value.IsObject) return Throw.TypeError<PropertyDescriptor>("Property description must be an object: " + Conversions.ToDisplay(value));
        var o = value.AsObject();
        var desc = new PropertyDescriptor();
        if (o.HasProperty("enumerable")) { desc.Has |= PropertyDescriptor.Fields.Enumerable; desc.Enumerable = Conversions.ToBoolean(o.Get("enumerable")); }
        if (o.HasProperty("configurable")) { desc.Has |= PropertyDescriptor.Fields.Configurable; desc.Configurable = Conversions.ToBoolean(o.Get("configurable")); }
        if (o.HasProperty("value")) { desc.Has |= PropertyDescriptor.Fields.Value; desc.Value = o.Get("value"); }
        if (o.HasProperty("writable")) { desc.Has |= PropertyDescriptor.Fields.Writable; desc.Writable = Conversions.ToBoolean(o.Get("writable")); }
        if (o.HasProperty("get"))
        {
            var g = o.Get("get");
            if (!g.IsUndefined && !g.IsCallable) Throw.TypeError("Getter must be a function: " + Conversions.ToDisplay(g));
            desc.Has |= PropertyDescriptor.Fields.Get;
            desc.Getter = g._ref as JsFunction;
        }
        if (o.HasProperty("set"))
        {
            var s = o.Get("set");
            if (!s.IsUndefined && !s.IsCallable) Throw.TypeError("Setter must be a function: " + Conversions.ToDisplay(s));
            desc.Has |= PropertyDescriptor.Fields.Set;
            desc.Setter = s._ref as JsFunction;
        }
        if (desc.IsAccessor && desc.IsData)
            Throw.TypeError("Invalid property descriptor. Cannot both specify accessors and a value or writable attribute");
        return desc;
    }

    /// <summary>FromPropertyDescriptor (§6.2.6.4).</summary>
    internal static JsObject FromPropertyDescriptor(Realm realm, in PropertyDescriptor desc)
    {
        var o = realm.NewObject();
        if (desc.HasValue) o.FastSet("value", desc.Value);
        if (desc.HasWritable) o.FastSet("writable", JsValue.FromBoolean(desc.Writable));
        if (desc.HasGet) o.FastSet("get", desc.Getter is null ? JsValue.Undefined : JsValue.FromObject(desc.Getter));
        if (desc.HasSet) o.FastSet("set", desc.Setter is null ? JsValue.Undefined : JsValue.FromObject(desc.Setter));
        if (desc.HasEnumerable) o.FastSet("enumerable", JsValue.FromBoolean(desc.Enumerable));
        if (desc.HasConfigurable) o.FastSet("configurable", JsValue.FromBoolean(desc.Configurable));
        return o;
    }

    /// <summary>Object.fromEntries (§20.1.2.7).</summary>
    private static JsValue FromEntries(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        if (args.At(0).IsNullish) Throw.TypeError(Conversions.ToDisplay(args.At(0)) + " is not iterable");
        var obj = realm.NewObject();
        var rec = Interpreter.IteratorRecord.From(realm, args.At(0));
        while (rec.Step(out var entry))
        {
            // AddEntriesFromIterable (§24.1.1.2) with CreateDataPropertyOnObject: a non-object entry, a throwing
            // Get of "0"/"1" or a throwing ToPropertyKey closes the iterator before the error propagates.
            try
            {
                if (!entry.IsObject) Throw.TypeError("Iterator value " + Conversions.ToDisplay(entry) + " is not an entry object");
                var e = entry.AsObject();
                var k = e.Get(PropertyKey.FromIndex(0));
                var v = e.Get(PropertyKey.FromIndex(1));
                obj.DefineOwnProperty(Conversions.ToPropertyKey(k), PropertyDescriptor.Data(v));
            }
            catch (JsThrowable)
            {
                rec.CloseQuietly();
                throw;
            }
        }
        return JsValue.FromObject(obj);
    }

    /// <summary>Object.groupBy (§20.1.2.12).</summary>
    private static JsValue GroupBy(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        if (args.At(1)._ref is not JsFunction cb) return Throw.TypeError<JsValue>("callback is not a function");
        var result = new JsObject(null);
        var rec = Interpreter.IteratorRecord.From(realm, args.At(0));
        int k = 0;
        while (rec.Step(out var value))
        {
            var key = Conversions.ToPropertyKey(cb.Call(JsValue.Undefined, [value, JsValue.FromNumber(k++)]));
            var existing = result.Get(key);
            JsArray group;
            if (existing._ref is JsArray g) group = g;
            else
            {
                group = realm.NewArray();
                result.FastSet(key, JsValue.FromObject(group));
            }
            group.Push(value);
        }
        return JsValue.FromObject(result);
    }
}

/// <summary>Integrity levels (§7.3.15 SetIntegrityLevel, §7.3.16 TestIntegrityLevel).</summary>
internal static class ObjectConstructorFunctions
{
    public static bool SetIntegrityLevel(JsObject o, bool frozen)
    {
        if (!o.PreventExtensions()) return false;
        foreach (var key in o.OwnPropertyKeys())
        {
            if (!frozen)
            {
                // DefinePropertyOrThrow (§7.3.15 step 5): a refusal (proxies, module namespaces) is a TypeError.
                if (!o.DefineOwnProperty(key, new PropertyDescriptor { Has = PropertyDescriptor.Fields.Configurable, Configurable = false }))
                    Throw.TypeError($"Cannot redefine property: {key}");
                continue;
            }
            if (!o.GetOwnProperty(key, out var current)) continue;
            var desc = current.IsAccessor
                ? new PropertyDescriptor { Has = PropertyDescriptor.Fields.Configurable, Configurable = false }
                : new PropertyDescriptor { Has = PropertyDescriptor.Fields.Configurable | PropertyDescriptor.Fields.Writable };
            if (!o.DefineOwnProperty(key, desc)) Throw.TypeError($"Cannot redefine property: {key}");
        }
        return true;
    }

    public static bool TestIntegrityLevel(JsObject o, bool frozen)
    {
        if (o.IsExtensible()) return false;
        foreach (var key in o.OwnPropertyKeys())
        {
            if (!o.GetOwnProperty(key, out var desc)) continue;
            if (desc.Configurable) return false;
            if (frozen && desc.IsData && desc.Writable) return false;
        }
        return true;
    }
}
