namespace DualEngine.Engine.Builtins;

/// <summary>Object.prototype (§20.1.3).</summary>
internal static class ObjectPrototype
{
    public static void Install(Realm realm, JsObject proto)
    {
        proto.DefineMethod(realm, "hasOwnProperty", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var key = Conversions.ToPropertyKey(a.At(0));
            return JsValue.FromBoolean(Conversions.ToObject(r, t).HasOwnProperty(key));
        });
        proto.DefineMethod(realm, "isPrototypeOf", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            if (!a.At(0).IsObject) return JsValue.False;
            var o = Conversions.ToObject(r, t);
            for (var p = a.At(0).AsObject().GetPrototypeOf(); p is not null; p = p.GetPrototypeOf())
                if (ReferenceEquals(p, o)) return JsValue.True;
            return JsValue.False;
        });
        proto.DefineMethod(realm, "propertyIsEnumerable", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var key = Conversions.ToPropertyKey(a.At(0));
            return JsValue.FromBoolean(Conversions.ToObject(r, t).GetOwnProperty(key, out var d) && d.Enumerable);
        });
        proto.DefineMethod(realm, "toString", 0, ToStringMethod);
        proto.DefineMethod(realm, "toLocaleString", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var fn = Interpreter.Machine.GetNamedSlow(r, t, "toString", null);
            return fn._ref is JsFunction f ? f.Call(t, ReadOnlySpan<JsValue>.Empty) : Throw.TypeError<JsValue>("toString is not a function");
        });
        proto.DefineMethod(realm, "valueOf", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromObject(Conversions.ToObject(r, t)));
        // Annex B §B.2.2.2-5: legacy accessor helpers, still used by older libraries.
        proto.DefineMethod(realm, "__defineGetter__", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => DefineLegacyAccessor(r, t, a, getter: true));
        proto.DefineMethod(realm, "__defineSetter__", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => DefineLegacyAccessor(r, t, a, getter: false));
        proto.DefineMethod(realm, "__lookupGetter__", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => LookupLegacyAccessor(r, t, a.At(0), getter: true));
        proto.DefineMethod(realm, "__lookupSetter__", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => LookupLegacyAccessor(r, t, a.At(0), getter: false));
        // Annex B §B.2.2.1 Object.prototype.__proto__
        proto.DefineGetter(realm, "__proto__",
            (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Conversions.ToObject(r, t).GetPrototypeOf() is { } p ? JsValue.FromObject(p) : JsValue.Null,
            (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            {
                if (t.IsNullish) Throw.TypeError("Object.prototype.__proto__ called on null or undefined");
                var v = a.At(0);
                if (!v.IsObject && !v.IsNull || !t.IsObject) return JsValue.Undefined;
                if (!t.AsObject().SetPrototypeOf(v.TryObject)) Throw.TypeError("Cyclic __proto__ value");
                return JsValue.Undefined;
            });
    }

    private static JsValue DefineLegacyAccessor(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, bool getter)
    {
        var o = Conversions.ToObject(realm, thisValue);
        if (args.At(1)._ref is not JsFunction fn) return Throw.TypeError<JsValue>("Object.prototype.__define" + (getter ? "Getter" : "Setter") + "__: Expecting function");
        var desc = new PropertyDescriptor
        {
            Has = (getter ? PropertyDescriptor.Fields.Get : PropertyDescriptor.Fields.Set) | PropertyDescriptor.Fields.Enumerable | PropertyDescriptor.Fields.Configurable,
            Enumerable = true,
            Configurable = true,
        };
        if (getter) desc.Getter = fn; else desc.Setter = fn;
        if (!o.DefineOwnProperty(Conversions.ToPropertyKey(args.At(0)), desc)) Throw.TypeError("Cannot redefine property");
        return JsValue.Undefined;
    }

    private static JsValue LookupLegacyAccessor(Realm realm, in JsValue thisValue, in JsValue keyValue, bool getter)
    {
        // §B.2.2.4 / §B.2.2.5: ToObject(this value) (step 1) comes before ToPropertyKey(P) (step 2).
        var start = Conversions.ToObject(realm, thisValue);
        var key = Conversions.ToPropertyKey(keyValue);
        for (JsObject? o = start; o is not null; o = o.GetPrototypeOf())
        {
            if (!o.GetOwnProperty(key, out var desc)) continue;
            if (!desc.IsAccessor) return JsValue.Undefined;
            var fn = getter ? desc.Getter : desc.Setter;
            return fn is null ? JsValue.Undefined : JsValue.FromObject(fn);
        }
        return JsValue.Undefined;
    }

    /// <summary>Object.prototype.toString (§20.1.3.6).</summary>
    public static JsValue ToStringMethod(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        if (thisValue.IsUndefined) return JsValue.FromString("[object Undefined]");
        if (thisValue.IsNull) return JsValue.FromString("[object Null]");
        var o = Conversions.ToObject(realm, thisValue);
        // IsArray (§7.2.2) sees through proxies (a revoked one throws) and runs before the @@toStringTag Get.
        string builtinTag = ArrayConstructor.IsArray(JsValue.FromObject(o)) ? "Array" : o switch
        {
            JsProxy => "Object", // a proxy has none of the internal slots below, whatever its target (its ClassName is the target's)
            JsArgumentsObject => "Arguments",
            JsFunction => "Function",
            JsErrorObject => "Error",
            JsPrimitiveWrapper w => w.ClassName is "Symbol" or "BigInt" ? "Object" : w.ClassName,
            _ => o.ClassName == "Date" || o.ClassName == "RegExp" ? o.ClassName : "Object",
        };
        var tag = o.Get(WellKnownSymbols.ToStringTag, thisValue);
        return JsValue.FromString("[object " + (tag.IsString ? tag.AsString() : builtinTag) + "]");
    }
}
