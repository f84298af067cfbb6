namespace DualEngine.Engine.Runtime;

/// <summary>
/// A JavaScript throw completion travelling through C# frames (a native builtin, a getter, a conversion).
/// Carries either the thrown value or, when thrown by the engine itself, the error kind and message from
/// which the error object is made on first need.
/// </summary>
internal sealed class JsThrowable : Exception
{
    private JsValue _value;
    private bool _materialized;
    public ErrorType ErrorType { get; }

    public JsThrowable(JsValue value) : base("JavaScript exception")
    {
        _value = value;
        _materialized = true;
    }

    public JsThrowable(ErrorType type, string message) : base(message) => ErrorType = type;

    public bool IsMaterialized => _materialized;

    /// <summary>The thrown value, creating the pending error object in <paramref name="realm"/> if needed.</summary>
    public JsValue GetValue(Realm realm)
    {
        if (!_materialized)
        {
            _value = JsValue.FromObject(realm.CreateError(ErrorType, Message));
            _materialized = true;
        }
        return _value;
    }
}

/// <summary>
/// Stops the running script without letting JS catch it: time budget, cancellation, memory budget, Terminate.
/// try/catch/finally in scripts never see it.
/// </summary>
internal sealed class ScriptTerminatedException(string name, string message) : Exception(message)
{
    /// <summary>"Terminated" (time, cancellation, host request) or "OutOfMemory" (memory budget).</summary>
    public string Name { get; } = name;
}
