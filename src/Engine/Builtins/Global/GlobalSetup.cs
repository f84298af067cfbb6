namespace DualEngine.Engine.Builtins;

/// <summary>Creates the intrinsics and the global object's properties (§9.3.2 CreateIntrinsics, §19 The Global Object).</summary>
internal static class GlobalSetup
{
    public static void Install(Realm realm)
    {
        var g = realm.GlobalObject;
        ObjectConstructor.Install(realm);
        FunctionConstructor.Install(realm);
        ErrorConstructors.Install(realm);
        GlobalFunctions.Install(realm);
        SymbolConstructor.Install(realm);
        IteratorPrototypes.Install(realm);
        ArrayConstructor.Install(realm);
        StringConstructor.Install(realm);
        NumberConstructor.Install(realm);
        BooleanConstructor.Install(realm);
        BigIntConstructor.Install(realm);
        MathObject.Install(realm);
        JsonObject.Install(realm);
        PromiseConstructor.Install(realm);
        GeneratorPrototypes.Install(realm);
        FunctionConstructor.InstallDynamicFunctionConstructors(realm);
        MapConstructor.Install(realm);
        SetConstructor.Install(realm);
        WeakMapConstructor.Install(realm);
        WeakSetConstructor.Install(realm);
        ReflectObject.Install(realm);
        ProxyConstructor.Install(realm);
        RegExpConstructor.Install(realm);
        DateConstructor.Install(realm);

        // §19.1 value properties: non-writable, non-enumerable, non-configurable.
        g.FastSet("globalThis", JsValue.FromObject(g), PropertyFlags.Hidden);
        g.FastSet("NaN", JsValue.NaN, PropertyFlags.None);
        g.FastSet("Infinity", JsValue.FromNumber(double.PositiveInfinity), PropertyFlags.None);
        g.FastSet("undefined", JsValue.Undefined, PropertyFlags.None);
    }
}
