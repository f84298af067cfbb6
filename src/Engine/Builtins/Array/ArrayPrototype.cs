using System.Text;

namespace DualEngine.Engine.Builtins;

/// <summary>Array.prototype (§23.1.3). The algorithms are the generic ones (they work on array-likes); ArrayOps takes dense fast paths.</summary>
internal static partial class ArrayPrototype
{
    public static void Install(Realm realm, JsObject proto)
    {
        proto.DefineMethod(realm, "at", 1, At);
        proto.DefineMethod(realm, "concat", 1, Concat);
        proto.DefineMethod(realm, "copyWithin", 2, CopyWithin);
        proto.DefineMethod(realm, "entries", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromObject(new JsArrayIterator(r, Conversions.ToObject(r, t), IterationKind.Entries)));
        proto.DefineMethod(realm, "every", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Iterate(r, t, a, IterateKind.Every));
        proto.DefineMethod(realm, "fill", 1, Fill);
        proto.DefineMethod(realm, "filter", 1, Filter);
        proto.DefineMethod(realm, "find", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => FindVia(r, t, a, fromEnd: false, wantIndex: false));
        proto.DefineMethod(realm, "findIndex", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => FindVia(r, t, a, fromEnd: false, wantIndex: true));
        proto.DefineMethod(realm, "findLast", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => FindVia(r, t, a, fromEnd: true, wantIndex: false));
        proto.DefineMethod(realm, "findLastIndex", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => FindVia(r, t, a, fromEnd: true, wantIndex: true));
        proto.DefineMethod(realm, "flat", 0, Flat);
        proto.DefineMethod(realm, "flatMap", 1, FlatMap);
        proto.DefineMethod(realm, "forEach", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Iterate(r, t, a, IterateKind.ForEach));
        proto.DefineMethod(realm, "includes", 1, Includes);
        proto.DefineMethod(realm, "indexOf", 1, IndexOf);
        proto.DefineMethod(realm, "join", 1, Join);
        proto.DefineMethod(realm, "keys", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromObject(new JsArrayIterator(r, Conversions.ToObject(r, t), IterationKind.Keys)));
        proto.DefineMethod(realm, "lastIndexOf", 1, LastIndexOf);
        proto.DefineMethod(realm, "map", 1, Map);
        proto.DefineMethod(realm, "pop", 0, Pop);
        proto.DefineMethod(realm, "push", 1, Push);
        proto.DefineMethod(realm, "reduce", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Reduce(r, t, a, fromEnd: false));
        proto.DefineMethod(realm, "reduceRight", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Reduce(r, t, a, fromEnd: true));
        proto.DefineMethod(realm, "reverse", 0, Reverse);
        proto.DefineMethod(realm, "shift", 0, Shift);
        proto.DefineMethod(realm, "slice", 2, Slice);
        proto.DefineMethod(realm, "some", 1, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => Iterate(r, t, a, IterateKind.Some));
        proto.DefineMethod(realm, "sort", 1, Sort);
        proto.DefineMethod(realm, "splice", 2, Splice);
        proto.DefineMethod(realm, "toLocaleString", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JoinWith(r, t, JsValue.Undefined, locale: true));
        proto.DefineMethod(realm, "toReversed", 0, ToReversed);
        proto.DefineMethod(realm, "toSorted", 1, ToSorted);
        proto.DefineMethod(realm, "toSpliced", 2, ToSpliced);
        proto.DefineMethod(realm, "toString", 0, ToStringMethod);
        proto.DefineMethod(realm, "unshift", 1, Unshift);
        var values = proto.DefineMethod(realm, "values", 0, (Realm r, in JsValue t, ReadOnlySpan<JsValue> a) => JsValue.FromObject(new JsArrayIterator(r, Conversions.ToObject(r, t), IterationKind.Values)));
        proto.DefineMethod(realm, "with", 2, With);
        proto.FastSet(WellKnownSymbols.Iterator, JsValue.FromObject(values), PropertyFlags.Hidden);
        realm.Intrinsics.ArrayProtoValues = values;
        var unscopables = new JsObject(null);
        foreach (var name in (string[])["at", "copyWithin", "entries", "fill", "find", "findIndex", "findLast", "findLastIndex", "flat", "flatMap", "includes", "keys", "toReversed", "toSorted", "toSpliced", "values"])
            unscopables.FastSet(name, JsValue.True);
        proto.FastSet(WellKnownSymbols.Unscopables, JsValue.FromObject(unscopables), PropertyFlags.Configurable);
    }

    private static JsObject This(Realm realm, in JsValue thisValue) => Conversions.ToObject(realm, thisValue);

    private static JsValue At(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        double rel = Conversions.ToIntegerOrInfinity(args.At(0));
        double k = rel >= 0 ? rel : len + rel;
        if (k < 0 || k >= len) return JsValue.Undefined;
        return ArrayOps.Get(o, (long)k);
    }

    /// <summary>IsConcatSpreadable (§23.1.3.2.1).</summary>
    private static bool IsConcatSpreadable(in JsValue v)
    {
        if (!v.IsObject) return false;
        var spreadable = v.AsObject().Get(WellKnownSymbols.IsConcatSpreadable, v);
        if (!spreadable.IsUndefined) return Conversions.ToBoolean(spreadable);
        return ArrayConstructor.IsArray(v);
    }

    private static JsValue Concat(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        var a = ArrayOps.SpeciesCreate(realm, o, 0);
        long n = 0;
        var items = new List<JsValue>(args.Length + 1) { JsValue.FromObject(o) };
        foreach (var arg in args) items.Add(arg);
        foreach (var e in items)
        {
            if (IsConcatSpreadable(e))
            {
                var eo = e.AsObject();
                long len = ArrayOps.Length(eo);
                if (n + len > 9007199254740991) Throw.TypeError("Invalid array length");
                for (long k = 0; k < len; k++, n++)
                    if (ArrayOps.Has(eo, k)) ArrayOps.Create(a, n, ArrayOps.Get(eo, k));
            }
            else ArrayOps.Create(a, n++, e);
        }
        ArrayOps.SetLength(a, n);
        return JsValue.FromObject(a);
    }

    private static JsValue CopyWithin(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        long to = ArrayOps.RelativeIndex(args.At(0), len, 0);
        long from = ArrayOps.RelativeIndex(args.At(1), len, 0);
        long final = ArrayOps.RelativeIndex(args.At(2), len, len);
        long count = Math.Min(final - from, len - to);
        int dir = 1;
        if (from < to && to < from + count) { dir = -1; from += count - 1; to += count - 1; }
        while (count-- > 0)
        {
            if (ArrayOps.Has(o, from)) ArrayOps.Set(o, to, ArrayOps.Get(o, from));
            else ArrayOps.Delete(o, to);
            from += dir;
            to += dir;
        }
        return JsValue.FromObject(o);
    }

    private enum IterateKind { ForEach, Every, Some }

    /// <summary>forEach / every / some (§23.1.3.15, §23.1.3.6, §23.1.3.29): visit present elements in order.</summary>
    private static JsValue Iterate(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, IterateKind kind)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        var fn = ArrayOps.Callback(args.At(0), "forEach");
        var thisArg = args.At(1);
        var self = JsValue.FromObject(o);
        var callArgs = new JsValue[3];
        for (long k = 0; k < len; k++)
        {
            if (!ArrayOps.Has(o, k)) continue;
            callArgs[0] = ArrayOps.Get(o, k);
            callArgs[1] = JsValue.FromNumber(k);
            callArgs[2] = self;
            var r = fn.Call(thisArg, callArgs);
            if (kind == IterateKind.Every && !Conversions.ToBoolean(r)) return JsValue.False;
            if (kind == IterateKind.Some && Conversions.ToBoolean(r)) return JsValue.True;
        }
        return kind switch { IterateKind.Every => JsValue.True, IterateKind.Some => JsValue.False, _ => JsValue.Undefined };
    }

    private static JsValue Fill(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        long k = ArrayOps.RelativeIndex(args.At(1), len, 0);
        long final = ArrayOps.RelativeIndex(args.At(2), len, len);
        for (; k < final; k++) ArrayOps.Set(o, k, args.At(0));
        return JsValue.FromObject(o);
    }

    private static JsValue Filter(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        var fn = ArrayOps.Callback(args.At(0), "filter");
        var a = ArrayOps.SpeciesCreate(realm, o, 0);
        long to = 0;
        var self = JsValue.FromObject(o);
        for (long k = 0; k < len; k++)
        {
            if (!ArrayOps.Has(o, k)) continue;
            var v = ArrayOps.Get(o, k);
            if (Conversions.ToBoolean(fn.Call(args.At(1), [v, JsValue.FromNumber(k), self]))) ArrayOps.Create(a, to++, v);
        }
        return JsValue.FromObject(a);
    }

    private static JsValue FindVia(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, bool fromEnd, bool wantIndex)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        var fn = ArrayOps.Callback(args.At(0), "find");
        var self = JsValue.FromObject(o);
        for (long i = 0; i < len; i++)
        {
            long k = fromEnd ? len - 1 - i : i;
            var v = ArrayOps.Get(o, k);
            if (Conversions.ToBoolean(fn.Call(args.At(1), [v, JsValue.FromNumber(k), self])))
                return wantIndex ? JsValue.FromNumber(k) : v;
        }
        return wantIndex ? JsValue.FromNumber(-1) : JsValue.Undefined;
    }

    /// <summary>FlattenIntoArray (§23.1.3.13.1), iterative over depth via recursion bounded by the stack guard.</summary>
    private static long FlattenInto(Realm realm, JsObject target, JsObject source, long sourceLen, long start, double depth, JsFunction? mapper, in JsValue thisArg)
    {
        Throw.IfStackLow();
        long targetIndex = start;
        for (long k = 0; k < sourceLen; k++)
        {
            if (!ArrayOps.Has(source, k)) continue;
            var element = ArrayOps.Get(source, k);
            if (mapper is not null) element = mapper.Call(thisArg, [element, JsValue.FromNumber(k), JsValue.FromObject(source)]);
            if (depth > 0 && ArrayConstructor.IsArray(element))
                targetIndex = FlattenInto(realm, target, element.AsObject(), ArrayOps.Length(element.AsObject()), targetIndex, depth - 1, null, JsValue.Undefined);
            else ArrayOps.Create(target, targetIndex++, element);
        }
        return targetIndex;
    }

    private static JsValue Flat(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        double depth = args.At(0).IsUndefined ? 1 : Math.Max(0, Conversions.ToIntegerOrInfinity(args.At(0)));
        var a = ArrayOps.SpeciesCreate(realm, o, 0);
        FlattenInto(realm, a, o, len, 0, depth, null, JsValue.Undefined);
        return JsValue.FromObject(a);
    }

    private static JsValue FlatMap(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        var fn = ArrayOps.Callback(args.At(0), "flatMap");
        var a = ArrayOps.SpeciesCreate(realm, o, 0);
        FlattenInto(realm, a, o, len, 0, 1, fn, args.At(1));
        return JsValue.FromObject(a);
    }

    private static JsValue Includes(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        if (len == 0) return JsValue.False;
        double n = Conversions.ToIntegerOrInfinity(args.At(1));
        long k = n >= 0 ? (long)Math.Min(n, len) : (long)Math.Max(len + n, 0);
        for (; k < len; k++)
            if (Operators.SameValueZero(ArrayOps.Get(o, k), args.At(0))) return JsValue.True;
        return JsValue.False;
    }

    private static JsValue IndexOf(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        if (len == 0) return JsValue.FromNumber(-1);
        double n = Conversions.ToIntegerOrInfinity(args.At(1));
        long k = n >= 0 ? (long)Math.Min(n, len) : (long)Math.Max(len + n, 0);
        for (; k < len; k++)
            if (ArrayOps.Has(o, k) && Operators.StrictEquals(ArrayOps.Get(o, k), args.At(0))) return JsValue.FromNumber(k);
        return JsValue.FromNumber(-1);
    }

    private static JsValue LastIndexOf(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        if (len == 0) return JsValue.FromNumber(-1);
        double n = args.Length > 1 ? Conversions.ToIntegerOrInfinity(args[1]) : len - 1;
        long k = n >= 0 ? (long)Math.Min(n, len - 1) : (long)(len + n);
        for (; k >= 0; k--)
            if (ArrayOps.Has(o, k) && Operators.StrictEquals(ArrayOps.Get(o, k), args.At(0))) return JsValue.FromNumber(k);
        return JsValue.FromNumber(-1);
    }

    private static JsValue Join(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args) =>
        JoinWith(realm, thisValue, args.At(0), locale: false);

    [ThreadStatic] private static HashSet<JsObject>? t_joinCycle;

    /// <summary>Array.prototype.join (§23.1.3.18); cyclic arrays join as "" like every engine does.</summary>
    private static JsValue JoinWith(Realm realm, in JsValue thisValue, in JsValue separatorArg, bool locale)
    {
        // Steps 1-4: ToObject(this value), LengthOfArrayLike, and only then ToString(separator) (undefined is ",").
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        string separator = separatorArg.IsUndefined ? "," : Conversions.ToString(separatorArg);
        var cycle = t_joinCycle ??= new HashSet<JsObject>(ReferenceEqualityComparer.Instance);
        if (!locale && o is JsArray { IsDense: true } dense && dense.Length == len && (cycle.Count == 0 || !cycle.Contains(o)) && TryJoinDense(dense, separator) is { } joined)
            return JsValue.FromString(joined);
        if (!cycle.Add(o)) return JsValue.EmptyString;
        try
        {
            var sb = new StringBuilder();
            for (long k = 0; k < len; k++)
            {
                if (k > 0) sb.Append(separator);
                var e = ArrayOps.Get(o, k);
                if (e.IsNullish) continue;
                if (locale)
                {
                    var fn = Interpreter.Machine.GetNamedSlow(realm, e, "toLocaleString", null);
                    sb.Append(Conversions.ToString(ArrayOps.Callback(fn, "toLocaleString").Call(e, ReadOnlySpan<JsValue>.Empty)));
                }
                else sb.Append(Conversions.ToString(e));
                if (sb.Length > JsRope.MaxStringLength) Throw.RangeError("Invalid string length");
            }
            return JsValue.FromString(sb.ToString());
        }
        finally
        {
            cycle.Remove(o);
        }
    }

    /// <summary>
    /// join's fast path for a dense array of primitives: their ToString runs no script code, so the parts can be
    /// converted first and copied once into a string of the exact length. Null when an element is an object or a
    /// symbol, or a hole could read through to a prototype; the generic algorithm then runs (nothing observable
    /// happened yet).
    /// </summary>
    private static string? TryJoinDense(JsArray array, string separator)
    {
        uint len = array.Length;
        if (len == 0) return "";
        var dense = array._dense!;
        if (len == 1 && dense.Length > 0 && dense[0].IsString) return dense[0].AsString();
        // Only arrays whose elements all live in the dense storage (so the temporary parts array is no bigger
        // than what the array already holds), and no separator run that alone is too long.
        if (len > (uint)dense.Length || (long)separator.Length * (len - 1) > JsRope.MaxStringLength) return null;
        var parts = System.Buffers.ArrayPool<string>.Shared.Rent((int)len);
        try
        {
            long total = (long)separator.Length * (len - 1);
            bool holesReadProto = false, checkedHoles = false;
            for (int k = 0; k < (int)len; k++)
            {
                string part;
                ref readonly var e = ref dense[k];
                switch (e._tag)
                {
                    case JsValue.Tag.String: part = e.AsString(); break;
                    case JsValue.Tag.Number: part = NumberFormatting.ToJsString(e._number); break;
                    case JsValue.Tag.Boolean: part = e.AsBoolean() ? "true" : "false"; break;
                    case JsValue.Tag.Undefined or JsValue.Tag.Null: part = ""; break;
                    case JsValue.Tag.BigInt: part = Conversions.ToString(e); break;
                    case JsValue.Tag.Empty:
                        if (!checkedHoles) { holesReadProto = array.PrototypesHaveElements(); checkedHoles = true; }
                        if (holesReadProto) return null;
                        part = "";
                        break;
                    default: return null; // objects (toString may run code) and symbols (TypeError)
                }
                parts[k] = part;
                total += part.Length;
            }
            if (total > JsRope.MaxStringLength) Throw.RangeError("Invalid string length");
            return string.Create((int)total, (parts, (int)len, separator), static (span, state) =>
            {
                var (items, count, sep) = state;
                int pos = 0;
                for (int k = 0; k < count; k++)
                {
                    if (k > 0 && sep.Length > 0)
                    {
                        sep.CopyTo(span[pos..]);
                        pos += sep.Length;
                    }
                    items[k].CopyTo(span[pos..]);
                    pos += items[k].Length;
                }
            });
        }
        finally
        {
            // Clear only what was used (the rented array may be much longer) so no strings stay reachable.
            Array.Clear(parts, 0, (int)len);
            System.Buffers.ArrayPool<string>.Shared.Return(parts);
        }
    }

    private static JsValue Map(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        var fn = ArrayOps.Callback(args.At(0), "map");
        var a = ArrayOps.SpeciesCreate(realm, o, len);
        var self = JsValue.FromObject(o);
        var callArgs = new JsValue[3];
        for (long k = 0; k < len; k++)
        {
            if (!ArrayOps.Has(o, k)) continue;
            callArgs[0] = ArrayOps.Get(o, k);
            callArgs[1] = JsValue.FromNumber(k);
            callArgs[2] = self;
            ArrayOps.Create(a, k, fn.Call(args.At(1), callArgs));
        }
        return JsValue.FromObject(a);
    }

    private static JsValue Pop(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        if (len == 0)
        {
            ArrayOps.SetLength(o, 0);
            return JsValue.Undefined;
        }
        var element = ArrayOps.Get(o, len - 1);
        ArrayOps.Delete(o, len - 1);
        ArrayOps.SetLength(o, len - 1);
        return element;
    }

    /// <summary>Array.prototype.push (§23.1.3.23).</summary>
    private static JsValue Push(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        if (thisValue._ref is JsArray arr)
        {
            // Each fast append is exactly step 5's Set(O, len, E, true) (the array's length follows the new
            // element, so step 6's Set of "length" would change nothing). The first value that needs the real
            // [[Set]] (a prototype element, a non-writable length, a non-extensible or sparse array) continues
            // with the generic steps from there. Without arguments, step 6 still fails on a non-writable length.
            int done = 0;
            while (done < args.Length && arr.TryAppendDense(args[done])) done++;
            if (done == args.Length && (done > 0 || arr.LengthWritable)) return JsValue.FromNumber(arr.Length);
            args = args[done..];
        }
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        if (len + args.Length > 9007199254740991) Throw.TypeError("Pushing " + args.Length + " elements on an array-like of length " + len + " is disallowed");
        foreach (var v in args) ArrayOps.Set(o, len++, v);
        ArrayOps.SetLength(o, len);
        return JsValue.FromNumber(len);
    }

    private static JsValue Reduce(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args, bool fromEnd)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        var fn = ArrayOps.Callback(args.At(0), "reduce");
        long k = fromEnd ? len - 1 : 0;
        int step = fromEnd ? -1 : 1;
        JsValue acc;
        if (args.Length >= 2) acc = args[1];
        else
        {
            bool found = false;
            acc = JsValue.Undefined;
            for (; fromEnd ? k >= 0 : k < len; k += step)
            {
                if (!ArrayOps.Has(o, k)) continue;
                acc = ArrayOps.Get(o, k);
                found = true;
                k += step;
                break;
            }
            if (!found) Throw.TypeError("Reduce of empty array with no initial value");
        }
        var self = JsValue.FromObject(o);
        for (; fromEnd ? k >= 0 : k < len; k += step)
        {
            if (!ArrayOps.Has(o, k)) continue;
            acc = fn.Call(JsValue.Undefined, [acc, ArrayOps.Get(o, k), JsValue.FromNumber(k), self]);
        }
        return acc;
    }

    private static JsValue Reverse(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        for (long lower = 0, upper = len - 1; lower < upper; lower++, upper--)
        {
            // §23.1.3.26 step 5: HasProperty(lower), Get(lower), then HasProperty(upper), Get(upper) — a getter
            // on lower may delete upper.
            bool lowerExists = ArrayOps.Has(o, lower);
            var lowerValue = lowerExists ? ArrayOps.Get(o, lower) : default;
            bool upperExists = ArrayOps.Has(o, upper);
            var upperValue = upperExists ? ArrayOps.Get(o, upper) : default;
            if (upperExists) ArrayOps.Set(o, lower, upperValue); else if (lowerExists) ArrayOps.Delete(o, lower);
            if (lowerExists) ArrayOps.Set(o, upper, lowerValue); else if (upperExists) ArrayOps.Delete(o, upper);
        }
        return JsValue.FromObject(o);
    }

    private static JsValue Shift(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        if (len == 0)
        {
            ArrayOps.SetLength(o, 0);
            return JsValue.Undefined;
        }
        var first = ArrayOps.Get(o, 0);
        if (o is JsArray { IsDense: true } arr && arr.ShiftDense()) return first;
        for (long k = 1; k < len; k++)
        {
            if (ArrayOps.Has(o, k)) ArrayOps.Set(o, k - 1, ArrayOps.Get(o, k));
            else ArrayOps.Delete(o, k - 1);
        }
        ArrayOps.Delete(o, len - 1);
        ArrayOps.SetLength(o, len - 1);
        return first;
    }

    private static JsValue Slice(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        long k = ArrayOps.RelativeIndex(args.At(0), len, 0);
        long final = ArrayOps.RelativeIndex(args.At(1), len, len);
        long count = Math.Max(final - k, 0);
        var a = ArrayOps.SpeciesCreate(realm, o, count);
        long n = 0;
        for (; k < final; k++, n++)
            if (ArrayOps.Has(o, k)) ArrayOps.Create(a, n, ArrayOps.Get(o, k));
        ArrayOps.SetLength(a, n);
        return JsValue.FromObject(a);
    }

    private static JsValue ToStringMethod(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        var join = o.Get("join");
        if (join._ref is JsFunction f) return f.Call(JsValue.FromObject(o), ReadOnlySpan<JsValue>.Empty);
        return ObjectPrototype.ToStringMethod(realm, JsValue.FromObject(o), ReadOnlySpan<JsValue>.Empty);
    }

    private static JsValue Unshift(Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var o = This(realm, thisValue);
        long len = ArrayOps.Length(o);
        int argCount = args.Length;
        if (argCount > 0)
        {
            for (long k = len; k > 0; k--)
            {
                long from = k - 1, to = k + argCount - 1;
                if (ArrayOps.Has(o, from)) ArrayOps.Set(o, to, ArrayOps.Get(o, from));
                else ArrayOps.Delete(o, to);
            }
            for (int j = 0; j < argCount; j++) ArrayOps.Set(o, j, args[j]);
        }
        ArrayOps.SetLength(o, len + argCount);
        return JsValue.FromNumber(len + argCount);
    }
}
