namespace DualEngine.Engine.Objects;

/// <summary>
/// A property key (§6.1.7): a string or a symbol. Strings that are array indices (§6.1.7, "array index":
/// canonical numeric strings for integers 0 .. 2^32-2) remember their index, because arrays and
/// [[OwnPropertyKeys]] ordering (§10.1.11.1) treat them specially.
/// </summary>
internal readonly struct PropertyKey : IEquatable<PropertyKey>
{
    private readonly object _value; // string or JsSymbol
    /// <summary>The array index, or <see cref="NotAnIndex"/>.</summary>
    public readonly uint Index;
    public const uint NotAnIndex = uint.MaxValue;

    public PropertyKey(string name)
    {
        _value = name;
        Index = ParseArrayIndex(name);
    }

    public PropertyKey(JsSymbol symbol)
    {
        _value = symbol;
        Index = NotAnIndex;
    }

    private PropertyKey(string name, uint index)
    {
        _value = name;
        Index = index;
    }

    public static PropertyKey FromIndex(uint index) => new(IndexStrings.Get(index), index);

    public static implicit operator PropertyKey(string name) => new(name);
    public static implicit operator PropertyKey(JsSymbol symbol) => new(symbol);

    public bool IsSymbol => _value is JsSymbol;
    public bool IsArrayIndex => Index != NotAnIndex;
    public string Name => (string)_value;
    public JsSymbol Symbol => (JsSymbol)_value;
    public bool IsDefault => _value is null;

    /// <summary>
    /// The key "length". Keys compiled into code and builtins share the interned literal, so this is usually one
    /// reference compare; other strings equal to it are compared by value.
    /// </summary>
    public bool IsLength => ReferenceEquals(_value, "length") || (_value is string s && s.Length == 6 && s == "length");

    public JsValue ToJsValue() => _value is JsSymbol s ? JsValue.FromSymbol(s) : JsValue.FromString((string)_value);

    /// <summary>Parses a canonical array index ("0", "17"; not "017", "1.0" or "4294967295").</summary>
    public static uint ParseArrayIndex(string s)
    {
        int n = s.Length;
        if (n == 0 || n > 10) return NotAnIndex;
        char c0 = s[0];
        if (c0 < '0' || c0 > '9' || (c0 == '0' && n > 1)) return NotAnIndex;
        ulong value = 0;
        foreach (char c in s)
        {
            if (c < '0' || c > '9') return NotAnIndex;
            value = value * 10 + (uint)(c - '0');
        }
        return value < uint.MaxValue ? (uint)value : NotAnIndex;
    }

    public bool Equals(PropertyKey other) =>
        ReferenceEquals(_value, other._value) || (_value is string a && other._value is string b && a == b);

    public override bool Equals(object? obj) => obj is PropertyKey k && Equals(k);
    public override int GetHashCode() => _value is string s ? s.GetHashCode() : RuntimeHelpers.GetHashCode(_value);
    public override string ToString() => _value is JsSymbol s ? s.ToString() : (string)_value;
}

/// <summary>Cached strings for small indices, so element access by number does not allocate.</summary>
internal static class IndexStrings
{
    private static readonly string[] Small = CreateSmall();

    private static string[] CreateSmall()
    {
        var table = new string[1024];
        for (int i = 0; i < table.Length; i++) table[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return table;
    }

    public static string Get(uint index) =>
        index < (uint)Small.Length ? Small[index] : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
