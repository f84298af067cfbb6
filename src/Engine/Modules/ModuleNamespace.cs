namespace DualEngine.Engine.Modules;

/// <summary>
/// A module namespace exotic object (§10.4.6): a frozen-looking view of a module's exports. String keys
/// are the export names in code-unit order; each reads the exporting module's environment slot, so it is
/// live. The only symbol key is @@toStringTag ("Module"), an ordinary property.
/// </summary>
internal sealed class ModuleNamespace : JsObject
{
    public readonly ModuleRecord Module;
    private readonly string[] _names;
    /// <summary>Per export: the environment and slot, or (null, -1) with <see cref="_namespaces"/> set for `export * as ns`.</summary>
    private readonly Dictionary<string, (JsValue[]? Env, int Slot, ModuleRecord? NamespaceOf)> _bindings;

    public ModuleNamespace(ModuleRecord module, string[] sortedNames, Dictionary<string, (JsValue[]? Env, int Slot, ModuleRecord? NamespaceOf)> bindings) : base(null)
    {
        Module = module;
        _names = sortedNames;
        _bindings = bindings;
        AddSlot(WellKnownSymbols.ToStringTag, JsValue.FromString("Module"), PropertyFlags.None);
        _extensible = false;
    }

    public override string ClassName => "Module";
    public override bool IsProxyLike => true;

    // §10.4.6.1-4: no prototype, cannot become extensible.
    public override JsObject? GetPrototypeOf() => null;
    public override bool SetPrototypeOf(JsObject? proto) => proto is null;
    public override bool IsExtensible() => false;
    public override bool PreventExtensions() => true;

    /// <summary>§10.4.6.5 [[GetOwnProperty]]: reading an uninitialized binding throws (ReferenceError).</summary>
    public override bool GetOwnProperty(in PropertyKey key, out PropertyDescriptor desc)
    {
        if (key.IsSymbol) return OrdinaryGetOwnProperty(key, out desc);
        if (!_bindings.ContainsKey(key.Name))
        {
            desc = default;
            return false;
        }
        desc = PropertyDescriptor.Data(Get(key, JsValue.FromObject(this)), PropertyFlags.Writable | PropertyFlags.Enumerable);
        return true;
    }

    /// <summary>§10.4.6.6 [[DefineOwnProperty]]: only a no-op redefinition succeeds.</summary>
    public override bool DefineOwnProperty(in PropertyKey key, in PropertyDescriptor desc)
    {
        if (key.IsSymbol) return OrdinaryDefineOwnProperty(key, desc);
        if (!GetOwnProperty(key, out var current)) return false;
        if (desc.HasConfigurable && desc.Configurable) return false;
        if (desc.HasEnumerable && !desc.Enumerable) return false;
        if (desc.IsAccessor) return false;
        if (desc.HasWritable && !desc.Writable) return false;
        if (desc.HasValue) return Operators.SameValue(desc.Value, current.Value);
        return true;
    }

    /// <summary>§10.4.6.7 [[HasProperty]].</summary>
    public override bool HasProperty(in PropertyKey key) => key.IsSymbol ? OrdinaryGetOwnProperty(key, out _) : _bindings.ContainsKey(key.Name);

    /// <summary>§10.4.6.8 [[Get]]: the binding's current value; TDZ → ReferenceError.</summary>
    public override JsValue Get(in PropertyKey key, in JsValue receiver)
    {
        if (key.IsSymbol) return OrdinaryGetOwnProperty(key, out var d) ? d.Value : JsValue.Undefined;
        if (!_bindings.TryGetValue(key.Name, out var b)) return JsValue.Undefined;
        if (b.NamespaceOf is { } target) return JsValue.FromObject(ModuleLinker.GetNamespace(target));
        var v = b.Env![b.Slot];
        if (v.IsEmpty) Throw.ReferenceError($"Cannot access '{key.Name}' before initialization");
        return v;
    }

    protected override bool TryGetOwnValue(in PropertyKey key, in JsValue receiver, out JsValue value)
    {
        if (!HasProperty(key))
        {
            value = default;
            return false;
        }
        value = Get(key, receiver);
        return true;
    }

    /// <summary>§10.4.6.9 [[Set]]: always false (a TypeError in strict code).</summary>
    public override bool Set(in PropertyKey key, in JsValue value, in JsValue receiver) => false;

    /// <summary>§10.4.6.10 [[Delete]]: exports cannot be deleted.</summary>
    public override bool Delete(in PropertyKey key)
    {
        if (key.IsSymbol) return base.Delete(key);
        return !_bindings.ContainsKey(key.Name);
    }

    /// <summary>§10.4.6.11 [[OwnPropertyKeys]]: export names (sorted), then symbols.</summary>
    public override List<PropertyKey> OwnPropertyKeys()
    {
        var keys = new List<PropertyKey>(_names.Length + 1);
        foreach (var n in _names) keys.Add(n);
        keys.Add(WellKnownSymbols.ToStringTag);
        return keys;
    }
}
