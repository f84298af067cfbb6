namespace DualEngine.Engine.Runtime;

/// <summary>Short helpers builtins use to lay out their properties (§18: methods are writable, configurable, not enumerable).</summary>
internal static class ObjectBuilding
{
    public static BuiltinFunction DefineMethod(this JsObject target, Realm realm, string name, int length, BuiltinMethod method)
    {
        var fn = new BuiltinFunction(realm, name, length, method);
        target.FastSet(name, JsValue.FromObject(fn), PropertyFlags.Hidden);
        return fn;
    }

    public static BuiltinFunction DefineMethod(this JsObject target, Realm realm, JsSymbol symbol, string name, int length, BuiltinMethod method,
        PropertyFlags flags = PropertyFlags.Hidden)
    {
        var fn = new BuiltinFunction(realm, name, length, method);
        target.FastSet(symbol, JsValue.FromObject(fn), flags);
        return fn;
    }

    public static void DefineGetter(this JsObject target, Realm realm, PropertyKey key, BuiltinMethod getter, BuiltinMethod? setter = null)
    {
        string name = key.IsSymbol ? "[" + key.Symbol.Description + "]" : key.Name;
        var g = new BuiltinFunction(realm, "get " + name, 0, getter);
        var s = setter is null ? null : new BuiltinFunction(realm, "set " + name, 1, setter);
        target.FastAccessor(key, g, s, PropertyFlags.Configurable);
    }

    public static void DefineValue(this JsObject target, PropertyKey key, JsValue value, PropertyFlags flags = PropertyFlags.Hidden) =>
        target.FastSet(key, value, flags);

    /// <summary>Creates a constructor with its "prototype" (non-writable) and the prototype's "constructor" back-link.</summary>
    public static BuiltinFunction DefineConstructor(Realm realm, string name, int length, BuiltinConstructor body, JsObject prototype,
        JsObject? constructorPrototype = null)
    {
        var ctor = new BuiltinFunction(realm, name, length, body, constructorPrototype);
        ctor.FastSet("prototype", JsValue.FromObject(prototype), PropertyFlags.None);
        prototype.FastSet("constructor", JsValue.FromObject(ctor), PropertyFlags.Hidden);
        realm.GlobalObject.FastSet(name, JsValue.FromObject(ctor), PropertyFlags.Hidden);
        return ctor;
    }
}
