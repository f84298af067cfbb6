namespace DualEngine.Engine.Builtins;

/// <summary>The JSON object (§25.5).</summary>
internal static class JsonObject
{
    public static void Install(Realm realm)
    {
        var json = new JsObject(realm.Intrinsics.ObjectPrototype);
        realm.GlobalObject.FastSet("JSON", JsValue.FromObject(json), PropertyFlags.Hidden);
        json.FastSet(WellKnownSymbols.ToStringTag, JsValue.FromString("JSON"), PropertyFlags.Configurable);
        json.DefineMethod(realm, "parse", 2, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var result = JsonParser.Parse(r, Conversions.ToString(a.At(0)));
            if (a.At(1)._ref is JsFunction reviver)
            {
                var root = r.NewObject();
                root.FastSet("", result);
                return Internalize(r, root, "", reviver);
            }
            return result;
        });
        json.DefineMethod(realm, "stringify", 3, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsonSerializer.Stringify(r, a.At(0), a.At(1), a.At(2)));
    }

    /// <summary>InternalizeJSONProperty (§25.5.1.1).</summary>
    private static JsValue Internalize(Realm realm, JsObject holder, PropertyKey name, JsFunction reviver)
    {
        Throw.IfStackLow();
        var val = holder.Get(name);
        if (val.IsObject)
        {
            var o = val.AsObject();
            if (ArrayConstructor.IsArray(val))
            {
                long len = ArrayOps.Length(o);
                for (long i = 0; i < len; i++) Revive(realm, o, ArrayOps.Key(i), reviver);
            }
            else
            {
                // Step 2.c.i: EnumerableOwnProperties(val, key) is taken whole before any reviver call, so a key
                // the reviver deletes later is still visited (its value then comes from [[Get]], prototypes included).
                var keys = new List<PropertyKey>();
                foreach (var key in o.OwnPropertyKeys())
                    if (!key.IsSymbol && o.GetOwnProperty(key, out var d) && d.Enumerable) keys.Add(key);
                foreach (var key in keys) Revive(realm, o, key, reviver);
            }
        }
        return reviver.Call(JsValue.FromObject(holder), [name.ToJsValue(), val]);
    }

    private static void Revive(Realm realm, JsObject o, PropertyKey key, JsFunction reviver)
    {
        var newElement = Internalize(realm, o, key, reviver);
        if (newElement.IsUndefined) o.Delete(key);
        else o.DefineOwnProperty(key, PropertyDescriptor.Data(newElement));
    }
}
