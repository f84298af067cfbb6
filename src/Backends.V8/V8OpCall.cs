using DualEngine.Abstractions.Ops;
using DualEngine.Backends.V8.Native;

namespace DualEngine.Backends.V8;

/// <summary>
/// <see cref="IOpCall"/> over the shim's op frame. One instance per realm, pointed at the current frame
/// for the duration of a call (calls nest when an op re-enters JS, so the previous frame is restored).
/// </summary>
internal sealed unsafe class V8OpCall(OpState state) : IOpCall
{
    internal Dv8OpFrame* Frame;

    public OpState State { get; } = state;

    public int ArgumentCount => Frame->Argc;

    public OpValueKind KindOf(int index) => (OpValueKind)RawKind(index) switch
    {
        (OpValueKind)100 => OpValueKind.Json,
        var kind => kind,
    };

    private int RawKind(int index) =>
        index < Dv8OpFrame.InlineArgs ? (index < Frame->Argc ? Frame->Kinds[index] : 0) : Dv8.ArgKind(Frame, index);

    // ECMA-262 ToBoolean; numbers and booleans from the pre-read frame, the rest (strings, BigInts) from V8.
    public bool GetBoolean(int index) => RawKind(index) switch
    {
        (int)OpValueKind.Boolean or (int)OpValueKind.Number => GetNumber(index) is var n && n != 0 && !double.IsNaN(n),
        (int)OpValueKind.Undefined or (int)OpValueKind.Null => false,
        (int)OpValueKind.String or (int)OpValueKind.BigInt => Dv8.ArgBoolean(Frame, index) != 0,
        _ => true,
    };

    public double GetNumber(int index)
    {
        if (index < Dv8OpFrame.InlineArgs && index < Frame->Argc)
        {
            int kind = Frame->Kinds[index];
            if (kind is (int)OpValueKind.Number or (int)OpValueKind.Boolean) return Frame->Numbers[index];
            if (kind == (int)OpValueKind.Undefined) return double.NaN;
        }
        return Dv8.ArgNumber(Frame, index);
    }

    public int GetInt32(int index)
    {
        if (index < Dv8OpFrame.InlineArgs && (Frame->IntMask & (1 << index)) != 0) return Frame->Ints[index];
        double d = GetNumber(index);
        // ECMA-262 §7.1.6 ToInt32: truncate, wrap modulo 2^32, NaN and infinities to 0.
        if (double.IsNaN(d) || double.IsInfinity(d)) return 0;
        if (d is >= int.MinValue and <= int.MaxValue) return (int)d;
        return unchecked((int)(uint)(long)Math.IEEERemainder(Math.Truncate(d), 4294967296.0));
    }

    public string GetString(int index)
    {
        if (RawKind(index) != (int)OpValueKind.String)
            throw OpError.TypeError($"argument {index + 1} must be a string");
        int length;
        char* chars = Dv8.ArgString(Frame, index, &length);
        return new string(chars, 0, length);
    }

    public byte[] GetBytes(int index)
    {
        if (RawKind(index) != (int)OpValueKind.Bytes)
            throw OpError.TypeError($"argument {index + 1} must be an ArrayBuffer or ArrayBufferView");
        int length;
        byte* bytes = Dv8.ArgBytes(Frame, index, &length);
        return new ReadOnlySpan<byte>(bytes, length).ToArray();
    }

    public string GetJson(int index)
    {
        int length;
        char* chars = Dv8.ArgJson(Frame, index, &length);
        return new string(chars, 0, length);
    }

    public void SetResult(in OpValue value)
    {
        switch (value.Kind)
        {
            case OpValueKind.Undefined:
                return;
            case OpValueKind.Number or OpValueKind.Boolean or OpValueKind.Null:
                Frame->ResultKind = (int)value.Kind;  // the shim sets these after the call returns
                Frame->ResultNumber = value.Number;
                return;
            case OpValueKind.String or OpValueKind.Json:
                // Pinned in place: no closure (V8Values.With's delegate would capture this call per result).
                var text = (string)value.Ref!;
                fixed (char* chars = text)
                {
                    var native = new Dv8Value { Kind = (int)value.Kind, Length = text.Length, Data = chars };
                    Dv8.SetResult(Frame, &native);
                }
                return;
            default:
                V8Values.With(value, native => Dv8.SetResult(Frame, native));
                return;
        }
    }

    public int CreatePromise() => Dv8.CreatePromise(Frame);
}
