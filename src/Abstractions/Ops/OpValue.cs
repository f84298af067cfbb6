namespace DualEngine.Abstractions.Ops;

public enum OpValueKind : byte
{
    Undefined, Null, Boolean, Number, String, Bytes,
    /// <summary>JSON text that the realm parses into a JS value (for structured results).</summary>
    Json,
    /// <summary>A BigInt carried as a 64-bit integer.</summary>
    BigInt,
}

/// <summary>
/// An engine-neutral JS value for op results, promise settlements and hook arguments.
/// Numbers are stored inline; strings, bytes and JSON text in <see cref="Ref"/>.
/// </summary>
public readonly struct OpValue
{
    public OpValueKind Kind { get; }
    public double Number { get; }
    public object? Ref { get; }

    private OpValue(OpValueKind kind, double number, object? reference)
    {
        Kind = kind;
        Number = number;
        Ref = reference;
    }

    public static OpValue Undefined => default;
    public static OpValue Null => new(OpValueKind.Null, 0, null);
    public static OpValue From(bool value) => new(OpValueKind.Boolean, value ? 1 : 0, null);
    public static OpValue From(double value) => new(OpValueKind.Number, value, null);
    public static OpValue From(string? value) => value is null ? Null : new(OpValueKind.String, 0, value);
    public static OpValue From(byte[]? value) => value is null ? Null : new(OpValueKind.Bytes, 0, value);
    public static OpValue FromBigInt(long value) => new(OpValueKind.BigInt, value, null);
    public static OpValue FromJson(string json) => new(OpValueKind.Json, 0, json);

    public bool AsBoolean => Number != 0;
    public string AsString => (string)Ref!;
    public byte[] AsBytes => (byte[])Ref!;

    public override string ToString() => Kind switch
    {
        OpValueKind.Undefined => "undefined",
        OpValueKind.Null => "null",
        OpValueKind.Boolean => AsBoolean ? "true" : "false",
        OpValueKind.Number => Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        OpValueKind.BigInt => ((long)Number).ToString(System.Globalization.CultureInfo.InvariantCulture) + "n",
        OpValueKind.Bytes => $"Uint8Array({AsBytes.Length})",
        _ => (string)Ref!,
    };
}

/// <summary>How an async op's promise is settled: fulfilled with a value, or rejected with an error class and message.</summary>
public readonly record struct PromiseSettlement(int PromiseId, OpValue Value, OpError? Error)
{
    public static PromiseSettlement Resolve(int id, OpValue value) => new(id, value, null);
    public static PromiseSettlement Reject(int id, OpError error) => new(id, default, error);
}
