using DualEngine.Engine.Builtins;

namespace DualEngine.Engine;

/// <summary>States of a promise (§27.2.6 [[PromiseState]]), as the host sees them.</summary>
public enum JsPromiseState { Pending, Fulfilled, Rejected }

/// <summary>Settles a promise the host created with <see cref="Realm.CreatePromise"/>; only the first call counts.</summary>
public sealed class JsPromiseResolver
{
    private readonly Realm _realm;
    private readonly JsPromise _promise;
    private bool _settled;

    internal JsPromiseResolver(Realm realm, JsPromise promise)
    {
        _realm = realm;
        _promise = promise;
    }

    /// <summary>Resolves (adopting thenables, like the resolve function of §27.2.1.3.2). Reactions run at the next microtask checkpoint.</summary>
    public void Resolve(JsValue value)
    {
        if (_settled) return;
        _settled = true;
        _realm.HostCall(() => { _promise.ResolveWith(_realm, value); return JsValue.Undefined; });
    }

    public void Reject(JsValue reason)
    {
        if (_settled) return;
        _settled = true;
        _realm.HostCall(() => { _promise.Reject(_realm, reason); return JsValue.Undefined; });
    }
}

/// <summary>Value creation and inspection for hosts (what a backend adapter needs to build ops objects and settle promises).</summary>
public sealed partial class Realm
{
    internal T HostCall<T>(Func<T> body) => HostEntry(body);

    /// <summary>A new ordinary object (prototype %Object.prototype%).</summary>
    public JsValue CreateObject() => JsValue.FromObject(NewObject());

    /// <summary>A new array holding <paramref name="items"/>.</summary>
    public JsValue CreateArray(ReadOnlySpan<JsValue> items) => JsValue.FromObject(new JsArray(Intrinsics.ArrayPrototype, items.ToArray(), items.Length));

    /// <summary>A function object backed by C#.</summary>
    public JsValue CreateFunction(string name, HostFunction function, int length = 0) => JsValue.FromObject(WrapHostFunction(name, function, length));

    /// <summary>An error object of a builtin class ("Error", "TypeError", ...) or, for other names, an Error with that name.</summary>
    public JsValue CreateError(string name, string message)
    {
        int index = Array.IndexOf(ErrorNames, name);
        var error = CreateError(index < 0 ? ErrorType.Error : (ErrorType)index, message);
        if (index < 0) error.FastSet("name", JsValue.FromString(name), PropertyFlags.Hidden);
        return JsValue.FromObject(error);
    }

    private static readonly string[] ErrorNames = ["Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError", "EvalError", "URIError", "AggregateError"];

    /// <summary>Defines (or overwrites) a data property on an object value: writable, enumerable, configurable.</summary>
    public void SetProperty(JsValue target, string name, JsValue value)
    {
        if (target._ref is not JsObject o) throw new ArgumentException("not an object", nameof(target));
        HostEntry(() => o.DefineOwnProperty(name, PropertyDescriptor.Data(value)));
    }

    /// <summary>The own enumerable string keys of an object value (Object.keys).</summary>
    public IReadOnlyList<string> GetOwnKeys(JsValue target)
    {
        if (target._ref is not JsObject o) return [];
        return HostEntry(() =>
        {
            var keys = new List<string>();
            foreach (var k in o.OwnPropertyKeys())
                if (!k.IsSymbol && o.GetOwnProperty(k, out var d) && d.Enumerable) keys.Add(k.Name);
            return keys;
        });
    }

    /// <summary>True when the value is callable (a function, bound function or callable proxy).</summary>
    public static bool IsCallable(JsValue value) => value.IsCallable;

    /// <summary>True when the value is an Array (or a proxy for one).</summary>
    public static bool IsArray(JsValue value) => ArrayConstructor.IsArray(value);

    /// <summary>A pending promise and the resolver that settles it (for async host operations).</summary>
    public JsValue CreatePromise(out JsPromiseResolver resolver)
    {
        var promise = PromiseFunctions.NewPromise(this);
        resolver = new JsPromiseResolver(this, promise);
        return JsValue.FromObject(promise);
    }

    /// <summary>The state of a promise value and, once settled, its result.</summary>
    public JsPromiseState GetPromiseState(JsValue promise, out JsValue result)
    {
        if (promise._ref is not JsPromise p) throw new ArgumentException("not a promise", nameof(promise));
        result = p.Result;
        return (JsPromiseState)p.State;
    }

    /// <summary>Adds a host callback run (as a microtask) when the promise settles: (value, isRejection).</summary>
    public void OnSettled(JsValue promise, Action<JsValue, bool> callback)
    {
        if (promise._ref is not JsPromise p) throw new ArgumentException("not a promise", nameof(promise));
        HostEntry(() =>
        {
            PromiseFunctions.PerformThenNative(this, p, callback);
            return JsValue.Undefined;
        });
    }

    /// <summary>Queues a host callback as a microtask (queueMicrotask for hosts).</summary>
    public void EnqueueMicrotask(Action callback) => EnqueueJob(new ActionJob(callback));

    /// <summary>Converts a value with ToString (§7.1.17), running user code (toString/valueOf) when needed.</summary>
    public string ToDisplayString(JsValue value) => HostEntry(() => Conversions.ToString(value));

    private BuiltinFunction WrapHostFunction(string name, HostFunction function, int length) =>
        new(this, name, length, (Realm realm, in JsValue thisValue, ReadOnlySpan<JsValue> args) =>
        {
            try
            {
                return function(thisValue, args);
            }
            catch (JsEngineException e) when (!e.IsTermination)
            {
                throw new JsThrowable(e.ThrownValue.IsUndefined && e.IsErrorObject ? JsValue.FromObject(realm.CreateError(ErrorType.Error, e.JsMessage)) : e.ThrownValue);
            }
            catch (Exception e) when (e is not JsThrowable and not ScriptTerminatedException and not JsEngineException)
            {
                throw new JsThrowable(JsValue.FromObject(realm.CreateError(ErrorType.Error, e.Message)));
            }
        });
}
