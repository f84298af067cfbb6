namespace DualEngine.Engine.Interpreter;

/// <summary>
/// An Iterator Record (§7.4.1). Arrays whose iteration is unmodified (no own or prototype override of
/// Symbol.iterator, and %ArrayIteratorPrototype%.next intact) are walked by index without allocating
/// iterator result objects — observably the same.
/// </summary>
internal sealed class IteratorRecord
{
    private readonly JsObject? _iterator;
    private readonly JsValue _next;
    private readonly JsArray? _fastArray;
    private uint _index;
    public bool Done;

    private IteratorRecord(JsObject iterator, JsValue next)
    {
        _iterator = iterator;
        _next = next;
    }

    private IteratorRecord(JsArray array)
    {
        _fastArray = array;
    }

    /// <summary>GetIterator(obj, sync) (§7.4.3).</summary>
    public static IteratorRecord From(Realm realm, in JsValue iterable, bool allowFastArray = true)
    {
        if (allowFastArray && iterable._ref is JsArray arr && HasDefaultArrayIteration(realm, arr)) return new IteratorRecord(arr);
        var method = GetMethod(realm, iterable, WellKnownSymbols.Iterator);
        if (method is null) Throw.TypeError(Conversions.ToDisplay(iterable) + " is not iterable");
        return FromMethod(iterable, method!);
    }

    public static IteratorRecord FromMethod(in JsValue iterable, JsFunction method)
    {
        var iterator = method.Call(iterable, ReadOnlySpan<JsValue>.Empty);
        if (!iterator.IsObject) Throw.TypeError("Result of the Symbol.iterator method is not an object");
        var next = iterator.AsObject().Get("next", iterator);
        return new IteratorRecord(iterator.AsObject(), next);
    }

    /// <summary>GetIterator(obj, async) (§7.4.3): falls back to CreateAsyncFromSyncIterator (§27.1.6.1).</summary>
    public static IteratorRecord FromAsync(Realm realm, in JsValue iterable)
    {
        var method = GetMethod(realm, iterable, WellKnownSymbols.AsyncIterator);
        if (method is not null) return FromMethod(iterable, method);
        var sync = From(realm, iterable, allowFastArray: false);
        return sync.ToAsyncFromSync(realm);
    }

    private static JsFunction? GetMethod(Realm realm, in JsValue v, JsSymbol symbol)
    {
        var m = Machine.GetNamedSlow(realm, v, symbol, null);
        if (m.IsNullish) return null;
        if (m._ref is not JsFunction f) return Throw.TypeError<JsFunction>(Conversions.ToDisplay(v) + " is not iterable");
        return f;
    }

    public static bool HasDefaultArrayIteration(Realm realm, JsArray arr)
    {
        if (!arr.IsDense) return false;
        var i = realm.Intrinsics;
        if (!ReferenceEquals(arr.GetPrototypeOf(), i.ArrayPrototype)) return false;
        if (arr._shape.IndexOf(WellKnownSymbols.Iterator) >= 0) return false;
        return realm.ArrayIterationIntact();
    }

    /// <summary>IteratorStep + IteratorValue (§7.4.8, §7.4.4): false when done.</summary>
    public bool Step(out JsValue value)
    {
        if (Done)
        {
            value = JsValue.Undefined;
            return false;
        }
        if (_fastArray is not null)
        {
            if (_index < _fastArray.Length)
            {
                value = _fastArray.TryGetDense(_index, out var v) ? v : _fastArray.Get(PropertyKey.FromIndex(_index));
                _index++;
                return true;
            }
            Done = true;
            value = JsValue.Undefined;
            return false;
        }
        var result = NextResult(JsValue.Undefined, hasValue: false);
        try
        {
            if (Conversions.ToBoolean(result.Get("done")))
            {
                Done = true;
                value = JsValue.Undefined;
                return false;
            }
            value = result.Get("value");
            return true;
        }
        catch (JsThrowable)
        {
            // IteratorStepValue (§7.4.10): an abrupt IteratorComplete or IteratorValue leaves the iterator done, so
            // nothing calls its return() afterwards.
            Done = true;
            throw;
        }
    }

    /// <summary>IteratorNext (§7.4.7): calls next and checks the result is an object.</summary>
    public JsObject NextResult(in JsValue arg, bool hasValue)
    {
        if (_next._ref is not JsFunction fn) return Throw.TypeError<JsObject>(Conversions.ToDisplay(_next) + " is not a function");
        JsValue result;
        bool ok = false;
        try
        {
            result = hasValue ? fn.Call(JsValue.FromObject(_iterator!), new ReadOnlySpan<JsValue>(in arg)) : fn.Call(JsValue.FromObject(_iterator!), ReadOnlySpan<JsValue>.Empty);
            ok = true;
        }
        finally
        {
            if (!ok) Done = true;
        }
        if (!result.IsObject)
        {
            Done = true;
            Throw.TypeError("Iterator result " + Conversions.ToDisplay(result) + " is not an object");
        }
        return result.AsObject();
    }

    public JsObject? Iterator => _iterator;

    /// <summary>IteratorClose with a normal completion (§7.4.11).</summary>
    public void Close()
    {
        Done = true;
        if (_iterator is null) return;
        var ret = _iterator.Get("return");
        if (ret.IsNullish) return;
        if (ret._ref is not JsFunction fn) { Throw.TypeError("iterator.return is not a function"); return; }
        var result = fn.Call(JsValue.FromObject(_iterator), ReadOnlySpan<JsValue>.Empty);
        if (!result.IsObject) Throw.TypeError("Iterator result " + Conversions.ToDisplay(result) + " is not an object");
    }

    /// <summary>IteratorClose with a throw completion: the original error wins (§7.4.11 step 5).</summary>
    public void CloseQuietly()
    {
        if (Done) return;
        try { Close(); }
        catch (JsThrowable) { }
    }

    private IteratorRecord ToAsyncFromSync(Realm realm)
    {
        var wrapper = new AsyncFromSyncIterator(realm, this);
        return new IteratorRecord(wrapper, wrapper.Get("next"));
    }
}

/// <summary>%AsyncFromSyncIteratorPrototype% objects (§27.1.6): await each value of a sync iterator.</summary>
internal sealed class AsyncFromSyncIterator : JsObject
{
    public readonly IteratorRecord Sync;

    public AsyncFromSyncIterator(Realm realm, IteratorRecord sync) : base(realm.Intrinsics.AsyncFromSyncIteratorPrototype) => Sync = sync;
}

/// <summary>
/// The for-in iterator (§14.7.5.10 CreateForInIterator): enumerable string keys of the object and its
/// prototypes, each reported once, skipping keys deleted before they are reached.
/// </summary>
internal sealed class ForInEnumerator
{
    private JsObject? _current;
    private readonly HashSet<string> _visited = new();
    private List<PropertyKey>? _keys;
    private int _index;

    public ForInEnumerator(Realm realm, in JsValue value)
    {
        _current = value.IsNullish ? null : Conversions.ToObject(realm, value);
    }

    public bool MoveNext(out JsValue key)
    {
        while (_current is not null)
        {
            _keys ??= _current.OwnPropertyKeys();
            while (_index < _keys.Count)
            {
                var k = _keys[_index++];
                if (k.IsSymbol) continue;
                if (!_visited.Add(k.Name)) continue;
                if (!_current.GetOwnProperty(k, out var desc) || !desc.Enumerable) continue;
                key = JsValue.FromString(k.Name);
                return true;
            }
            _current = _current.GetPrototypeOf();
            _keys = null;
            _index = 0;
        }
        key = JsValue.Undefined;
        return false;
    }
}
