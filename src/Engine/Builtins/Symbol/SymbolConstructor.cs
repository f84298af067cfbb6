namespace DualEngine.Engine.Builtins;

/// <summary>The Symbol constructor (§20.4.1-2) and Symbol.prototype (§20.4.3).</summary>
internal static class SymbolConstructor
{
    /// <summary>The GlobalSymbolRegistry (§20.4.2.2) is agent-wide; one per process is equivalent for us.</summary>
    private static readonly Dictionary<string, JsSymbol> Registry = new();
    private static readonly Lock RegistryLock = new();

    public static void Install(Realm realm)
    {
        var proto = new JsObject(realm.Intrinsics.ObjectPrototype);
        realm.Intrinsics.SymbolPrototype = proto;
        var ctor = ObjectBuilding.DefineConstructor(realm, "Symbol", 0, Construct, proto);
        realm.Intrinsics.SymbolConstructor = ctor;
        foreach (var (name, symbol) in WellKnownSymbols.All) ctor.FastSet(name, JsValue.FromSymbol(symbol), PropertyFlags.None);
        ctor.DefineMethod(realm, "for", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            var key = Conversions.ToString(a.At(0));
            lock (RegistryLock)
            {
                if (!Registry.TryGetValue(key, out var s)) Registry[key] = s = new JsSymbol(key) { RegistryKey = key };
                return JsValue.FromSymbol(s);
            }
        });
        ctor.DefineMethod(realm, "keyFor", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
        {
            if (!a.At(0).IsSymbol) Throw.TypeError(Conversions.ToDisplay(a.At(0)) + " is not a symbol");
            return a.At(0).AsSymbol().RegistryKey is { } k ? JsValue.FromString(k) : JsValue.Undefined;
        });
        proto.DefineMethod(realm, "toString", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromString(ThisSymbol(t).ToString()));
        proto.DefineMethod(realm, "valueOf", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromSymbol(ThisSymbol(t)));
        proto.DefineGetter(realm, "description", (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) =>
            ThisSymbol(t).Description is { } d ? JsValue.FromString(d) : JsValue.Undefined);
        proto.DefineMethod(realm, WellKnownSymbols.ToPrimitive, "[Symbol.toPrimitive]", 1,
            (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromSymbol(ThisSymbol(t)), PropertyFlags.Configurable);
        proto.FastSet(WellKnownSymbols.ToStringTag, JsValue.FromString("Symbol"), PropertyFlags.Configurable);
    }

    private static JsSymbol ThisSymbol(in JsValue v) => v.IsSymbol ? v.AsSymbol()
        : v._ref is JsPrimitiveWrapper { PrimitiveValue.IsSymbol: true } w ? w.PrimitiveValue.AsSymbol()
        : Throw.TypeError<JsSymbol>("Symbol.prototype method called on incompatible receiver");

    /// <summary>Symbol([description]) (§20.4.1.1): not a constructor.</summary>
    private static JsValue Construct(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, JsObject? newTarget)
    {
        if (newTarget is not null) Throw.TypeError("Symbol is not a constructor");
        var d = args.At(0);
        return JsValue.FromSymbol(new JsSymbol(d.IsUndefined ? null : Conversions.ToString(d)));
    }
}
