namespace DualEngine.Engine.Runtime;

/// <summary>
/// Accounts allocations that scripts can make unboundedly (element storage, big strings, objects) against
/// the running engine's <see cref="EngineOptions.MemoryLimitBytes"/>. The engine running on this thread is
/// kept in a thread-static so the object model needs no engine reference for this.
/// </summary>
internal static class MemoryBudget
{
    [ThreadStatic] internal static JsEngine? Current;

    public static void Account(long bytes)
    {
        var engine = Current;
        if (engine is null) return;
        engine.AllocatedBytes += bytes;
        if (engine.AllocatedBytes > engine.MemoryLimit)
        {
            engine.AllocatedBytes = 0; // let the host reuse the engine after it handled the error
            throw new ScriptTerminatedException("OutOfMemory", "Memory budget exceeded");
        }
    }
}
