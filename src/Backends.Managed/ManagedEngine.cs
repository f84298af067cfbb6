using DualEngine.Abstractions.Engines;
using DualEngine.Engine;

namespace DualEngine.Backends.Managed;

/// <summary>
/// The pure-managed engine (src/Engine) behind the engine-neutral contract. Each realm gets its own
/// <see cref="JsEngine"/>: limits (heap, termination) are per engine there and per realm here.
/// There is no startup snapshot: the bootstrap sources are evaluated on every realm.
/// </summary>
public sealed class ManagedEngine : IJsEngine
{
    /// <param name="maxCallDepth">JS call nesting before "RangeError: Maximum call stack size exceeded".</param>
    public ManagedEngine(int maxCallDepth = 10_000)
    {
        MaxCallDepth = maxCallDepth;
    }

    public string Name => "managed";

    public string Version => typeof(JsEngine).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public int MaxCallDepth { get; }

    public IRealm CreateRealm(RealmOptions options)
    {
        var engine = new JsEngine(new EngineOptions
        {
            MaxCallDepth = MaxCallDepth,
            MemoryLimitBytes = options.HeapLimitBytes,
        });
        var realm = new ManagedRealm(engine, options);
        options.Log?.Invoke($"managed: evaluating {options.Bootstrap.Count} bootstrap sources");
        try
        {
            foreach (var script in options.Bootstrap) realm.EvaluateScript(script.Source, script.Name);
        }
        catch
        {
            realm.Dispose();
            throw;
        }
        return realm;
    }
}
