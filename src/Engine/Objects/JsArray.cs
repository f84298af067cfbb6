namespace DualEngine.Engine.Objects;

/// <summary>
/// An Array exotic object (§10.4.2). Elements live in a dense <see cref="JsValue"/> array (holes are
/// <see cref="JsValue.Empty"/>) while they are plain data properties; a far-away index or an element with
/// unusual attributes moves the array to "sparse" mode, where elements are ordinary slot properties.
/// "length" is virtual: never in the slots.
/// </summary>
internal sealed class JsArray : JsObject
{
    internal JsValue[]? _dense;
    internal uint _length;
    private bool _lengthWritable = true;

    public JsArray(JsObject prototype, int capacity = 0) : base(prototype) =>
        _dense = capacity == 0 ? [] : new JsValue[capacity];

    /// <summary>An array holding exactly <paramref name="items"/> (takes ownership).</summary>
    public JsArray(JsObject prototype, JsValue[] items, int count) : base(prototype)
    {
        _dense = items;
        _length = (uint)count;
        MemoryBudget.Account(count * (long)JsValue.Size);
    }

    /// <summary>
    /// An array literal's leading elements (§13.2.4.1): <paramref name="items"/> holds them at 0..count-1 and is
    /// taken over as the dense storage. The caller accounts the memory. Each element is defined as with
    /// CreateDataPropertyOrThrow, so setters or read-only elements on Array.prototype are not consulted.
    /// </summary>
    internal JsArray(JsObject prototype, JsValue[] items, uint count, bool _) : base(prototype)
    {
        _dense = items;
        _length = count;
    }

    public override string ClassName => "Array";
    protected override bool IsExoticStorage => true;
    public uint Length => _length;
    public bool IsDense => _dense is not null;
    /// <summary>The "length" property's [[Writable]] attribute.</summary>
    public bool LengthWritable => _lengthWritable;

    private static readonly PropertyKey LengthKey = "length";

    // ---- fast element access used by the interpreter and builtins ----

    /// <summary>Reads element <paramref name="index"/> if it is an own dense element; false for holes and sparse arrays.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetDense(uint index, out JsValue value)
    {
        var dense = _dense;
        if (dense is not null && index < _length && index < (uint)dense.Length)
        {
            value = dense[index];
            return !value.IsEmpty;
        }
        value = default;
        return false;
    }

    /// <summary>Writes an element directly when that is what [[Set]] would do; false means take the slow path.</summary>
    public bool TrySetDense(uint index, in JsValue value)
    {
        if (_dense is null) return false;
        if (index < _length && index < (uint)_dense.Length && !_dense[index].IsEmpty)
        {
            _dense[index] = value;
            return true;
        }
        if (!_extensible || (index >= _length && !_lengthWritable) || PrototypesHaveElements()) return false;
        return StoreDense(index, value);
    }

    /// <summary>Appends with [[Set]] semantics (a prototype's setter or read-only element at that index decides).</summary>
    public void Push(in JsValue value)
    {
        if (!TryAppendDense(value)) Set(PropertyKey.FromIndex(_length), value, JsValue.FromObject(this));
    }

    /// <summary>
    /// Appends <paramref name="value"/> when Set(O, length, value) (§7.3.4, as in Array.prototype.push §23.1.3.23
    /// step 5) would simply define it on this array: there is no own element at that index, so OrdinarySet
    /// (§10.1.9.2) consults the prototypes, and only without any element on them does it define the element
    /// here, which needs an extensible array and a writable length. False (array unchanged) otherwise.
    /// </summary>
    public bool TryAppendDense(in JsValue value)
    {
        var dense = _dense;
        uint len = _length;
        if (dense is null || !_extensible || !_lengthWritable || PrototypesHaveElements()) return false;
        if (len < (uint)dense.Length)
        {
            // Room in the storage: one store.
            dense[len] = value;
            _length = len + 1;
            return true;
        }
        return StoreDense(len, value);
    }

    /// <summary>
    /// Appends an array literal element: CreateDataPropertyOrThrow (§13.2.4.1 ArrayAccumulation), which defines
    /// the element on the array itself and never calls a setter (or fails on a read-only element) of a prototype.
    /// </summary>
    public void AppendLiteral(in JsValue value)
    {
        if (_dense is null || !_extensible || !_lengthWritable || !StoreDense(_length, value))
            DefineOwnProperty(PropertyKey.FromIndex(_length), PropertyDescriptor.Data(value));
    }

    /// <summary>True when a prototype may supply elements, so a hole does not simply read as undefined.</summary>
    internal bool PrototypesHaveElements()
    {
        // The usual chain (Array.prototype, an Array, then Object.prototype, a plain object) is answered from
        // their fields; other kinds of object are asked (proxies, arguments objects, ...).
        for (var p = _prototype; p is not null; p = p._prototype)
        {
            if (p is JsArray array)
            {
                if (array._length > 0) return true;
            }
            else if (p.MayHaveElementsNonVirtual) return true;
        }
        return false;
    }

    /// <summary>
    /// Sets <paramref name="items"/>[from..to) to holes. Empty holds no reference, so each element is written as
    /// plain bits, without the GC write barrier a JsValue store would take.
    /// </summary>
    private static void FillHoles(JsValue[] items, long from, long to)
    {
        var empty = Unsafe.As<JsValue, JsValue.Bits>(ref Unsafe.AsRef(in JsValue.Empty));
        for (long i = from; i < to; i++) Unsafe.As<JsValue, JsValue.Bits>(ref items[i]) = empty;
    }

    private bool StoreDense(uint index, in JsValue value)
    {
        var dense = _dense!;
        if (index >= (uint)dense.Length)
        {
            // Grow geometrically, but an index far past the end makes the array sparse instead.
            if (index > 1024 && index > (ulong)dense.Length * 2 + 16) return false;
            long newCap = Math.Max(Math.Max(8, (long)dense.Length * 2), (long)index + 1);
            if (newCap > int.MaxValue - 64) return false;
            MemoryBudget.Account((newCap - dense.Length) * JsValue.Size);
            var grown = new JsValue[newCap];
            Array.Copy(dense, grown, Math.Min(dense.Length, (int)Math.Min(_length, (uint)dense.Length)));
            // The room past the length is not filled with holes: nothing reads the storage at or past the length
            // (every read checks it), and whatever extends the length writes holes into the gap first (below,
            // Truncate), so those slots are written once, when they come into use.
            _dense = dense = grown;
        }
        dense[index] = value;
        if (index >= _length)
        {
            FillHoles(dense, _length, index);
            _length = index + 1;
        }
        return true;
    }

    /// <summary>Moves elements into ordinary slots (§10.4.2 allows any storage; this is the general one).</summary>
    private void MakeSparse()
    {
        if (_dense is null) return;
        var dense = _dense;
        _dense = null;
        uint n = Math.Min(_length, (uint)dense.Length);
        for (uint i = 0; i < n; i++)
            if (!dense[i].IsEmpty) AddSlot(PropertyKey.FromIndex(i), dense[i], PropertyFlags.Default);
    }

    internal override bool MayHaveElements => _length > 0;

    // ---- internal methods ----

    public override bool GetOwnProperty(in PropertyKey key, out PropertyDescriptor desc)
    {
        if (key.IsArrayIndex && _dense is not null)
        {
            if (TryGetDense(key.Index, out var v))
            {
                desc = PropertyDescriptor.Data(v);
                return true;
            }
            desc = default;
            return false;
        }
        if (!key.IsSymbol && !key.IsArrayIndex && key.Name == "length")
        {
            desc = PropertyDescriptor.Data(JsValue.FromNumber(_length), _lengthWritable ? PropertyFlags.Writable : PropertyFlags.None);
            return true;
        }
        return OrdinaryGetOwnProperty(key, out desc);
    }

    protected override bool TryGetOwnValue(in PropertyKey key, in JsValue receiver, out JsValue value)
    {
        if (key.IsArrayIndex && _dense is not null) return TryGetDense(key.Index, out value);
        if (!key.IsSymbol && !key.IsArrayIndex && key.Name == "length")
        {
            value = JsValue.FromNumber(_length);
            return true;
        }
        return base.TryGetOwnValue(key, receiver, out value);
    }

    public override bool Set(in PropertyKey key, in JsValue value, in JsValue receiver)
    {
        if (key.IsArrayIndex && receiver._ref == (object)this && TrySetDense(key.Index, value)) return true;
        return base.Set(key, value, receiver);
    }

    /// <summary>[[DefineOwnProperty]] (§10.4.2.1).</summary>
    public override bool DefineOwnProperty(in PropertyKey key, in PropertyDescriptor desc)
    {
        if (key.IsArrayIndex)
        {
            uint index = key.Index;
            if (index >= _length && !_lengthWritable) return false;
            if (_dense is not null)
            {
                bool exists = TryGetDense(index, out _);
                bool plain = desc.IsData || desc.IsGeneric;
                bool defaultAttrs = exists
                    ? (!desc.HasWritable || desc.Writable) && (!desc.HasEnumerable || desc.Enumerable) && (!desc.HasConfigurable || desc.Configurable)
                    : desc.HasWritable && desc.Writable && desc.HasEnumerable && desc.Enumerable && desc.HasConfigurable && desc.Configurable;
                if (plain && defaultAttrs)
                {
                    if (!exists && !_extensible) return false;
                    if (exists && !desc.HasValue) return true;
                    if (StoreDense(index, desc.HasValue ? desc.Value : JsValue.Undefined)) return true;
                }
                MakeSparse();
            }
            if (!OrdinaryDefineOwnProperty(key, desc)) return false;
            if (index >= _length) _length = index + 1;
            return true;
        }
        if (!key.IsSymbol && key.Name == "length") return ArraySetLength(desc);
        return OrdinaryDefineOwnProperty(key, desc);
    }

    /// <summary>ArraySetLength (§10.4.2.4).</summary>
    private bool ArraySetLength(in PropertyDescriptor desc)
    {
        // Steps 3-5 come before OrdinaryDefineOwnProperty's attribute checks: a bad length value is a RangeError even in
        // a descriptor that would be rejected anyway (`{ value: -1, configurable: true }`).
        uint newLen = 0;
        if (desc.HasValue)
        {
            newLen = Conversions.ToUint32(desc.Value);
            double numberLen = Conversions.ToNumber(desc.Value);
            if (newLen != numberLen) Throw.RangeError("Invalid array length");
        }
        if (desc.IsAccessor) return false;
        if (desc.HasConfigurable && desc.Configurable) return false;
        if (desc.HasEnumerable && desc.Enumerable) return false;
        if (!desc.HasValue)
        {
            if (desc.HasWritable)
            {
                if (desc.Writable && !_lengthWritable) return false;
                if (!desc.Writable) _lengthWritable = false;
            }
            return true;
        }
        if (!_lengthWritable)
            return newLen == _length && !(desc.HasWritable && desc.Writable);
        bool ok = Truncate(newLen);
        if (desc.HasWritable && !desc.Writable) _lengthWritable = false;
        return ok;
    }

    /// <summary>Sets length, deleting elements at or beyond it; stops at a non-configurable element (§10.4.2.4 step 17).</summary>
    private bool Truncate(uint newLen)
    {
        if (newLen >= _length)
        {
            if (_dense is not null && newLen - _length > 1024 && newLen > (uint)_dense.Length) MakeSparse();
            else if (_dense is not null && newLen <= (uint)_dense.Length)
                FillHoles(_dense, _length, newLen);
            else if (_dense is not null) { StoreDenseHoles(newLen); }
            _length = newLen;
            return true;
        }
        if (_dense is not null)
        {
            FillHoles(_dense, newLen, Math.Min(_length, (uint)_dense.Length));
            _length = newLen;
            return true;
        }
        var doomed = new List<PropertyKey>();
        foreach (var k in OwnPropertyKeys())
            if (k.IsArrayIndex && k.Index >= newLen) doomed.Add(k);
        for (int i = doomed.Count - 1; i >= 0; i--)
        {
            if (!base.Delete(doomed[i]))
            {
                _length = doomed[i].Index + 1;
                return false;
            }
        }
        _length = newLen;
        return true;
    }

    private void StoreDenseHoles(uint newLen)
    {
        var grown = new JsValue[newLen];
        Array.Copy(_dense!, grown, Math.Min(_dense!.Length, (int)_length));
        FillHoles(grown, _length, newLen);
        _dense = grown;
    }

    public override bool Delete(in PropertyKey key)
    {
        if (key.IsArrayIndex && _dense is not null)
        {
            if (key.Index < _length && key.Index < (uint)_dense.Length) _dense[key.Index] = JsValue.Empty;
            return true;
        }
        if (!key.IsSymbol && !key.IsArrayIndex && key.Name == "length") return false;
        return base.Delete(key);
    }

    public override List<PropertyKey> OwnPropertyKeys()
    {
        var keys = new List<PropertyKey>();
        if (_dense is not null)
        {
            uint n = Math.Min(_length, (uint)_dense.Length);
            for (uint i = 0; i < n; i++)
                if (!_dense[i].IsEmpty) keys.Add(PropertyKey.FromIndex(i));
        }
        else
        {
            int count = _shape.Count;
            for (int i = 0; i < count; i++)
                if (_shape.KeyAt(i).IsArrayIndex) keys.Add(_shape.KeyAt(i));
            keys.Sort((a, b) => a.Index.CompareTo(b.Index));
        }
        keys.Add(LengthKey);
        int c = _shape.Count;
        for (int i = 0; i < c; i++)
        {
            var k = _shape.KeyAt(i);
            if (!k.IsArrayIndex && !k.IsSymbol) keys.Add(k);
        }
        for (int i = 0; i < c; i++)
            if (_shape.KeyAt(i).IsSymbol && !_shape.KeyAt(i).Symbol.IsPrivate) keys.Add(_shape.KeyAt(i));
        return keys;
    }

    /// <summary>Array.prototype.shift's fast path: removes element 0 of a hole-free dense array.</summary>
    public bool ShiftDense()
    {
        if (_dense is null || !_extensible || !_lengthWritable || _length == 0 || PrototypesHaveElements()) return false;
        for (uint i = 0; i < _length; i++)
            if (_dense[i].IsEmpty) return false;
        Array.Copy(_dense, 1, _dense, 0, (int)_length - 1);
        _length--;
        _dense[_length] = JsValue.Empty;
        return true;
    }

    public override bool PreventExtensions()
    {
        MakeSparse(); // frozen/sealed arrays keep per-element attributes, which only sparse mode stores
        return base.PreventExtensions();
    }
}

internal static class JsArrayExtensions
{
    /// <summary>The elements as a fresh argument array (spread calls), reading holes through [[Get]].</summary>
    public static JsValue[] ToArgumentArray(this JsArray array)
    {
        var result = new JsValue[array.Length];
        for (uint i = 0; i < array.Length; i++)
            result[i] = array.TryGetDense(i, out var v) ? v : array.Get(PropertyKey.FromIndex(i));
        return result;
    }
}
