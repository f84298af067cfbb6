namespace DualEngine.Engine.Values;

/// <summary>A Symbol value (§6.1.5): identity plus an optional description.</summary>
internal sealed class JsSymbol(string? description)
{
    public string? Description { get; } = description;

    /// <summary>Set for symbols from Symbol.for (§20.4.2.2), so Symbol.keyFor can answer.</summary>
    public string? RegistryKey { get; init; }

    /// <summary>A Private Name (§6.2.12) used as a hidden property key; never listed by [[OwnPropertyKeys]].</summary>
    public bool IsPrivate { get; init; }

    /// <summary>SymbolDescriptiveString (§20.4.3.3.1).</summary>
    public override string ToString() => $"Symbol({Description})";
}
