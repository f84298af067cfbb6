using DualEngine.Abstractions.Ops;
using DualEngine.Engine;

namespace DualEngine.Backends.Managed;

/// <summary>
/// <see cref="IOpCall"/> over the engine's argument values. One instance per realm, pointed at the current
/// call's arguments; calls nest when an op re-enters JS, so <see cref="Enter"/> returns the outer call to restore.
/// Conversions follow the V8 backend (V8OpCall and the shim's ops.cc) so ops behave alike on both engines.
/// </summary>
internal sealed class ManagedOpCall(ManagedRealm owner, OpState state) : IOpCall
{
    private JsValue[] _args = [];
    private JsValue _result;

    public OpState State { get; } = state;

    internal readonly record struct Saved(JsValue[] Args, JsValue Result);

    internal Saved Enter(ReadOnlySpan<JsValue> args)
    {
        var saved = new Saved(_args, _result);
        _args = args.IsEmpty ? [] : args.ToArray();
        _result = JsValue.Undefined;
        return saved;
    }

    internal JsValue Exit(Saved saved)
    {
        var result = _result;
        (_args, _result) = (saved.Args, saved.Result);
        return result;
    }

    private JsValue Arg(int index) => (uint)index < (uint)_args.Length ? _args[index] : JsValue.Undefined;

    public int ArgumentCount => _args.Length;

    public OpValueKind KindOf(int index)
    {
        var value = Arg(index);
        return value.Kind switch
        {
            JsValueKind.Undefined => OpValueKind.Undefined,
            JsValueKind.Null => OpValueKind.Null,
            JsValueKind.Boolean => OpValueKind.Boolean,
            JsValueKind.Number => OpValueKind.Number,
            JsValueKind.String => OpValueKind.String,
            JsValueKind.BigInt => OpValueKind.BigInt,
            JsValueKind.Object when owner.IsBytes(value) => OpValueKind.Bytes,
            _ => OpValueKind.Json,  // any other object (or a symbol): read it with GetJson
        };
    }

    public bool GetBoolean(int index) => ManagedValues.ToBoolean(Arg(index));

    public double GetNumber(int index)
    {
        var value = Arg(index);
        return value.Kind switch
        {
            JsValueKind.Number or JsValueKind.Boolean => value.AsNumber(),
            JsValueKind.Undefined => double.NaN,
            JsValueKind.Null => 0,
            _ => owner.ToNumber(value),
        };
    }

    public int GetInt32(int index)
    {
        double d = GetNumber(index);
        // ECMA-262 §7.1.6 ToInt32: truncate, wrap modulo 2^32, NaN and infinities to 0.
        if (double.IsNaN(d) || double.IsInfinity(d)) return 0;
        if (d is >= int.MinValue and <= int.MaxValue) return (int)d;
        return unchecked((int)(uint)(long)Math.IEEERemainder(Math.Truncate(d), 4294967296.0));
    }

    public string GetString(int index)
    {
        var value = Arg(index);
        if (!value.IsString) throw OpError.TypeError($"argument {index + 1} must be a string");
        return value.AsString();
    }

    public byte[] GetBytes(int index)
    {
        var value = Arg(index);
        if (!value.IsObject || !owner.IsBytes(value))
            throw OpError.TypeError($"argument {index + 1} must be an ArrayBuffer or ArrayBufferView");
        return owner.ReadBytes(value);
    }

    public string GetJson(int index) => owner.ToJson(Arg(index));

    public void SetResult(in OpValue value) => _result = owner.ToJs(value);

    public int CreatePromise()
    {
        int id = owner.CreateOpPromise(out var promise);
        _result = promise;
        return id;
    }
}
