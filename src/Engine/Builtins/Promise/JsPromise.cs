namespace DualEngine.Engine.Builtins;

/// <summary>A Promise instance (§27.2.6): state, result and pending reactions.</summary>
internal sealed class JsPromise : JsObject
{
    public enum PromiseState : byte { Pending, Fulfilled, Rejected }

    public PromiseState State;
    public JsValue Result;
    /// <summary>[[PromiseIsHandled]]: a rejection without handlers is reported to the host (§27.2.1.9).</summary>
    public bool IsHandled;
    private List<PromiseReaction>? _fulfillReactions = new();
    private List<PromiseReaction>? _rejectReactions = new();

    public JsPromise(JsObject prototype, JsEngine engine) : base(prototype) => MemoryBudget.Account(engine, 64);

    public override string ClassName => "Promise";

    /// <summary>Adds reactions (PerformPromiseThen §27.2.5.4.1 steps 9-12).</summary>
    public void AddReactions(Realm realm, PromiseReaction onFulfilled, PromiseReaction onRejected)
    {
        switch (State)
        {
            case PromiseState.Pending:
                _fulfillReactions!.Add(onFulfilled);
                _rejectReactions!.Add(onRejected);
                break;
            case PromiseState.Fulfilled:
                realm.EnqueueJob(new PromiseReactionJob(onFulfilled, Result));
                break;
            default:
                if (!IsHandled) realm.PromiseRejectionHandled(this);
                realm.EnqueueJob(new PromiseReactionJob(onRejected, Result));
                break;
        }
        IsHandled = true;
    }

    /// <summary>FulfillPromise (§27.2.1.4).</summary>
    public void Fulfill(Realm realm, in JsValue value)
    {
        var reactions = _fulfillReactions!;
        Result = value;
        State = PromiseState.Fulfilled;
        _fulfillReactions = _rejectReactions = null;
        foreach (var r in reactions) realm.EnqueueJob(new PromiseReactionJob(r, value));
    }

    /// <summary>RejectPromise (§27.2.1.7).</summary>
    public void Reject(Realm realm, in JsValue reason)
    {
        var reactions = _rejectReactions!;
        Result = reason;
        State = PromiseState.Rejected;
        _fulfillReactions = _rejectReactions = null;
        if (!IsHandled) realm.PromiseRejectedWithoutHandler(this);
        foreach (var r in reactions) realm.EnqueueJob(new PromiseReactionJob(r, reason));
    }

    /// <summary>
    /// The promise's resolve step (§27.2.1.3.2 Promise Resolve Functions) without the alreadyResolved
    /// guard, which belongs to the caller's resolving-function pair.
    /// </summary>
    public void ResolveWith(Realm realm, in JsValue resolution)
    {
        if (resolution._ref == (object)this)
        {
            Reject(realm, JsValue.FromObject(realm.CreateError(ErrorType.TypeError, "Chaining cycle detected for promise #<Promise>")));
            return;
        }
        if (!resolution.IsObject)
        {
            Fulfill(realm, resolution);
            return;
        }
        JsValue then;
        try
        {
            then = resolution.AsObject().Get("then", resolution);
        }
        catch (JsThrowable ex)
        {
            Reject(realm, ex.GetValue(realm));
            return;
        }
        if (then._ref is not JsFunction thenFn)
        {
            Fulfill(realm, resolution);
            return;
        }
        realm.EnqueueJob(new PromiseResolveThenableJob(this, resolution.AsObject(), thenFn));
    }
}

/// <summary>
/// A PromiseReaction record (§27.2.1.2). The handler is a JS function, or a C# continuation (used by
/// await and the engine's own promise plumbing, which avoids allocating closures per await).
/// </summary>
internal sealed class PromiseReaction
{
    public PromiseCapability? Capability;
    public bool IsReject;
    public JsFunction? Handler;
    public Action<JsValue, bool>? Native;
}

/// <summary>A PromiseCapability record (§27.2.1.1): a promise and its resolving functions.</summary>
internal sealed class PromiseCapability(JsObject promise, JsFunction resolve, JsFunction reject)
{
    public JsObject Promise { get; } = promise;
    public JsFunction Resolve { get; } = resolve;
    public JsFunction Reject { get; } = reject;
}

/// <summary>A queued job (§9.5 Jobs): run by the realm's microtask checkpoint.</summary>
internal abstract class PromiseJob
{
    public abstract void Run(Realm realm);
}

/// <summary>NewPromiseReactionJob (§27.2.2.1).</summary>
internal sealed class PromiseReactionJob(PromiseReaction reaction, JsValue argument) : PromiseJob
{
    public override void Run(Realm realm)
    {
        if (reaction.Native is not null)
        {
            reaction.Native(argument, reaction.IsReject);
            return;
        }
        JsValue result;
        bool threw = false;
        if (reaction.Handler is null)
        {
            result = argument;
            threw = reaction.IsReject;
        }
        else
        {
            try
            {
                result = reaction.Handler.Call(JsValue.Undefined, new ReadOnlySpan<JsValue>(in argument));
            }
            catch (JsThrowable ex)
            {
                result = ex.GetValue(realm);
                threw = true;
            }
        }
        if (reaction.Capability is null) return;
        var fn = threw ? reaction.Capability.Reject : reaction.Capability.Resolve;
        fn.Call(JsValue.Undefined, new ReadOnlySpan<JsValue>(in result));
    }
}

/// <summary>NewPromiseResolveThenableJob (§27.2.2.2).</summary>
internal sealed class PromiseResolveThenableJob(JsPromise promise, JsObject thenable, JsFunction then) : PromiseJob
{
    public override void Run(Realm realm)
    {
        var (resolve, reject) = PromiseFunctions.CreateResolvingFunctions(realm, promise);
        try
        {
            then.Call(JsValue.FromObject(thenable), [JsValue.FromObject(resolve), JsValue.FromObject(reject)]);
        }
        catch (JsThrowable ex)
        {
            reject.Call(JsValue.Undefined, [ex.GetValue(realm)]);
        }
    }
}

/// <summary>A job that runs a C# action (host callbacks queued as microtasks).</summary>
internal sealed class ActionJob(Action action) : PromiseJob
{
    public override void Run(Realm realm) => action();
}
