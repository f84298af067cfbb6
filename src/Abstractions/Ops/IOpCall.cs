namespace DualEngine.Abstractions.Ops;

/// <summary>
/// One call of an op from JavaScript, as the backend presents it to generated binding code.
/// Valid only during the call: a backend reuses one instance per realm.
/// Getters convert like the WebIDL conversions deno_core's op2 applies (numbers by ToNumber, strings must be strings).
/// </summary>
public interface IOpCall
{
    int ArgumentCount { get; }
    OpValueKind KindOf(int index);

    bool GetBoolean(int index);
    double GetNumber(int index);
    /// <summary>ToInt32 of the argument (ECMA-262 §7.1.6).</summary>
    int GetInt32(int index);
    /// <summary>The argument as a string; throws <see cref="OpError"/> TypeError when it is not a string.</summary>
    string GetString(int index);
    /// <summary>A copy of a Uint8Array / ArrayBuffer view argument.</summary>
    byte[] GetBytes(int index);
    /// <summary>The argument serialized with JSON.stringify (for structured arguments).</summary>
    string GetJson(int index);

    /// <summary>Sets the call's return value.</summary>
    void SetResult(in OpValue value);

    /// <summary>Creates a promise, makes it the call's return value and returns its id for <see cref="Engines.IRealm.SettlePromises"/>.</summary>
    int CreatePromise();

    /// <summary>Per-realm state (permissions, resources, the event loop...).</summary>
    OpState State { get; }
}
