namespace DualEngine.Engine.Runtime;

/// <summary>
/// Accounts allocations that scripts can make unboundedly (element storage, big strings, objects) against
/// the running engine's <see cref="EngineOptions.MemoryLimitBytes"/>. The engine running on this thread is
/// kept in a thread-static so the object model needs no engine reference for this; hot interpreter paths that
/// know the engine pass it instead (a thread-static read is a call to the TLS resolver on Linux).
/// The count only triggers a check: when it crosses the limit, a full collection measures the managed
/// heap, and the script is stopped only if the heap really is over the limit; otherwise counting restarts
/// from the measured size. So long-running scripts that free what they allocate keep running.
/// </summary>
internal static class MemoryBudget
{
    [ThreadStatic] internal static JsEngine? Current;

    public static void Account(long bytes)
    {
        var engine = Current;
        if (engine is null) return;
        Account(engine, bytes);
    }

    /// <summary>Accounts for the engine whose code is running (the interpreter knows it from the frame's realm).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Account(JsEngine engine, long bytes)
    {
        if ((engine.AllocatedBytes += bytes) > engine.MemoryLimit) Check(engine);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Check(JsEngine engine)
    {
        long live = GC.GetTotalMemory(forceFullCollection: true);
        if (live < engine.MemoryLimit / 2)
        {
            engine.AllocatedBytes = live;
            return;
        }
        engine.AllocatedBytes = 0; // let the host reuse the engine after it handled the error
        throw new ScriptTerminatedException("OutOfMemory", "Memory budget exceeded");
    }
}
