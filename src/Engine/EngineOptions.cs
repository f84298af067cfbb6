namespace DualEngine.Engine;

/// <summary>Limits and settings for a <see cref="JsEngine"/>. Every limit stops scripts with a JS error, never the host.</summary>
public sealed class EngineOptions
{
    /// <summary>
    /// Maximum nesting of JS calls; exceeding it throws <c>RangeError: Maximum call stack size exceeded</c>.
    /// JS→JS calls do not use the .NET stack, so this can be generous.
    /// </summary>
    public int MaxCallDepth { get; init; } = 10_000;

    /// <summary>Wall-clock budget for each host entry (Evaluate, Call, RunMicrotasks); null for none.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Cancels running scripts; checked at loop back-edges and calls.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>
    /// Memory budget in bytes. Allocations scripts can grow without bound (objects, element storage,
    /// environments, strings) are counted; when the count crosses the budget the managed heap is measured
    /// after a full collection and the script stops with "OutOfMemory" if more than half the budget is
    /// really live (the measure is process-wide, so keep budgets well above the host's own usage).
    /// Null for none.
    /// </summary>
    public long? MemoryLimitBytes { get; init; }
}

/// <summary>A host function callable from JS. Throwing <see cref="JsEngineException"/> rethrows its JS value; any other exception becomes a JS Error.</summary>
public delegate JsValue HostFunction(in JsValue thisValue, ReadOnlySpan<JsValue> args);
