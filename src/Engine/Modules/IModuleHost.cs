namespace DualEngine.Engine;

/// <summary>
/// Host side of module loading (ECMA-262 §16.2.1.8 HostLoadImportedModule), synchronous: the engine asks
/// for a specifier's URL, then for the source at that URL, and loads the whole static graph before linking.
/// </summary>
public interface IModuleHost
{
    /// <summary>
    /// Absolute URL for <paramref name="specifier"/> imported from <paramref name="referrer"/> (null for the entry point).
    /// <paramref name="line"/>/<paramref name="column"/> (1-based) locate the specifier in the referrer (0 when unknown,
    /// e.g. the entry point or import()). Throw <see cref="ModuleHostException"/> to make a JS error of that class;
    /// any other exception becomes a TypeError with its message.
    /// </summary>
    string Resolve(string specifier, string? referrer, int line, int column);

    /// <summary>Source of the module at <paramref name="url"/>. <paramref name="type"/> is the import attribute `type` (null, or "json").</summary>
    ModuleText Load(string url, string? type);

    /// <summary>Called once per module, the first time import.meta is read: add url/main/resolve/... to <paramref name="meta"/> (§16.2.1.12 HostGetImportMetaProperties).</summary>
    void InitializeImportMeta(Realm realm, JsValue meta, string url, bool isMain);
}

/// <summary>A module's source as the host loaded it. <see cref="IsJson"/>: the source is JSON text (a JSON module, default export of the parsed value).</summary>
public sealed record ModuleText(string Url, string Source, bool IsJson);

/// <summary>Thrown by an <see cref="IModuleHost"/> to make the import fail with a JS error of class <see cref="ErrorName"/> (e.g. "TypeError", "SyntaxError").</summary>
public sealed class ModuleHostException(string errorName, string message) : Exception(message)
{
    public string ErrorName { get; } = errorName;
}
