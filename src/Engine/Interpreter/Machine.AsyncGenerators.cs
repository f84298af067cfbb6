using DualEngine.Engine.Builtins;

namespace DualEngine.Engine.Interpreter;

/// <summary>An async generator instance (§27.6): its frame and the queue of pending next/throw/return requests.</summary>
internal sealed class JsAsyncGenerator(JsObject prototype, Frame frame) : JsObject(prototype)
{
    public readonly Frame Frame = frame;
    public readonly Queue<(ResumeKind Kind, JsValue Value, JsPromise Promise)> Queue = new();
    /// <summary>Suspended at an await inside the body: requests wait until the body yields or finishes.</summary>
    public bool Awaiting;
    public override string ClassName => "AsyncGenerator";
}

/// <summary>
/// Async generators (§27.6.3): each request is queued; the body runs until it yields (settling the oldest
/// request), awaits (resuming from a promise job), or completes.
/// </summary>
internal sealed partial class Machine
{
    private JsValue StartAsyncGenerator(JsClosure closure, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var frame = PushFrame(closure, thisValue, args, null);
        frame.Generator = new GeneratorState();
        Run(frame, out _);
        var proto = JsFunction.GetPrototypeFromConstructor(closure, static i => i.AsyncGeneratorPrototype);
        return JsValue.FromObject(new JsAsyncGenerator(proto, frame));
    }

    /// <summary>AsyncGeneratorEnqueue (§27.6.3.3) + drain: the entry for next/throw/return.</summary>
    internal JsValue EnqueueAsyncGenerator(Realm realm, JsAsyncGenerator generator, in JsValue value, ResumeKind kind)
    {
        var promise = PromiseFunctions.NewPromise(realm);
        generator.Queue.Enqueue((kind, value, promise));
        DrainAsyncGenerator(realm, generator);
        return JsValue.FromObject(promise);
    }

    private void DrainAsyncGenerator(Realm realm, JsAsyncGenerator g)
    {
        var state = g.Frame.Generator!;
        while (g.Queue.Count > 0 && !state.Running && !g.Awaiting)
        {
            var (kind, value, promise) = g.Queue.Peek();
            if (state.Done || (!state.Started && kind != ResumeKind.Next))
            {
                state.Done = true;
                if (kind == ResumeKind.Return)
                {
                    // AsyncGeneratorAwaitReturn (§27.6.3.9): the value is awaited before the request settles, and
                    // later requests wait for it; a value that cannot be made a promise rejects the request.
                    var request = promise;
                    if (AwaitThen(realm, g, value, (v, rejected) =>
                    {
                        g.Queue.Dequeue();
                        if (rejected) request.Reject(realm, v);
                        else request.Fulfill(realm, CreateIterResult(realm, v, true));
                    })) return;
                    continue;
                }
                g.Queue.Dequeue();
                if (kind == ResumeKind.Throw) promise.Reject(realm, value);
                else promise.Fulfill(realm, CreateIterResult(realm, kind == ResumeKind.Return ? value : JsValue.Undefined, true));
                continue;
            }
            StepAsyncGenerator(realm, g, value, kind);
        }
    }

    /// <summary>
    /// Await(<paramref name="value"/>) for the generator's queue: requests wait (Awaiting) while the promise settles, then
    /// <paramref name="resumed"/> gets the value or the rejection reason, and the queue drains. When the value cannot be
    /// made a promise (PromiseResolve throws), <paramref name="resumed"/> gets the error at once, as a rejection, and the
    /// result is false; true when the await is pending.
    /// </summary>
    private bool AwaitThen(Realm realm, JsAsyncGenerator g, in JsValue value, Action<JsValue, bool> resumed)
    {
        g.Awaiting = true;
        JsPromise awaited;
        try
        {
            awaited = PromiseFunctions.PromiseResolve(realm, value);
        }
        catch (JsThrowable ex)
        {
            g.Awaiting = false;
            resumed(ex.GetValue(realm), true);
            return false;
        }
        PromiseFunctions.PerformThenNative(realm, awaited, (v, rejected) =>
        {
            g.Awaiting = false;
            resumed(v, rejected);
            DrainAsyncGenerator(realm, g);
        });
        return true;
    }

    private void StepAsyncGenerator(Realm realm, JsAsyncGenerator g, JsValue value, ResumeKind kind, bool returnValueAwaited = false)
    {
        var state = g.Frame.Generator!;
        if (kind == ResumeKind.Return && !returnValueAwaited && !state.InDelegate)
        {
            // A return request at a yield (AsyncGeneratorUnwrapYieldResumption, §27.6.3.7): the value is awaited first;
            // if that throws (a broken or rejected promise), the throw happens at the yield, where the body may catch it.
            AwaitThen(realm, g, value, (v, rejected) =>
                StepAsyncGenerator(realm, g, v, rejected ? ResumeKind.Throw : ResumeKind.Return, returnValueAwaited: true));
            return;
        }
        JsValue result;
        bool suspended;
        try
        {
            result = Resume(g.Frame, value, kind, out suspended);
        }
        catch (JsThrowable ex)
        {
            var (_, _, failed) = g.Queue.Dequeue();
            failed.Reject(realm, ex.GetValue(realm));
            return;
        }
        if (!suspended)
        {
            var (_, _, finished) = g.Queue.Dequeue();
            finished.Fulfill(realm, CreateIterResult(realm, result, true));
            return;
        }
        if (state.AtAwait)
        {
            AwaitThen(realm, g, result, (v, rejected) => StepAsyncGenerator(realm, g, v, rejected ? ResumeKind.Throw : ResumeKind.Next));
            return;
        }
        if (state.InDelegate)
        {
            // yield* passes the inner iterator's values through without awaiting them again (§15.5.5 step 7.a.vi).
            var (_, _, delegated) = g.Queue.Dequeue();
            delegated.Fulfill(realm, CreateIterResult(realm, result, false));
            return;
        }
        // `yield v` is AsyncGeneratorYield(? Await(v)) (§15.5.5): the await happens inside the generator, so a
        // rejected v throws at the yield and the pending request is settled by whatever the body does next.
        AwaitThen(realm, g, result, (v, rejected) =>
        {
            if (rejected) StepAsyncGenerator(realm, g, v, ResumeKind.Throw);
            else
            {
                // AsyncGeneratorYield (§27.6.3.8): settle the oldest request.
                var (_, _, request) = g.Queue.Dequeue();
                request.Fulfill(realm, CreateIterResult(realm, v, false));
            }
        });
    }
}
