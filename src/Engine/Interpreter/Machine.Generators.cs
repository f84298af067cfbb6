using DualEngine.Engine.Builtins;

namespace DualEngine.Engine.Interpreter;

/// <summary>A generator instance (§27.5): its suspended frame and state.</summary>
internal sealed class JsGenerator(JsObject prototype, Frame frame) : JsObject(prototype)
{
    public readonly Frame Frame = frame;
    public override string ClassName => "Generator";
}

/// <summary>
/// Generators and async functions share one mechanism: the frame suspends (Yield/Await return out of the
/// interpreter loop keeping pc and stack in the frame) and a later resume runs it again.
/// </summary>
internal sealed partial class Machine
{
    private JsValue StartGenerator(JsClosure closure, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var frame = PushFrame(closure, thisValue, args, null);
        frame.Generator = new GeneratorState();
        Run(frame, out _); // runs FunctionDeclarationInstantiation up to GeneratorStart
        var proto = JsFunction.GetPrototypeFromConstructor(closure, static i => i.GeneratorPrototype);
        return JsValue.FromObject(new JsGenerator(proto, frame));
    }

    /// <summary>GeneratorResume / GeneratorResumeAbrupt (§27.5.3.3-4): returns the iterator result object.</summary>
    internal JsValue ResumeGenerator(Realm realm, JsGenerator generator, in JsValue value, ResumeKind kind)
    {
        var frame = generator.Frame;
        var state = frame.Generator!;
        if (state.Running) Throw.TypeError("Generator is already running");
        if (state.Done || (!state.Started && kind != ResumeKind.Next))
        {
            state.Done = true;
            if (kind == ResumeKind.Throw) throw new JsThrowable(value);
            return CreateIterResult(realm, kind == ResumeKind.Return ? value : JsValue.Undefined, true);
        }
        var result = Resume(frame, value, kind, out bool suspended);
        if (suspended)
        {
            if (state.DelegatedResult)
            {
                state.DelegatedResult = false;
                return result;
            }
            return CreateIterResult(realm, result, false);
        }
        return CreateIterResult(realm, result, true);
    }

    /// <summary>Runs a suspended frame again with a value (next), an injected throw, or a return request.</summary>
    private JsValue Resume(Frame frame, in JsValue value, ResumeKind kind, out bool suspended)
    {
        if (StackSwitch.NeedsSwitch)
        {
            var self = this;
            var v = value;
            bool s = false;
            var r = StackSwitch.Run(() => self.Resume(frame, v, kind, out s));
            suspended = s;
            return r;
        }
        var state = frame.Generator!;
        bool inject = kind == ResumeKind.Throw && !state.InDelegate;
        state.InDelegate = false;
        if (state.Started && !inject) frame.Regs[frame.Sp++] = value;
        state.Started = true;
        state.LastResume = kind;
        state.Running = true;
        if (++_engine.CallDepth > _engine.MaxCallDepth)
        {
            _engine.CallDepth--;
            state.Running = false;
            Throw.StackOverflow();
        }
        bool completed = false;
        try
        {
            var result = Run(frame, out suspended, inject ? (JsValue?)value : null);
            if (!suspended) state.Done = true;
            completed = true;
            return result;
        }
        finally
        {
            if (!completed) state.Done = true;
            state.Running = false;
        }
    }

    internal static JsValue CreateIterResult(Realm realm, in JsValue value, bool done)
    {
        var obj = realm.NewObject();
        obj.AddSlot("value", value, PropertyFlags.Default);
        obj.AddSlot("done", JsValue.FromBoolean(done), PropertyFlags.Default);
        return JsValue.FromObject(obj);
    }

    /// <summary>One step of yield* (§15.5.5, sync generators): forwards the resumption to the inner iterator.</summary>
    private JsValue YieldDelegateStep(Frame frame, IteratorRecord rec, in JsValue received, out bool done)
    {
        done = false;
        var state = frame.Generator!;
        var realm = frame.Realm;
        var iterator = rec.Iterator;
        JsObject innerResult;
        switch (state.LastResume)
        {
            case ResumeKind.Throw:
            {
                if (iterator is null) throw new JsThrowable(received);
                var thr = iterator.Get("throw");
                if (thr._ref is not JsFunction throwFn)
                {
                    rec.Close();
                    return Throw.TypeError<JsValue>("The iterator does not provide a 'throw' method");
                }
                var r = throwFn.Call(JsValue.FromObject(iterator), new ReadOnlySpan<JsValue>(in received));
                if (!r.IsObject) Throw.TypeError("Iterator result is not an object");
                innerResult = r.AsObject();
                break;
            }
            case ResumeKind.Return:
            {
                var ret = iterator?.Get("return") ?? JsValue.Undefined;
                if (ret._ref is not JsFunction returnFn)
                {
                    done = true;
                    state.LastResume = ResumeKind.DelegateReturn;
                    return received;
                }
                var r = returnFn.Call(JsValue.FromObject(iterator!), new ReadOnlySpan<JsValue>(in received));
                if (!r.IsObject) Throw.TypeError("Iterator result is not an object");
                innerResult = r.AsObject();
                if (Conversions.ToBoolean(innerResult.Get("done")))
                {
                    done = true;
                    state.LastResume = ResumeKind.DelegateReturn;
                    return innerResult.Get("value");
                }
                done = false;
                return JsValue.FromObject(innerResult);
            }
            default:
                if (iterator is null)
                {
                    // A fast array record: produce plain results.
                    if (rec.Step(out var v)) { done = false; return CreateIterResult(realm, v, false); }
                    done = true;
                    return JsValue.Undefined;
                }
                innerResult = rec.NextResult(received, hasValue: true);
                break;
        }
        if (Conversions.ToBoolean(innerResult.Get("done")))
        {
            done = true;
            state.LastResume = ResumeKind.Next;
            return innerResult.Get("value");
        }
        done = false;
        return JsValue.FromObject(innerResult);
    }

    /// <summary>
    /// Async yield* step 1 (§15.5.5, async): call next/throw/return of the inner async iterator with the
    /// received value; the result (a promise) is awaited by the following Await.
    /// </summary>
    private static JsValue AsyncDelegateCall(Frame frame, IteratorRecord rec, in JsValue received)
    {
        var state = frame.Generator!;
        var iterator = rec.Iterator!;
        state.DelegateResume = state.LastResume;
        switch (state.LastResume)
        {
            case ResumeKind.Throw:
            {
                var thr = iterator.Get("throw");
                if (thr._ref is not JsFunction throwFn)
                {
                    rec.CloseQuietly();
                    return Throw.TypeError<JsValue>("The iterator does not provide a 'throw' method");
                }
                return throwFn.Call(JsValue.FromObject(iterator), new ReadOnlySpan<JsValue>(in received));
            }
            case ResumeKind.Return:
            {
                var ret = iterator.Get("return");
                if (ret._ref is not JsFunction returnFn)
                {
                    state.DelegateReturnWithoutMethod = true;
                    return received;
                }
                return returnFn.Call(JsValue.FromObject(iterator), new ReadOnlySpan<JsValue>(in received));
            }
            default:
                return JsValue.FromObject(rec.NextResult(received, hasValue: true));
        }
    }

    // ---- async functions (§27.7.5.1 AsyncFunctionStart, §27.7.5.3 Await) ----

    private JsValue StartAsync(JsClosure closure, in JsValue thisValue, ReadOnlySpan<JsValue> args)
    {
        var realm = closure.Realm;
        var promise = PromiseFunctions.NewPromise(realm);
        Frame frame;
        try
        {
            frame = PushFrame(closure, thisValue, args, null);
            frame.Generator = new GeneratorState();
            Run(frame, out _);
        }
        catch (JsThrowable ex)
        {
            promise.Reject(realm, ex.GetValue(realm));
            return JsValue.FromObject(promise);
        }
        AsyncStep(frame, promise, JsValue.Undefined, ResumeKind.Next);
        return JsValue.FromObject(promise);
    }

    private void AsyncStep(Frame frame, JsPromise promise, JsValue value, ResumeKind kind)
    {
        var realm = frame.Realm;
        JsValue result;
        bool suspended;
        try
        {
            result = Resume(frame, value, kind, out suspended);
        }
        catch (JsThrowable ex)
        {
            promise.Reject(realm, ex.GetValue(realm));
            return;
        }
        if (!suspended)
        {
            promise.ResolveWith(realm, result);
            return;
        }
        // Await (§27.7.5.3): continue when the awaited value's promise settles, in a later job.
        JsPromise awaited;
        try
        {
            awaited = PromiseFunctions.PromiseResolve(realm, result);
        }
        catch (JsThrowable ex)
        {
            AsyncStep(frame, promise, ex.GetValue(realm), ResumeKind.Throw);
            return;
        }
        PromiseFunctions.PerformThenNative(realm, awaited, (v, rejected) =>
            AsyncStep(frame, promise, v, rejected ? ResumeKind.Throw : ResumeKind.Next));
    }
}

internal sealed partial class Machine
{
    /// <summary>
    /// Runs the body of a module with top-level await like an async function (§16.2.1.6.5 ExecuteModule
    /// step 9, AsyncBlockStart): the promise settles when the body completes.
    /// </summary>
    internal JsPromise StartModuleBody(Frame frame)
    {
        var realm = frame.Realm;
        var promise = PromiseFunctions.NewPromise(realm);
        frame.Generator = new GeneratorState();
        try
        {
            _engine.CallDepth++;
            Run(frame, out _); // up to GeneratorStart
        }
        catch (JsThrowable ex)
        {
            promise.Reject(realm, ex.GetValue(realm));
            return promise;
        }
        AsyncStep(frame, promise, JsValue.Undefined, ResumeKind.Next);
        return promise;
    }
}
