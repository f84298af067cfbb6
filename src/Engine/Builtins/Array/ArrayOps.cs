namespace DualEngine.Engine.Builtins;

/// <summary>Index-based helpers shared by the generic Array.prototype algorithms (which work on any array-like, §23.1.3).</summary>
internal static class ArrayOps
{
    public static PropertyKey Key(long index) =>
        index < uint.MaxValue ? PropertyKey.FromIndex((uint)index) : new PropertyKey(index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>LengthOfArrayLike (§7.3.18).</summary>
    public static long Length(JsObject o) => o is JsArray a ? a.Length : Conversions.ToLength(o.Get("length"));

    /// <summary>
    /// Generic array algorithms can loop 2^53 times over an array-like; each element step counts as a tick
    /// so the time budget, cancellation and Terminate apply inside builtins too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tick() => MemoryBudget.Current?.Tick();

    public static JsValue Get(JsObject o, long index)
    {
        Tick();
        if (o is JsArray a && index < uint.MaxValue && a.TryGetDense((uint)index, out var v)) return v;
        return o.Get(Key(index));
    }

    public static bool Has(JsObject o, long index)
    {
        Tick();
        if (o is JsArray a && index < uint.MaxValue && a.TryGetDense((uint)index, out _)) return true;
        return o.HasProperty(Key(index));
    }

    /// <summary>Set(O, P, V, true) (§7.3.4): a failed write throws.</summary>
    public static void Set(JsObject o, long index, in JsValue value)
    {
        Tick();
        if (o is JsArray a && index < uint.MaxValue && a.TrySetDense((uint)index, value)) return;
        if (!o.Set(Key(index), value, JsValue.FromObject(o))) Throw.TypeError($"Cannot assign to read only property '{index}' of object");
    }

    public static void SetLength(JsObject o, long length)
    {
        if (!o.Set("length", JsValue.FromNumber(length), JsValue.FromObject(o))) Throw.TypeError("Cannot assign to read only property 'length' of object");
    }

    /// <summary>CreateDataPropertyOrThrow (§7.3.7).</summary>
    public static void Create(JsObject o, long index, in JsValue value)
    {
        if (o is JsArray a && index < uint.MaxValue && a.TrySetDense((uint)index, value)) return;
        if (!o.DefineOwnProperty(Key(index), PropertyDescriptor.Data(value))) Throw.TypeError($"Cannot add property {index}, object is not extensible");
    }

    /// <summary>DeletePropertyOrThrow (§7.3.10).</summary>
    public static void Delete(JsObject o, long index)
    {
        Tick();
        if (!o.Delete(Key(index))) Throw.TypeError($"Cannot delete property '{index}' of object");
    }

    public static JsFunction Callback(in JsValue v, string method) =>
        v._ref as JsFunction ?? Throw.TypeError<JsFunction>(Conversions.ToDisplay(v) + " is not a function");

    /// <summary>Relative index arguments (start/end of slice, splice, fill...): negative counts from the end.</summary>
    public static long RelativeIndex(in JsValue arg, long length, long defaultValue)
    {
        if (arg.IsUndefined) return defaultValue;
        double rel;
        if (arg.IsNumber)
        {
            rel = arg._number;
            if (double.IsNaN(rel)) return 0;
            rel = Math.Truncate(rel);
        }
        else rel = Conversions.ToIntegerOrInfinity(arg);
        if (rel < 0) return (long)Math.Max(length + rel, 0);
        return (long)Math.Min(rel, length);
    }

    /// <summary>ArraySpeciesCreate (§10.4.2.3).</summary>
    public static JsObject SpeciesCreate(Realm realm, JsObject original, long length)
    {
        // IsArray sees through proxies (a revoked one throws); a constructor from another realm that is that realm's %Array%
        // (GetFunctionRealm follows bound functions and proxies) gives a plain array of this realm.
        if (!ArrayConstructor.IsArray(JsValue.FromObject(original))) return ArrayCreate(realm, length);
        var c = original.Get("constructor");
        if (c._ref is JsFunction { IsConstructor: true } cf)
        {
            var realmC = JsFunction.GetFunctionRealm(cf);
            if (!ReferenceEquals(realmC, realm) && ReferenceEquals(cf, realmC.Intrinsics.ArrayConstructor)) c = JsValue.Undefined;
        }
        if (c.IsObject)
        {
            c = c.AsObject().Get(WellKnownSymbols.Species, c);
            if (c.IsNull) c = JsValue.Undefined;
        }
        if (c.IsUndefined || ReferenceEquals(c._ref, realm.Intrinsics.ArrayConstructor)) return ArrayCreate(realm, length);
        if (c._ref is not JsFunction { IsConstructor: true } ctor) return Throw.TypeError<JsObject>("object.constructor[Symbol.species] is not a constructor");
        return ctor.Construct([JsValue.FromNumber(length)], ctor).AsObject();
    }

    /// <summary>ArrayCreate (§10.4.2.2).</summary>
    public static JsArray ArrayCreate(Realm realm, long length)
    {
        if (length > uint.MaxValue - 1) Throw.RangeError("Invalid array length");
        var arr = new JsArray(realm.Intrinsics.ArrayPrototype, (int)Math.Min(length, 1 << 16));
        if (length > 0) arr.DefineOwnProperty("length", new PropertyDescriptor { Has = PropertyDescriptor.Fields.Value, Value = JsValue.FromNumber(length) });
        return arr;
    }
}
