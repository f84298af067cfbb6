namespace DualEngine.Engine.Objects;

/// <summary>Attributes of a stored property (§6.1.7.1, Table 3 and 4).</summary>
[Flags]
internal enum PropertyFlags : byte
{
    None = 0,
    Writable = 1,
    Enumerable = 2,
    Configurable = 4,
    /// <summary>The slot holds an <see cref="AccessorPair"/> instead of a value.</summary>
    Accessor = 8,
    /// <summary>The usual attributes of assignment-created properties.</summary>
    Default = Writable | Enumerable | Configurable,
    /// <summary>What builtins' methods get (§18: writable, configurable, not enumerable).</summary>
    Hidden = Writable | Configurable,
}

/// <summary>The getter/setter of an accessor property (§6.1.7.1 Table 4), stored in a slot.</summary>
internal sealed class AccessorPair(JsFunction? getter, JsFunction? setter)
{
    public JsFunction? Getter = getter;
    public JsFunction? Setter = setter;
}

/// <summary>
/// The Property Descriptor specification type (§6.2.6): every field may be absent.
/// </summary>
internal struct PropertyDescriptor
{
    [Flags]
    public enum Fields : byte
    {
        None = 0, Value = 1, Writable = 2, Get = 4, Set = 8, Enumerable = 16, Configurable = 32,
    }

    public Fields Has;
    public JsValue Value;
    public JsFunction? Getter;
    public JsFunction? Setter;
    public bool Writable;
    public bool Enumerable;
    public bool Configurable;

    public static PropertyDescriptor Data(JsValue value, PropertyFlags flags = PropertyFlags.Default) => new()
    {
        Has = Fields.Value | Fields.Writable | Fields.Enumerable | Fields.Configurable,
        Value = value,
        Writable = (flags & PropertyFlags.Writable) != 0,
        Enumerable = (flags & PropertyFlags.Enumerable) != 0,
        Configurable = (flags & PropertyFlags.Configurable) != 0,
    };

    public static PropertyDescriptor Accessor(JsFunction? getter, JsFunction? setter, PropertyFlags flags) => new()
    {
        Has = Fields.Get | Fields.Set | Fields.Enumerable | Fields.Configurable,
        Getter = getter,
        Setter = setter,
        Enumerable = (flags & PropertyFlags.Enumerable) != 0,
        Configurable = (flags & PropertyFlags.Configurable) != 0,
    };

    public readonly bool HasValue => (Has & Fields.Value) != 0;
    public readonly bool HasWritable => (Has & Fields.Writable) != 0;
    public readonly bool HasGet => (Has & Fields.Get) != 0;
    public readonly bool HasSet => (Has & Fields.Set) != 0;
    public readonly bool HasEnumerable => (Has & Fields.Enumerable) != 0;
    public readonly bool HasConfigurable => (Has & Fields.Configurable) != 0;

    /// <summary>IsAccessorDescriptor (§6.2.6.1).</summary>
    public readonly bool IsAccessor => (Has & (Fields.Get | Fields.Set)) != 0;
    /// <summary>IsDataDescriptor (§6.2.6.2).</summary>
    public readonly bool IsData => (Has & (Fields.Value | Fields.Writable)) != 0;
    /// <summary>IsGenericDescriptor (§6.2.6.3).</summary>
    public readonly bool IsGeneric => !IsAccessor && !IsData;

    public readonly PropertyFlags ToFlags()
    {
        var flags = PropertyFlags.None;
        if (Enumerable) flags |= PropertyFlags.Enumerable;
        if (Configurable) flags |= PropertyFlags.Configurable;
        if (IsAccessor) flags |= PropertyFlags.Accessor;
        else if (Writable) flags |= PropertyFlags.Writable;
        return flags;
    }
}
