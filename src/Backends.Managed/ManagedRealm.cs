using DualEngine.Abstractions.Engines;
using DualEngine.Abstractions.Errors;
using DualEngine.Abstractions.Ops;
using DualEngine.Engine;

namespace DualEngine.Backends.Managed;

/// <summary>
/// A realm of the managed engine behind <see cref="IRealm"/>: the same observable behaviour as V8Realm and its
/// shim (ops, hooks, promise settlement by id, microtask errors, rejection hooks, termination). Single-threaded
/// like the engine; only <see cref="Terminate"/> may be called from another thread.
/// </summary>
internal sealed partial class ManagedRealm : IRealm
{
    private readonly JsEngine _engine;
    private readonly Realm _realm;
    private readonly HostHelpers _helpers;
    private readonly ManagedOpCall _call;
    private readonly ManagedErrors _errors;
    private readonly ManagedModuleHost _moduleHost;
    private readonly HeapWatchdog? _heapWatchdog;
    private readonly Action<string>? _log;
    private readonly Dictionary<int, JsPromiseResolver> _resolvers = new();   // async-op promises
    private readonly Dictionary<int, JsValue> _heldPromises = new();          // module evaluations
    private int _nextPromiseId = 1;
    private JsError? _microtaskError;          // the first throw of a queueMicrotask callback in this checkpoint
    private JsEngineException? _termination;   // the last termination seen, to re-raise it past an op that caught it
    private bool _disposed;

    /// <summary>Functions registered with <c>__core.setHook(name, fn)</c>.</summary>
    internal readonly Dictionary<string, JsValue> Hooks = new(StringComparer.Ordinal);

    /// <summary>The function registered with <c>__core.setErrorFactory</c>, or undefined.</summary>
    internal JsValue ErrorFactory;

    internal ManagedRealm(JsEngine engine, RealmOptions options)
    {
        _engine = engine;
        _realm = engine.CreateRealm();
        _log = options.Log;
        _errors = new ManagedErrors(this);
        _call = new ManagedOpCall(this, options.State);
        _moduleHost = new ManagedModuleHost(this, options.ModuleLoader);
        _realm.ModuleHost = _moduleHost;
        if (options.HeapLimitBytes is { } limit) _heapWatchdog = new HeapWatchdog(limit, engine.Terminate);
        try
        {
            _helpers = new HostHelpers(_realm);
            CoreObject.Install(this, _realm, options.Ops, new MoreRealms(this, engine));
        }
        catch (JsEngineException e)
        {
            throw Fail(e);
        }
    }

    /// <summary>The engine's managed heap is the process's: this is the process-wide managed heap size.</summary>
    public long HeapUsedBytes => GC.GetTotalMemory(forceFullCollection: false);

    public void EvaluateScript(string source, string fileName)
    {
        CheckAlive();
        _errors.Remember(fileName, source);
        Guard(() => _realm.Evaluate(source, fileName));
    }

    public PromiseStatus GetPromiseStatus(PromiseHandle promise, out JsError? rejection)
    {
        CheckAlive();
        rejection = null;
        if (!_heldPromises.TryGetValue(promise.Id, out var value)) throw new ArgumentException($"no promise with id {promise.Id}", nameof(promise));
        switch (_realm.GetPromiseState(value, out var result))
        {
            case JsPromiseState.Fulfilled: return PromiseStatus.Fulfilled;
            case JsPromiseState.Pending: return PromiseStatus.Pending;
            default:
                rejection = ErrorOf(result);
                return PromiseStatus.Rejected;
        }
    }

    public void SettlePromises(ReadOnlySpan<PromiseSettlement> settlements)
    {
        CheckAlive();
        foreach (var s in settlements)
        {
            if (!_resolvers.Remove(s.PromiseId, out var resolver)) continue;
            try
            {
                if (s.Error is { } error)
                {
                    resolver.Reject(MakeError(error.ClassName, error.Message));
                    continue;
                }
                JsValue value;
                try
                {
                    value = ToJs(s.Value);
                }
                catch (JsEngineException e) when (!e.IsTermination)
                {
                    resolver.Reject(e.ThrownValue);  // malformed JSON from an op: reject, don't lose it
                    continue;
                }
                resolver.Resolve(value);
            }
            catch (JsEngineException e)
            {
                throw Fail(e);
            }
        }
    }

    public bool CallHook(string hook, ReadOnlySpan<OpValue> args)
    {
        CheckAlive();
        if (!Hooks.TryGetValue(hook, out var fn)) return false;
        var values = new JsValue[args.Length];
        try
        {
            for (int i = 0; i < values.Length; i++) values[i] = ToJs(args[i]);
            return ManagedValues.ToBoolean(_realm.Call(fn, JsValue.Undefined, values));
        }
        catch (JsEngineException e)
        {
            throw Fail(e);
        }
    }

    public void RunMicrotasks()
    {
        CheckAlive();
        _microtaskError = null;
        Guard(() =>
        {
            _realm.RunMicrotasks();
            return JsValue.Undefined;
        });
        if (_microtaskError is { } error)
        {
            _microtaskError = null;
            throw new JsException(error);
        }
    }

    public IReadOnlyList<JsError> TakeUnhandledRejections()
    {
        CheckAlive();
        List<JsError>? list = null;
        foreach (var rejection in _realm.TakeUnhandledRejections())
        {
            if (Hooks.TryGetValue("unhandledRejection", out var hook))
            {
                try
                {
                    // TODO(engine): the engine reports rejection reasons only, so the hook's promise argument is
                    // undefined, and a handler attached after the report cannot reach the "rejectionHandled" hook.
                    if (ManagedValues.ToBoolean(_realm.Call(hook, JsValue.Undefined, JsValue.Undefined, rejection.ThrownValue))) continue;
                }
                catch (JsEngineException e)
                {
                    // As V8Realm: the hook's own failure is reported in place of the rejection.
                    (list ??= []).Add(Fail(e).Error);
                    continue;
                }
            }
            (list ??= []).Add(_errors.From(rejection));
        }
        return list ?? (IReadOnlyList<JsError>)[];
    }

    public void Terminate(string reason)
    {
        _log?.Invoke($"terminating: {reason}");
        _engine.Terminate();
    }

    public void Dispose()
    {
        _disposed = true;
        _heapWatchdog?.Dispose();
        _resolvers.Clear();
        _heldPromises.Clear();
        Hooks.Clear();
    }

    private void CheckAlive() => ObjectDisposedException.ThrowIf(_disposed, this);

    // ---- ops ----

    /// <summary>Calls an op from JS. Every failure becomes a JS error (by class, through the error factory) or a termination.</summary>
    internal JsValue InvokeOp(OpDescriptor op, ReadOnlySpan<JsValue> args)
    {
        var saved = _call.Enter(args);
        try
        {
            op.Invoke(_call);
        }
        catch (Exception ex)
        {
            _call.Exit(saved);
            throw Translate(ex);
        }
        return _call.Exit(saved);
    }

    private Exception Translate(Exception ex)
    {
        switch (ex)
        {
            case JsEngineException:
                return ex;  // a JS value thrown in a nested call (e.g. invalid JSON) or a termination: the engine carries it on
            case JsException { IsTermination: true } terminated:
                // The op re-entered the realm through IRealm and got a termination back: stop this script too.
                _engine.Terminate();
                return _termination ?? Throw("Error", terminated.Error.Message);
            default:
                var error = OpError.From(ex);
                return Throw(error.ClassName, error.Message);
        }
    }

    internal int CreateOpPromise(out JsValue promise)
    {
        promise = _realm.CreatePromise(out var resolver);
        int id = _nextPromiseId++;
        _resolvers[id] = resolver;
        return id;
    }

    /// <summary>The JS error an op raises: built-in classes directly, others through the error factory (as the shim's MakeError).</summary>
    internal JsValue MakeError(string className, string message)
    {
        if (className is "TypeError" or "RangeError" or "SyntaxError" or "ReferenceError" or "Error")
            return _realm.CreateError(className, message);
        if (Realm.IsCallable(ErrorFactory))
        {
            try
            {
                var made = _realm.Call(ErrorFactory, JsValue.Undefined, className, message);
                if (!made.IsUndefined) return made;
            }
            catch (JsEngineException e) when (!e.IsTermination)
            {
                // A failing factory must not hide the op's error: fall back below.
            }
        }
        // No factory or it does not know the class: an Error whose name is the class, so it still reads right.
        return _realm.CreateError(className, message);
    }

    /// <summary>The exception that makes a host function throw <paramref name="className"/>: <c>throw owner.Throw(...)</c>.</summary>
    internal Exception Throw(string className, string message) => ThrowValue(MakeError(className, message));

    /// <summary>
    /// The engine rethrows the JS value of a <see cref="JsEngineException"/> escaping a host function, and only it
    /// creates those: so the value is thrown once by a JS helper and the exception it produces is handed back.
    /// </summary>
    internal JsEngineException ThrowValue(JsValue value)
    {
        try
        {
            _realm.Call(_helpers.ThrowValue, JsValue.Undefined, value);
        }
        catch (JsEngineException e)
        {
            return e;
        }
        throw new InvalidOperationException("the throw helper returned");
    }

    internal void QueueMicrotask(JsValue callback) => _realm.EnqueueMicrotask(() =>
    {
        try
        {
            _realm.Call(callback, JsValue.Undefined);
        }
        catch (JsEngineException e) when (!e.IsTermination)
        {
            // HTML "report the exception": the checkpoint goes on; the first error is reported after it (V8's message listener).
            _microtaskError ??= _errors.From(e);
        }
    });

    // ---- values ----

    internal JsValue ToJs(in OpValue value) => value.Kind switch
    {
        OpValueKind.Undefined => JsValue.Undefined,
        OpValueKind.Null => JsValue.Null,
        OpValueKind.Boolean => JsValue.FromBoolean(value.AsBoolean),
        OpValueKind.Number => JsValue.FromNumber(value.Number),
        OpValueKind.String => JsValue.FromString(value.AsString),
        OpValueKind.Json => _realm.ParseJson((string)value.Ref!),
        OpValueKind.Bytes => _realm.Call(_helpers.Latin1ToBytes, JsValue.Undefined, Latin1(value.AsBytes)),
        OpValueKind.BigInt => _realm.Call(_helpers.BigInt, JsValue.Undefined, ((long)value.Number).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        _ => JsValue.Undefined,
    };

    internal bool IsBytes(JsValue value) => ManagedValues.ToBoolean(_realm.Call(_helpers.IsBytes, JsValue.Undefined, value));

    internal byte[] ReadBytes(JsValue value)
    {
        string text = _realm.Call(_helpers.BytesToLatin1, JsValue.Undefined, value).AsString();
        var bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++) bytes[i] = (byte)text[i];
        return bytes;
    }

    private static string Latin1(byte[] bytes) => string.Create(bytes.Length, bytes, static (chars, b) =>
    {
        for (int i = 0; i < b.Length; i++) chars[i] = (char)b[i];
    });

    internal double ToNumber(JsValue value) => _realm.Call(_helpers.ToNumber, JsValue.Undefined, value).AsNumber();

    /// <summary>JSON.stringify of an op argument; "null" for undefined or when it throws (as the shim's dv8_arg_json).</summary>
    internal string ToJson(JsValue value)
    {
        if (value.IsUndefined) return "null";
        try
        {
            return _realm.ToJson(value) ?? "null";
        }
        catch (JsEngineException e) when (!e.IsTermination)
        {
            return "null";
        }
    }

    /// <summary>The runtime's "inspect" hook's rendering of a value, or null without one.</summary>
    internal string? Inspect(JsValue value)
    {
        if (!Hooks.TryGetValue("inspect", out var inspect)) return null;
        try
        {
            var shown = _realm.Call(inspect, JsValue.Undefined, value);
            return shown.IsString ? shown.AsString() : null;
        }
        catch (JsEngineException)
        {
            return null;
        }
    }

    // ---- errors ----

    /// <summary>The contract's view of a JS value as an error (a rejection reason): thrown once through the helper so the engine describes it.</summary>
    internal JsError ErrorOf(JsValue value) => _errors.From(ThrowValue(value));

    private void Guard(Func<JsValue> body)
    {
        try
        {
            body();
        }
        catch (JsEngineException e)
        {
            throw Fail(e);
        }
    }

    private JsException Fail(JsEngineException e)
    {
        if (!e.IsTermination) return _errors.Exception(e);
        _termination = e;
        if (_heapWatchdog is { Exceeded: true } watchdog)
        {
            watchdog.Exceeded = false;
            return new JsException(_errors.OutOfMemory());
        }
        return _errors.Exception(e);
    }
}
