using System.Runtime.InteropServices;
using DualEngine.Abstractions.Errors;
using DualEngine.Abstractions.Ops;
using DualEngine.Backends.V8.Native;

namespace DualEngine.Backends.V8;

/// <summary>Conversions between engine-neutral values/errors and the shim's native structs.</summary>
internal static unsafe class V8Values
{
    internal delegate void NativeValueAction(Dv8Value* value);

    /// <summary>Pins <paramref name="value"/>'s payload and passes the native view of it to <paramref name="action"/>.</summary>
    internal static void With(in OpValue value, NativeValueAction action)
    {
        var native = new Dv8Value { Kind = (int)value.Kind, Number = value.Number };
        switch (value.Kind)
        {
            case OpValueKind.String or OpValueKind.Json:
                var text = (string)value.Ref!;
                fixed (char* chars = text)
                {
                    native.Data = chars;
                    native.Length = text.Length;
                    action(&native);
                }
                return;
            case OpValueKind.Bytes:
                var bytes = (byte[])value.Ref!;
                fixed (byte* data = bytes)
                {
                    native.Data = data;
                    native.Length = bytes.Length;
                    action(&native);
                }
                return;
            default:
                action(&native);
                return;
        }
    }

    internal static string Text(char* chars, int length) => length == 0 ? "" : new string(chars, 0, length);

    internal static JsError ReadError(Dv8Error* e) => new(
        Name: Text(e->Name, e->NameLength),
        Message: Text(e->Message, e->MessageLength),
        Stack: e->StackLength > 0 ? Text(e->Stack, e->StackLength) : null,
        FileName: e->FileLength > 0 ? Text(e->File, e->FileLength) : null,
        Line: e->Line,
        Column: e->Column,
        SourceLine: e->SourceLineLength > 0 ? Text(e->SourceLine, e->SourceLineLength) : null)
    {
        IsErrorObject = e->IsErrorObject != 0,
    };

    internal static string? Utf8(nint pointer) => Marshal.PtrToStringUTF8(pointer);
}
