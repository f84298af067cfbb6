namespace DualEngine.Engine.Objects;

/// <summary>
/// A hidden class: the ordered list of property keys and attributes an object has, with the slot of each.
/// Objects built the same way share a shape through the transition tree, so an inline cache can
/// remember (shape → slot) at a property-access site. An object that deletes properties, changes
/// attributes or grows large switches to a private "dictionary" shape that it mutates in place;
/// caches never remember those.
/// </summary>
internal sealed class Shape
{
    private PropertyKey[] _keys;
    private PropertyFlags[] _flags;
    private int _count;
    private Dictionary<PropertyKey, int>? _index;
    private Dictionary<(PropertyKey, PropertyFlags), Shape>? _transitions;
    // The most recent transition, checked before the dictionary: objects built by the same code add the
    // same keys in the same order, so this one entry answers almost every Add without hashing the key.
    // One reference (the target's own last key and flags say what it adds), so a reader on another
    // thread (shapes are shared by every engine in the process) never sees a torn key/target pair.
    private Shape? _lastNext;

    /// <summary>Beyond this many properties an object goes to dictionary mode (per-shape arrays are copied on transition).</summary>
    private const int MaxSharedProperties = 64;
    private const int LinearSearchLimit = 8;

    public bool IsDictionary { get; private set; }
    public int Count => _count;

    private Shape(PropertyKey[] keys, PropertyFlags[] flags, int count, bool dictionary)
    {
        _keys = keys;
        _flags = flags;
        _count = count;
        IsDictionary = dictionary;
    }

    /// <summary>The root shape with no properties. Shared by every realm: shapes hold no realm state.</summary>
    public static readonly Shape Empty = new([], [], 0, false);

    /// <summary>No object ever has this shape: an inline cache holding it describes a primitive receiver's prototype lookup.</summary>
    public static readonly Shape PrimitiveReceiver = new([], [], 0, false);

    public PropertyKey KeyAt(int slot) => _keys[slot];
    public PropertyFlags FlagsAt(int slot) => _flags[slot];

    public int IndexOf(in PropertyKey key)
    {
        if (_index is not null) return _index.TryGetValue(key, out var i) ? i : -1;
        if (_count <= LinearSearchLimit || IsDictionary && _count <= LinearSearchLimit)
        {
            for (int i = 0; i < _count; i++)
                if (_keys[i].Equals(key)) return i;
            return -1;
        }
        // Filled before it is published: shared shapes are read by engines on other threads, which must
        // never see a half-built index (a property would look missing).
        var index = new Dictionary<PropertyKey, int>(_count);
        for (int i = 0; i < _count; i++) index[_keys[i]] = i;
        Volatile.Write(ref _index, index);
        return index.TryGetValue(key, out var j) ? j : -1;
    }

    /// <summary>The shape after adding <paramref name="key"/>; its slot is the old <see cref="Count"/>.</summary>
    public Shape Add(in PropertyKey key, PropertyFlags flags)
    {
        if (IsDictionary)
        {
            Append(key, flags);
            return this;
        }
        var last = _lastNext;
        if (last is not null && last._flags[_count] == flags && last._keys[_count].Equals(key)) return last;
        if (_count >= MaxSharedProperties)
        {
            var dict = ToDictionary();
            dict.Append(key, flags);
            return dict;
        }
        // The transition tree is shared by every engine in the process (Shape.Empty is static), so the
        // dictionary is only touched under a lock; the lock-free path above answers repeated adds.
        lock (TransitionLock)
        {
            if (_transitions is not null && _transitions.TryGetValue((key, flags), out var next))
            {
                _lastNext = next;
                return next;
            }
            var keys = new PropertyKey[_count + 1];
            var fl = new PropertyFlags[_count + 1];
            Array.Copy(_keys, keys, _count);
            Array.Copy(_flags, fl, _count);
            keys[_count] = key;
            fl[_count] = flags;
            next = new Shape(keys, fl, _count + 1, false);
            (_transitions ??= new())[(key, flags)] = next;
            _lastNext = next;
            return next;
        }
    }

    private static readonly Lock TransitionLock = new();

    /// <summary>A private, mutable copy (for delete / attribute changes / very large objects).</summary>
    public Shape ToDictionary()
    {
        if (IsDictionary) return this;
        var keys = new PropertyKey[Math.Max(_count, 4)];
        var fl = new PropertyFlags[keys.Length];
        Array.Copy(_keys, keys, _count);
        Array.Copy(_flags, fl, _count);
        return new Shape(keys, fl, _count, true);
    }

    private void Append(in PropertyKey key, PropertyFlags flags)
    {
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _count * 2);
            Array.Resize(ref _flags, _count * 2);
        }
        _keys[_count] = key;
        _flags[_count] = flags;
        _index?.Add(key, _count);
        _count++;
    }

    /// <summary>
    /// A copy with a new identity. Dictionary shapes grow in place (existing slots keep their meaning, so
    /// inline caches stay valid), but attribute changes and deletions go to a fresh copy so that no cache
    /// keyed on the old identity can see a changed slot.
    /// </summary>
    public Shape CloneDictionary()
    {
        var keys = (PropertyKey[])_keys.Clone();
        var flags = (PropertyFlags[])_flags.Clone();
        return new Shape(keys, flags, _count, true);
    }

    /// <summary>Dictionary mode only (on a fresh copy): change attributes.</summary>
    public void SetFlags(int slot, PropertyFlags flags) => _flags[slot] = flags;

    /// <summary>Dictionary mode only (on a fresh copy): remove a slot; later slots move down by one (the caller shifts its values too).</summary>
    public void RemoveAt(int slot)
    {
        Array.Copy(_keys, slot + 1, _keys, slot, _count - slot - 1);
        Array.Copy(_flags, slot + 1, _flags, slot, _count - slot - 1);
        _count--;
        _keys[_count] = default;
        _index = null;
    }
}
