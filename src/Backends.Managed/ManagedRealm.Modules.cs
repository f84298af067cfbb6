using DualEngine.Abstractions.Engines;
using DualEngine.Abstractions.Errors;

namespace DualEngine.Backends.Managed;

/// <summary>ES modules on the managed engine (the engine's module API is not there yet).</summary>
internal sealed partial class ManagedRealm
{
    public PromiseHandle EvaluateModule(string url)
    {
        CheckAlive();
        throw new JsException(new JsError("Error", "ES modules are not supported by the managed engine yet"));
    }

    /// <summary>Finishes import() calls waiting for a module that was still evaluating; true if any was.</summary>
    private bool SettleDeferredImports() => false;
}
