namespace DualEngine.Abstractions.Engines;

/// <summary>
/// A JavaScript engine: V8 through the native shim, or the managed engine.
/// One engine per process is enough; it creates any number of realms.
/// </summary>
public interface IJsEngine
{
    /// <summary>Short name used on the command line: "v8" or "managed".</summary>
    string Name { get; }

    /// <summary>The engine's own version, e.g. "10.2.154.26-node.36".</summary>
    string Version { get; }

    /// <summary>Creates a realm (for V8: an isolate with one context) bound to the calling thread.</summary>
    IRealm CreateRealm(RealmOptions options);
}
