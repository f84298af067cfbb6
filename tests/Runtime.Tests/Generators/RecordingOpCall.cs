using DualEngine.Abstractions.Ops;

namespace DualEngine.Runtime.Tests.Generators;

/// <summary>
/// A test double for a backend's IOpCall: arguments are OpValues, the result and created promises
/// are recorded. Conversions follow IOpCall's documented contract closely enough for binding tests.
/// </summary>
internal sealed class RecordingOpCall(OpState state, params OpValue[] arguments) : IOpCall, IAsyncOpSink
{
    private int _nextPromiseId = 1;

    public OpValue? Result { get; private set; }
    public List<int> Promises { get; } = [];
    public Dictionary<int, Task<OpValue>> Tracked { get; } = [];

    public OpState State { get; } = state;

    public static RecordingOpCall Create(params OpValue[] arguments)
    {
        var call = new RecordingOpCall(new OpState(), arguments);
        call.State.AsyncOps = call;
        return call;
    }

    public int ArgumentCount => arguments.Length;
    public OpValueKind KindOf(int index) => index < arguments.Length ? arguments[index].Kind : OpValueKind.Undefined;
    private OpValue At(int index) => index < arguments.Length ? arguments[index] : OpValue.Undefined;

    public bool GetBoolean(int index) => At(index).Kind switch
    {
        OpValueKind.Boolean or OpValueKind.Number => At(index).Number != 0 && !double.IsNaN(At(index).Number),
        OpValueKind.String => At(index).AsString.Length > 0,
        OpValueKind.Undefined or OpValueKind.Null => false,
        _ => true,
    };

    public double GetNumber(int index) => At(index).Kind switch
    {
        OpValueKind.Number or OpValueKind.Boolean => At(index).Number,
        OpValueKind.Null => 0,
        _ => double.NaN,
    };

    public int GetInt32(int index)
    {
        var number = GetNumber(index);
        if (!double.IsFinite(number)) return 0;
        // ECMA-262 §7.1.6 ToInt32: truncate, then wrap modulo 2^32.
        return unchecked((int)(uint)(long)(Math.Truncate(number) % 4294967296.0));
    }

    public string GetString(int index) => At(index).Kind == OpValueKind.String
        ? At(index).AsString
        : throw OpError.TypeError($"Expected string at position {index}");

    public byte[] GetBytes(int index) => At(index).Kind == OpValueKind.Bytes
        ? (byte[])At(index).AsBytes.Clone()
        : throw OpError.TypeError($"Expected Uint8Array at position {index}");

    public string GetJson(int index) => At(index).Kind == OpValueKind.Json ? (string)At(index).Ref! : At(index).ToString();

    public void SetResult(in OpValue value) => Result = value;

    public int CreatePromise()
    {
        var id = _nextPromiseId++;
        Promises.Add(id);
        return id;
    }

    public void Track(int promiseId, Task<OpValue> task) => Tracked.Add(promiseId, task);
}
