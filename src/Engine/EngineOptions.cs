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
    /// Budget in bytes for accounted allocations (objects, element storage, strings from concatenation).
    /// The count is cumulative for the engine's lifetime: a coarse guard against allocation bombs, not a
    /// live-heap measure. Null for none.
    /// </summary>
    public long? MemoryLimitBytes { get; init; }
}

/// <summary>A host function callable from JS. Throwing <see cref="JsEngineException"/> rethrows its JS value; any other exception becomes a JS Error.</summary>
public delegate JsValue HostFunction(in JsValue thisValue, ReadOnlySpan<JsValue> args);
