namespace DualEngine.Engine.Builtins;

/// <summary>SameValueZero (§7.2.11) as a hash key comparer: -0 equals +0, NaN equals NaN, strings by content.</summary>
internal sealed class SameValueZeroComparer : IEqualityComparer<JsValue>
{
    public static readonly SameValueZeroComparer Instance = new();
    public bool Equals(JsValue x, JsValue y) => Operators.SameValueZero(x, y);
    public int GetHashCode(JsValue v) => v.IsNumber ? (v.AsNumber() == 0 ? 0 : v.AsNumber().GetHashCode()) : v.GetHashCode();
}

/// <summary>One entry of a Map or Set. Removed entries keep their Next link so live iterators can move on.</summary>
internal sealed class OrderedNode
{
    public JsValue Key;
    public JsValue Value;
    public OrderedNode? Next;
    public OrderedNode? Prev;
    public bool Removed;
}

/// <summary>
/// Insertion-ordered storage for Map and Set (§24.1, §24.2): a hash index over a doubly linked list.
/// Iteration order is insertion order and tolerates deletion during iteration, as the spec requires.
/// </summary>
internal sealed class OrderedStore
{
    private readonly Dictionary<JsValue, OrderedNode> _index = new(SameValueZeroComparer.Instance);
    public readonly OrderedNode Head = new();
    private OrderedNode _tail;

    public OrderedStore() => _tail = Head;

    public int Count => _index.Count;

    public bool TryGet(in JsValue key, out JsValue value)
    {
        if (_index.TryGetValue(key, out var node))
        {
            value = node.Value;
            return true;
        }
        value = JsValue.Undefined;
        return false;
    }

    public bool Has(in JsValue key) => _index.ContainsKey(key);

    public void Set(JsValue key, in JsValue value)
    {
        if (key.IsNumber && key.AsNumber() == 0) key = JsValue.Zero; // -0 is stored as +0
        if (_index.TryGetValue(key, out var node))
        {
            node.Value = value;
            return;
        }
        MemoryBudget.Account(64);
        node = new OrderedNode { Key = key, Value = value, Prev = _tail };
        _tail.Next = node;
        _tail = node;
        _index[key] = node;
    }

    public bool Remove(in JsValue key)
    {
        if (!_index.Remove(key, out var node)) return false;
        node.Removed = true;
        node.Prev!.Next = node.Next;
        if (node.Next is not null) node.Next.Prev = node.Prev;
        if (ReferenceEquals(_tail, node)) _tail = node.Prev;
        return true;
    }

    public void Clear()
    {
        for (var n = Head.Next; n is not null; n = n.Next) n.Removed = true;
        _index.Clear();
        Head.Next = null;
        _tail = Head;
    }

    /// <summary>The next live node after <paramref name="node"/> (which may have been removed meanwhile).</summary>
    public static OrderedNode? NextLive(OrderedNode node)
    {
        var n = node.Next;
        while (n is not null && n.Removed) n = n.Next;
        return n;
    }
}

/// <summary>A Map or Set instance: an ordinary object with [[MapData]] / [[SetData]].</summary>
internal sealed class JsCollection(JsObject prototype, bool isMap) : JsObject(prototype)
{
    public readonly OrderedStore Store = new();
    public readonly bool IsMap = isMap;
    public override string ClassName => IsMap ? "Map" : "Set";
}

/// <summary>Map and Set iterators (§24.1.5, §24.2.6).</summary>
internal sealed class JsCollectionIterator(JsObject prototype, JsCollection collection, IterationKind kind) : JsObject(prototype)
{
    public OrderedNode? Position = collection.Store.Head;
    public readonly IterationKind Kind = kind;
    public readonly bool IsMap = collection.IsMap;
}
