namespace DualEngine.Engine.Objects;

/// <summary>
/// Boolean, Number, Symbol and BigInt objects (§20.3.4, §21.1.4, §20.4.4, §21.2.4) and String exotic
/// objects (§10.4.3): an ordinary object with a [[...Data]] internal slot.
/// </summary>
internal sealed class JsPrimitiveWrapper : JsObject
{
    public JsValue PrimitiveValue { get; }

    public JsPrimitiveWrapper(Realm realm, JsValue value) : this(PrototypeFor(realm, value), value) { }

    public JsPrimitiveWrapper(JsObject prototype, JsValue value) : base(prototype)
    {
        PrimitiveValue = value;
        if (value.IsString) FastSet("length", JsValue.FromNumber(value.StringLength), PropertyFlags.None);
    }

    private static JsObject PrototypeFor(Realm realm, in JsValue v) => v.Kind switch
    {
        JsValueKind.Boolean => realm.Intrinsics.BooleanPrototype,
        JsValueKind.Number => realm.Intrinsics.NumberPrototype,
        JsValueKind.String => realm.Intrinsics.StringPrototype,
        JsValueKind.Symbol => realm.Intrinsics.SymbolPrototype,
        _ => realm.Intrinsics.BigIntPrototype,
    };

    public override string ClassName => PrimitiveValue.Kind switch
    {
        JsValueKind.Boolean => "Boolean",
        JsValueKind.Number => "Number",
        JsValueKind.String => "String",
        JsValueKind.Symbol => "Symbol",
        _ => "BigInt",
    };

    private bool IsString => PrimitiveValue.IsString;
    protected override bool IsExoticStorage => IsString;

    /// <summary>StringGetOwnProperty (§10.4.3.5): index properties for each code unit.</summary>
    private bool TryStringIndex(in PropertyKey key, out JsValue ch)
    {
        if (IsString && key.IsArrayIndex)
        {
            var s = PrimitiveValue.AsString();
            if (key.Index < (uint)s.Length)
            {
                ch = JsValue.FromString(s[(int)key.Index].ToString());
                return true;
            }
        }
        ch = default;
        return false;
    }

    public override bool GetOwnProperty(in PropertyKey key, out PropertyDescriptor desc)
    {
        if (TryStringIndex(key, out var ch))
        {
            desc = PropertyDescriptor.Data(ch, PropertyFlags.Enumerable);
            return true;
        }
        return OrdinaryGetOwnProperty(key, out desc);
    }

    protected override bool TryGetOwnValue(in PropertyKey key, in JsValue receiver, out JsValue value) =>
        TryStringIndex(key, out value) || base.TryGetOwnValue(key, receiver, out value);

    /// <summary>§10.4.3.2: string indices behave as non-writable, non-configurable data properties.</summary>
    public override bool DefineOwnProperty(in PropertyKey key, in PropertyDescriptor desc)
    {
        if (TryStringIndex(key, out var ch))
        {
            if (desc.HasConfigurable && desc.Configurable) return false;
            if (desc.HasEnumerable && !desc.Enumerable) return false;
            if (desc.IsAccessor) return false;
            if (desc.HasWritable && desc.Writable) return false;
            return !desc.HasValue || Operators.SameValue(desc.Value, ch);
        }
        return OrdinaryDefineOwnProperty(key, desc);
    }

    public override bool Delete(in PropertyKey key) => !TryStringIndex(key, out _) && base.Delete(key);

    /// <summary>§10.4.3.3 [[OwnPropertyKeys]]: string indices first.</summary>
    public override List<PropertyKey> OwnPropertyKeys()
    {
        var keys = new List<PropertyKey>();
        if (IsString)
            for (uint i = 0; i < (uint)PrimitiveValue.StringLength; i++) keys.Add(PropertyKey.FromIndex(i));
        AddOrdinaryKeys(keys);
        return keys;
    }
}
