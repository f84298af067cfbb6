namespace DualEngine.Engine.Builtins;

/// <summary>sort, splice and the copying methods of ES2023 (toSorted, toSpliced, toReversed, with).</summary>
internal static partial class ArrayPrototype
{
    /// <summary>SortCompare (§23.1.3.30.2): undefined last, then the comparator or string order.</summary>
    private static Comparison<JsValue> SortComparison(JsFunction? comparator) => (x, y) =>
    {
        if (x.IsUndefined && y.IsUndefined) return 0;
        if (x.IsUndefined) return 1;
        if (y.IsUndefined) return -1;
        if (comparator is not null)
        {
            double v = Conversions.ToNumber(comparator.Call(JsValue.Undefined, [x, y]));
            return double.IsNaN(v) ? 0 : Math.Sign(v);
        }
        if (x.IsNumber && y.IsNumber && x.AsNumber() == Math.Floor(x.AsNumber()) && y.AsNumber() == Math.Floor(y.AsNumber()) && x.AsNumber() >= 0 && y.AsNumber() >= 0
            && x.AsNumber() < 1e15 && y.AsNumber() < 1e15)
            return string.CompareOrdinal(Conversions.ToString(x), Conversions.ToString(y));
        return string.CompareOrdinal(Conversions.ToString(x), Conversions.ToString(y));
    };

    /// <summary>A stable merge sort (the spec requires stability since ES2019); comparator exceptions propagate.</summary>
    private static void MergeSort(JsValue[] items, int count, Comparison<JsValue> compare)
    {
        var buffer = new JsValue[count];
        for (int width = 1; width < count; width *= 2)
        {
            for (int lo = 0; lo < count - width; lo += 2 * width)
            {
                int mid = lo + width, hi = Math.Min(lo + 2 * width, count);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) buffer[k++] = compare(items[j], items[i]) < 0 ? items[j++] : items[i++];
                while (i < mid) buffer[k++] = items[i++];
                while (j < hi) buffer[k++] = items[j++];
                Array.Copy(buffer, lo, items, lo, hi - lo);
            }
        }
    }

    private static JsFunction? Comparator(in JsValue v)
    {
        if (v.IsUndefined) return null;
        return v._ref as JsFunction ?? Throw.TypeError<JsFunction>("The comparison function must be either a function or undefined");
    }

    /// <summary>SortIndexedProperties (§23.1.3.30.1): collect present values, sort them.</summary>
    private static (JsValue[] Items, int Count) SortedValues(JsObject o, long len, JsFunction? cmp, bool skipHoles)
    {
        var list = new List<JsValue>();
        for (long k = 0; k < len; k++)
        {
            if (skipHoles && !ArrayOps.Has(o, k)) continue;
            list.Add(ArrayOps.Get(o, k));
            MemoryBudget.Account(24);
        }
        var items = list.ToArray();
        MergeSort(items, items.Length, SortComparison(cmp));
        return (items, items.Length);
    }

    private static JsValue Sort(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var cmp = Comparator(args.At(0));
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        var (items, count) = SortedValues(o, len, cmp, skipHoles: true);
        long k = 0;
        for (; k < count; k++) ArrayOps.Set(o, k, items[k]);
        for (; k < len; k++)
            if (ArrayOps.Has(o, k)) ArrayOps.Delete(o, k);
        return JsValue.FromObject(o);
    }

    private static JsValue ToSorted(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var cmp = Comparator(args.At(0));
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        // §23.1.3.34 step 4: ArrayCreate(len) throws a RangeError past 2^32 - 1, before any element is read.
        if (len > uint.MaxValue) Throw.RangeError("Invalid array length");
        var (items, count) = SortedValues(o, len, cmp, skipHoles: false);
        return JsValue.FromObject(new JsArray(realm.Intrinsics.ArrayPrototype, items, count));
    }

    private static JsValue ToReversed(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        var a = ArrayOps.ArrayCreate(realm, len);
        for (long k = 0; k < len; k++) ArrayOps.Create(a, k, ArrayOps.Get(o, len - 1 - k));
        return JsValue.FromObject(a);
    }

    private static JsValue With(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        double rel = Conversions.ToIntegerOrInfinity(args.At(0));
        double actual = rel >= 0 ? rel : len + rel;
        if (actual >= len || actual < 0) Throw.RangeError("Invalid index : " + NumberFormatting.ToJsString(rel));
        var a = ArrayOps.ArrayCreate(realm, len);
        for (long k = 0; k < len; k++) ArrayOps.Create(a, k, k == (long)actual ? args.At(1) : ArrayOps.Get(o, k));
        return JsValue.FromObject(a);
    }

    private static JsValue Splice(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        long start = ArrayOps.RelativeIndex(args.At(0), len, 0);
        long deleteCount = args.Length == 0 ? 0 : args.Length == 1 ? len - start : (long)Math.Min(Math.Max(Conversions.ToIntegerOrInfinity(args[1]), 0), len - start);
        int itemCount = Math.Max(args.Length - 2, 0);
        var removed = ArrayOps.SpeciesCreate(realm, o, deleteCount);
        for (long k = 0; k < deleteCount; k++)
            if (ArrayOps.Has(o, start + k)) ArrayOps.Create(removed, k, ArrayOps.Get(o, start + k));
        ArrayOps.SetLength(removed, deleteCount);
        if (itemCount < deleteCount)
        {
            for (long k = start; k < len - deleteCount; k++)
            {
                long from = k + deleteCount, to = k + itemCount;
                if (ArrayOps.Has(o, from)) ArrayOps.Set(o, to, ArrayOps.Get(o, from));
                else ArrayOps.Delete(o, to);
            }
            for (long k = len; k > len - deleteCount + itemCount; k--) ArrayOps.Delete(o, k - 1);
        }
        else if (itemCount > deleteCount)
        {
            for (long k = len - deleteCount; k > start; k--)
            {
                long from = k + deleteCount - 1, to = k + itemCount - 1;
                if (ArrayOps.Has(o, from)) ArrayOps.Set(o, to, ArrayOps.Get(o, from));
                else ArrayOps.Delete(o, to);
            }
        }
        for (int i = 0; i < itemCount; i++) ArrayOps.Set(o, start + i, args[i + 2]);
        ArrayOps.SetLength(o, len - deleteCount + itemCount);
        return JsValue.FromObject(removed);
    }

    private static JsValue ToSpliced(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        long start = ArrayOps.RelativeIndex(args.At(0), len, 0);
        long skip = args.Length == 0 ? 0 : args.Length == 1 ? len - start : (long)Math.Min(Math.Max(Conversions.ToIntegerOrInfinity(args[1]), 0), len - start);
        int itemCount = Math.Max(args.Length - 2, 0);
        long newLen = len + itemCount - skip;
        if (newLen > 9007199254740991) Throw.TypeError("Invalid array length");
        var a = ArrayOps.ArrayCreate(realm, newLen);
        long i = 0, r = start + skip;
        for (; i < start; i++) ArrayOps.Create(a, i, ArrayOps.Get(o, i));
        for (int j = 0; j < itemCount; j++) ArrayOps.Create(a, i++, args[j + 2]);
        for (; i < newLen; i++, r++) ArrayOps.Create(a, i, ArrayOps.Get(o, r));
        return JsValue.FromObject(a);
    }
}
