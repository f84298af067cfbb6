using DualEngine.Abstractions.Ops;

namespace DualEngine.Abstractions.Engines;

/// <summary>
/// One JavaScript global environment (ECMA-262 §9.3 Realms) with its own heap.
/// Every engine installs <c>globalThis.__core</c> before the bootstrap scripts run, with:
/// <c>ops</c> (one function per <see cref="Ops.OpDescriptor"/>), <c>setHook(name, fn)</c>,
/// <c>setErrorFactory((className, message) =&gt; Error | undefined)</c> and <c>queueMicrotask(fn)</c>.
/// All members except <see cref="Terminate"/> must be called on the thread that created the realm.
/// Script errors surface as <see cref="Errors.JsException"/>; the host never sees an engine crash.
/// </summary>
public interface IRealm : IDisposable
{
    /// <summary>Evaluates a classic script (ECMA-262 §16.1 ScriptEvaluation).</summary>
    void EvaluateScript(string source, string fileName);

    /// <summary>
    /// Loads, links and evaluates the module graph rooted at <paramref name="url"/> through the module loader.
    /// Returns a promise handle for the evaluation (top-level await makes it settle later).
    /// </summary>
    PromiseHandle EvaluateModule(string url);

    /// <summary>State of a promise returned by <see cref="EvaluateModule"/>.</summary>
    PromiseStatus GetPromiseStatus(PromiseHandle promise, out Errors.JsError? rejection);

    /// <summary>Settles promises created by async ops (by id), in order. Microtasks do not run until <see cref="RunMicrotasks"/>.</summary>
    void SettlePromises(ReadOnlySpan<PromiseSettlement> settlements);

    /// <summary>Calls the JS function registered under <paramref name="hook"/> with <c>__core.setHook(name, fn)</c>
    /// and returns ToBoolean of its result; false when no function is registered. Used by the event loop for
    /// timers and events. A throw in the hook surfaces as a JsException.</summary>
    bool CallHook(string hook, ReadOnlySpan<OpValue> args);

    /// <summary>Performs a microtask checkpoint (HTML "perform a microtask checkpoint").</summary>
    void RunMicrotasks();

    /// <summary>
    /// Rejections that had no handler at the end of the last checkpoint (and were not handled since), oldest first,
    /// after each was offered to the "unhandledRejection" hook (promise, reason): those it returned true for
    /// (a listener called preventDefault) are not returned. A handled one that later gets a handler is first
    /// passed to the "rejectionHandled" hook (HTML's rejectionhandled event).
    /// </summary>
    IReadOnlyList<Errors.JsError> TakeUnhandledRejections();

    /// <summary>Stops running JS as soon as possible; callable from any thread. The interrupted call throws a JsException whose error name is "Terminated".</summary>
    void Terminate(string reason);

    /// <summary>Bytes used on the engine's heap.</summary>
    long HeapUsedBytes { get; }
}

/// <summary>An engine-owned promise, identified by a number the realm assigned.</summary>
public readonly record struct PromiseHandle(int Id);

public enum PromiseStatus { Pending, Fulfilled, Rejected }
