namespace DualEngine.Engine.Objects;

/// <summary>
/// An ordinary object (§10.1): prototype, extensible flag, and properties kept as a <see cref="Shape"/>
/// plus a slot array. Exotic objects (arrays §10.4.2, strings §10.4.3, arguments §10.4.4, proxies §10.5)
/// override the internal methods; <see cref="IsProxyLike"/> tells the iterative prototype walks below to
/// hand over to the virtual method instead of reading slots.
/// </summary>
internal partial class JsObject
{
    internal Shape _shape;
    internal JsValue[] _slots;
    internal JsObject? _prototype;
    internal bool _extensible;
    private bool _hasIndexedSlots;
    /// <summary>
    /// <see cref="_slots"/> is shared with other objects (the "length"/"name" values of fresh closures of one
    /// function code, see JsClosure) and must be copied before any write. Shared arrays are exact-size and hold
    /// only non-writable data properties, so no inline cache or [[Set]] fast path ever writes into them; every
    /// other write path below calls <see cref="EnsureOwnSlots"/>.
    /// </summary>
    private protected bool _sharedSlots;
    /// <summary>
    /// An immutable prototype exotic object (§10.4.7, %Object.prototype%): [[SetPrototypeOf]] succeeds only with the
    /// prototype it already has (SetImmutablePrototype).
    /// </summary>
    internal bool _immutablePrototype;

    /// <summary>
    /// Could this object have integer-keyed properties? Arrays' fast element writes must not skip a setter
    /// or read-only element on a prototype (§10.1.9), so they ask every prototype.
    /// </summary>
    internal virtual bool MayHaveElements => _hasIndexedSlots || IsProxyLike;

    /// <summary><see cref="MayHaveElements"/> without a virtual call when this is a plain ordinary object.</summary>
    internal bool MayHaveElementsNonVirtual => GetType() == typeof(JsObject) ? _hasIndexedSlots : MayHaveElements;

    private static readonly JsValue[] NoSlots = [];

    public JsObject(JsObject? prototype)
    {
        _shape = Shape.Empty;
        _slots = NoSlots;
        _prototype = prototype;
        _extensible = true;
    }

    /// <summary>
    /// An object that starts at <paramref name="shape"/> with <paramref name="slots"/> as its values (taken over,
    /// at least <c>shape.Count</c> long): object literals with a fixed set of keys and fresh function objects,
    /// which reach a known shape without walking the transition tree key by key.
    /// </summary>
    internal JsObject(JsObject? prototype, Shape shape, JsValue[] slots, bool hasIndexedSlots)
    {
        _shape = shape;
        _slots = slots;
        _prototype = prototype;
        _extensible = true;
        _hasIndexedSlots = hasIndexedSlots;
    }

    /// <summary>For Object.prototype.toString's fallback and debugging display.</summary>
    public virtual string ClassName => "Object";

    /// <summary>True when [[Get]]/[[Set]]/[[HasProperty]] are not the ordinary ones (proxies, module namespaces).</summary>
    public virtual bool IsProxyLike => false;

    public virtual string DisplayString() => "[object " + ClassName + "]";

    // ---- §10.1.1 / §10.1.2 [[GetPrototypeOf]] / [[SetPrototypeOf]] ----

    public virtual JsObject? GetPrototypeOf() => _prototype;

    /// <summary>OrdinarySetPrototypeOf (§10.1.2.1).</summary>
    public virtual bool SetPrototypeOf(JsObject? proto)
    {
        if (ReferenceEquals(proto, _prototype)) return true;
        if (!_extensible || _immutablePrototype) return false;
        for (var p = proto; p is not null; p = p._prototype)
        {
            if (ReferenceEquals(p, this)) return false;
            if (p.IsProxyLike) break;
        }
        _prototype = proto;
        return true;
    }

    // ---- §10.1.3 / §10.1.4 ----

    public virtual bool IsExtensible() => _extensible;

    public virtual bool PreventExtensions()
    {
        _extensible = false;
        return true;
    }

    // ---- §10.1.5 [[GetOwnProperty]] ----

    public virtual bool GetOwnProperty(in PropertyKey key, out PropertyDescriptor desc) => OrdinaryGetOwnProperty(key, out desc);

    /// <summary>OrdinaryGetOwnProperty (§10.1.5.1) over the shape/slot storage.</summary>
    protected bool OrdinaryGetOwnProperty(in PropertyKey key, out PropertyDescriptor desc)
    {
        int slot = _shape.IndexOf(key);
        if (slot < 0)
        {
            desc = default;
            return false;
        }
        var flags = _shape.FlagsAt(slot);
        if ((flags & PropertyFlags.Accessor) != 0)
        {
            var pair = (AccessorPair)_slots[slot]._ref!;
            desc = PropertyDescriptor.Accessor(pair.Getter, pair.Setter, flags);
        }
        else
        {
            desc = PropertyDescriptor.Data(_slots[slot], flags);
        }
        return true;
    }

    // ---- §10.1.6 [[DefineOwnProperty]] ----

    public virtual bool DefineOwnProperty(in PropertyKey key, in PropertyDescriptor desc) => OrdinaryDefineOwnProperty(key, desc);

    /// <summary>OrdinaryDefineOwnProperty (§10.1.6.1) with ValidateAndApplyPropertyDescriptor (§10.1.6.3) over slot storage.</summary>
    protected bool OrdinaryDefineOwnProperty(in PropertyKey key, in PropertyDescriptor desc)
    {
        int slot = _shape.IndexOf(key);
        if (slot < 0)
        {
            if (!IsExtensible()) return false;
            if (desc.IsAccessor)
                AddSlot(key, JsValue.FromAccessor(new AccessorPair(desc.Getter, desc.Setter)), desc.ToFlags() | PropertyFlags.Accessor);
            else
                AddSlot(key, desc.HasValue ? desc.Value : JsValue.Undefined, desc.ToFlags());
            return true;
        }
        var flags = _shape.FlagsAt(slot);
        bool currentIsAccessor = (flags & PropertyFlags.Accessor) != 0;
        bool configurable = (flags & PropertyFlags.Configurable) != 0;
        if (!configurable)
        {
            if (desc.HasConfigurable && desc.Configurable) return false;
            if (desc.HasEnumerable && desc.Enumerable != ((flags & PropertyFlags.Enumerable) != 0)) return false;
            if (!desc.IsGeneric && desc.IsAccessor != currentIsAccessor) return false;
            if (currentIsAccessor)
            {
                var pair = (AccessorPair)_slots[slot]._ref!;
                if (desc.HasGet && !ReferenceEquals(desc.Getter, pair.Getter)) return false;
                if (desc.HasSet && !ReferenceEquals(desc.Setter, pair.Setter)) return false;
            }
            else if ((flags & PropertyFlags.Writable) == 0)
            {
                if (desc.HasWritable && desc.Writable) return false;
                if (desc.HasValue && !Operators.SameValue(desc.Value, _slots[slot])) return false;
            }
        }

        EnsureOwnSlots();
        var newFlags = flags;
        if (desc.HasConfigurable) newFlags = desc.Configurable ? newFlags | PropertyFlags.Configurable : newFlags & ~PropertyFlags.Configurable;
        if (desc.HasEnumerable) newFlags = desc.Enumerable ? newFlags | PropertyFlags.Enumerable : newFlags & ~PropertyFlags.Enumerable;

        if (desc.IsAccessor)
        {
            AccessorPair pair;
            if (!currentIsAccessor)
            {
                pair = new AccessorPair(null, null);
                newFlags = (newFlags & ~PropertyFlags.Writable) | PropertyFlags.Accessor;
                _slots[slot] = JsValue.FromAccessor(pair);
            }
            else
            {
                pair = (AccessorPair)_slots[slot]._ref!;
            }
            if (desc.HasGet) pair.Getter = desc.Getter;
            if (desc.HasSet) pair.Setter = desc.Setter;
        }
        else if (desc.IsData)
        {
            if (currentIsAccessor)
            {
                newFlags &= ~(PropertyFlags.Accessor | PropertyFlags.Writable);
                _slots[slot] = JsValue.Undefined;
            }
            if (desc.HasWritable) newFlags = desc.Writable ? newFlags | PropertyFlags.Writable : newFlags & ~PropertyFlags.Writable;
            if (desc.HasValue) _slots[slot] = desc.Value;
        }
        if (newFlags != flags) ChangeFlags(slot, newFlags);
        return true;
    }

    // ---- slot storage ----

    internal void AddSlot(in PropertyKey key, JsValue value, PropertyFlags flags)
    {
        if (key.IsArrayIndex) _hasIndexedSlots = true;
        int slot = _shape.Count;
        _shape = _shape.Add(key, flags);
        if (slot == _slots.Length)
        {
            Array.Resize(ref _slots, slot == 0 ? 4 : slot * 2);
            _sharedSlots = false;
        }
        else EnsureOwnSlots();
        _slots[slot] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnsureOwnSlots()
    {
        if (_sharedSlots) UnshareSlots();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void UnshareSlots()
    {
        _slots = (JsValue[])_slots.Clone();
        _sharedSlots = false;
    }

    private void ChangeFlags(int slot, PropertyFlags flags)
    {
        _shape = _shape.IsDictionary ? _shape.CloneDictionary() : _shape.ToDictionary();
        _shape.SetFlags(slot, flags);
    }

    private void RemoveSlot(int slot)
    {
        EnsureOwnSlots();
        _shape = _shape.IsDictionary ? _shape.CloneDictionary() : _shape.ToDictionary();
        int count = _shape.Count;
        _shape.RemoveAt(slot);
        Array.Copy(_slots, slot + 1, _slots, slot, count - slot - 1);
        _slots[count - 1] = default;
    }

    /// <summary>Defines or overwrites a data property without checks (for building intrinsics and fresh objects).</summary>
    internal void FastSet(in PropertyKey key, JsValue value, PropertyFlags flags = PropertyFlags.Default)
    {
        int slot = _shape.IndexOf(key);
        if (slot < 0)
        {
            AddSlot(key, value, flags);
            return;
        }
        EnsureOwnSlots();
        if (_shape.FlagsAt(slot) != flags) ChangeFlags(slot, flags);
        _slots[slot] = value;
    }

    internal void FastAccessor(in PropertyKey key, JsFunction? getter, JsFunction? setter, PropertyFlags flags = PropertyFlags.Configurable)
    {
        var pair = new AccessorPair(getter, setter);
        int slot = _shape.IndexOf(key);
        if (slot < 0) AddSlot(key, JsValue.FromAccessor(pair), flags | PropertyFlags.Accessor);
        else
        {
            EnsureOwnSlots();
            ChangeFlags(slot, flags | PropertyFlags.Accessor);
            _slots[slot] = JsValue.FromAccessor(pair);
        }
    }

    // ---- §10.1.7 [[HasProperty]] ----

    public virtual bool HasProperty(in PropertyKey key)
    {
        for (JsObject? o = this; o is not null; o = o.GetPrototypeOf())
        {
            if (o.IsProxyLike && !ReferenceEquals(o, this)) return o.HasProperty(key);
            if (o.HasOwnProperty(key)) return true;
        }
        return false;
    }

    public bool HasOwnProperty(in PropertyKey key) => GetOwnProperty(key, out _);

    // ---- §10.1.8 [[Get]] ----

    /// <summary>
    /// OrdinaryGet (§10.1.8.1), walking the prototype chain in a loop rather than by recursion so a
    /// long chain cannot exhaust the .NET stack.
    /// </summary>
    public virtual JsValue Get(in PropertyKey key, in JsValue receiver)
    {
        for (JsObject? o = this; o is not null;)
        {
            if (o.IsProxyLike && !ReferenceEquals(o, this)) return o.Get(key, receiver);
            if (o.TryGetOwnValue(key, receiver, out var value)) return value;
            o = o.GetPrototypeOf();
        }
        return JsValue.Undefined;
    }

    public JsValue Get(in PropertyKey key) => Get(key, JsValue.FromObject(this));

    /// <summary>Reads an own property's value (calling a getter with <paramref name="receiver"/>); false when absent.</summary>
    protected virtual bool TryGetOwnValue(in PropertyKey key, in JsValue receiver, out JsValue value)
    {
        int slot = _shape.IndexOf(key);
        if (slot < 0)
        {
            value = default;
            return false;
        }
        value = ReadSlot(slot, receiver);
        return true;
    }

    internal JsValue ReadSlot(int slot, in JsValue receiver)
    {
        if ((_shape.FlagsAt(slot) & PropertyFlags.Accessor) == 0) return _slots[slot];
        var getter = ((AccessorPair)_slots[slot]._ref!).Getter;
        return getter is null ? JsValue.Undefined : getter.Call(receiver, ReadOnlySpan<JsValue>.Empty);
    }

    // ---- §10.1.9 [[Set]] ----

    /// <summary>OrdinarySet / OrdinarySetWithOwnDescriptor (§10.1.9.1-2), iterative over the prototype chain.</summary>
    public virtual bool Set(in PropertyKey key, in JsValue value, in JsValue receiver)
    {
        // Fast path: an own writable data property on the receiver itself.
        if (receiver._ref == (object)this && !IsExoticStorage)
        {
            int slot = _shape.IndexOf(key);
            if (slot >= 0 && (_shape.FlagsAt(slot) & (PropertyFlags.Writable | PropertyFlags.Accessor)) == PropertyFlags.Writable)
            {
                _slots[slot] = value;
                return true;
            }
        }
        for (JsObject? o = this; o is not null; o = o.GetPrototypeOf())
        {
            if (o.IsProxyLike && !ReferenceEquals(o, this)) return o.Set(key, value, receiver);
            if (!o.GetOwnProperty(key, out var own)) continue;
            if (own.IsAccessor)
            {
                if (own.Setter is null) return false;
                own.Setter.Call(receiver, new ReadOnlySpan<JsValue>(in value));
                return true;
            }
            if (!own.Writable) return false;
            break;
        }
        return SetOnReceiver(key, value, receiver);
    }

    /// <summary>Steps 2.c-e of OrdinarySetWithOwnDescriptor: create or update the data property on the receiver.</summary>
    internal static bool SetOnReceiver(in PropertyKey key, in JsValue value, in JsValue receiver)
    {
        if (!receiver.IsObject) return false;
        var target = receiver.AsObject();
        if (target.GetOwnProperty(key, out var existing))
        {
            if (existing.IsAccessor || !existing.Writable) return false;
            return target.DefineOwnProperty(key, new PropertyDescriptor { Has = PropertyDescriptor.Fields.Value, Value = value });
        }
        return target.DefineOwnProperty(key, PropertyDescriptor.Data(value));
    }

    /// <summary>True for objects whose own properties are not all in the slots (arrays' elements, string indices...).</summary>
    protected virtual bool IsExoticStorage => false;

    /// <summary><see cref="IsExoticStorage"/> for the interpreter's inline caches.</summary>
    internal bool IsExoticStorageForCache => IsExoticStorage;

    /// <summary>
    /// CreateDataProperty (§7.3.5) for object literals when it is a plain append: an ordinary object
    /// (exactly <see cref="JsObject"/>), extensible, without the key. False means use [[DefineOwnProperty]].
    /// </summary>
    internal bool TryAppendLiteralProperty(in PropertyKey key, in JsValue value)
    {
        if (GetType() != typeof(JsObject) || !_extensible || _shape.IndexOf(key) >= 0) return false;
        AddSlot(key, value, PropertyFlags.Default);
        return true;
    }

    // ---- §10.1.10 [[Delete]] ----

    public virtual bool Delete(in PropertyKey key)
    {
        int slot = _shape.IndexOf(key);
        if (slot < 0) return true;
        if ((_shape.FlagsAt(slot) & PropertyFlags.Configurable) == 0) return false;
        RemoveSlot(slot);
        return true;
    }

    // ---- §10.1.11 [[OwnPropertyKeys]] ----

    /// <summary>OrdinaryOwnPropertyKeys (§10.1.11.1): array indices ascending, then strings, then symbols, each in creation order.</summary>
    public virtual List<PropertyKey> OwnPropertyKeys()
    {
        var keys = new List<PropertyKey>(_shape.Count);
        AddOrdinaryKeys(keys);
        return keys;
    }

    protected void AddOrdinaryKeys(List<PropertyKey> keys)
    {
        int count = _shape.Count;
        int start = keys.Count;
        for (int i = 0; i < count; i++)
        {
            var k = _shape.KeyAt(i);
            if (k.IsArrayIndex) keys.Add(k);
        }
        if (keys.Count - start > 1) keys.Sort(start, keys.Count - start, IndexComparer.Instance);
        for (int i = 0; i < count; i++)
        {
            var k = _shape.KeyAt(i);
            if (!k.IsArrayIndex && !k.IsSymbol) keys.Add(k);
        }
        for (int i = 0; i < count; i++)
        {
            var k = _shape.KeyAt(i);
            if (k.IsSymbol && !k.Symbol.IsPrivate) keys.Add(k);
        }
    }

    private sealed class IndexComparer : IComparer<PropertyKey>
    {
        public static readonly IndexComparer Instance = new();
        public int Compare(PropertyKey x, PropertyKey y) => x.Index.CompareTo(y.Index);
    }
}
