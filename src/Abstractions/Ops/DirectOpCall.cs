using System.Runtime.InteropServices;

namespace DualEngine.Abstractions.Ops;

/// <summary>
/// A sync op's typed native entry, emitted by the op generator besides <see cref="OpDescriptor.Invoke"/> for
/// ops whose JS parameters are all numbers and booleans (state parameters allowed) and whose result is
/// void, a number or a boolean (deno_core op2's typed slow function). A backend may call it instead of
/// <see cref="OpDescriptor.Invoke"/>: it skips <see cref="IOpCall"/> and <see cref="OpValue"/>, the backend
/// converts the arguments itself. It must give exactly what Invoke gives for the same JS arguments.
/// <para>
/// Signature: <c>delegate* unmanaged[Cdecl]&lt;nint state, ulong* slots, int&gt;</c>. <c>state</c> is a
/// <see cref="GCHandle"/> to the realm's <see cref="OpState"/> (read only by ops with state parameters).
/// <c>slots</c> holds at least <see cref="DirectOpCall.Slots"/> 8-byte slots; slot i is JS argument i, converted
/// as <see cref="ArgumentTypes"/>[i] says: Int32/UInt32 = ECMA-262 ToInt32 in the low 4 bytes (an int),
/// Float64 = ToNumber (a double), Bool = ToBoolean (0 or 1 in the low byte); a missing argument is converted
/// from undefined. The result goes to slot 0 the same way (<see cref="ReturnType"/>). The entry returns 0, or
/// 1 when the op threw: then <see cref="DirectOpCall.Fail"/> has written the JS error's class and message.
/// </para>
/// </summary>
/// <param name="Function">The address of the [UnmanagedCallersOnly] entry.</param>
/// <param name="ReturnType">How the result is stored in slot 0 (Void: nothing stored).</param>
/// <param name="ArgumentTypes">How each JS argument is converted into its slot.</param>
public sealed record DirectOpInfo(nint Function, FastType ReturnType, FastType[] ArgumentTypes);

/// <summary>Helpers the generated typed entries (<see cref="DirectOpInfo"/>) call.</summary>
public static class DirectOpCall
{
    /// <summary>Slots the caller provides; a typed entry takes at most this many JS arguments.</summary>
    public const int Slots = 8;

    // The strings must outlive the entry: the backend reads them after it returned. They stay pinned
    // until the next failure on this thread.
    [ThreadStatic] private static GCHandle t_class, t_message;

    /// <summary>The realm's <see cref="OpState"/> from the entry's state handle.</summary>
    public static OpState State(nint handle) => (OpState)GCHandle.FromIntPtr(handle).Target!;

    /// <summary>
    /// Records the exception an op threw as the JS error it becomes (<see cref="OpError.From"/>): slots 0-3 get
    /// the class name's chars pointer and length, and the message's. Returns 1, the entry's "threw" result.
    /// Never throws.
    /// </summary>
    public static int Fail(nint slots, Exception exception)
    {
        string cls, message;
        try
        {
            var error = OpError.From(exception);
            (cls, message) = (error.ClassName, error.Message);
        }
        catch (Exception)
        {
            (cls, message) = ("Error", "op failed");
        }
        nint clsChars = 0, messageChars = 0;
        try
        {
            if (t_class.IsAllocated) t_class.Free();
            if (t_message.IsAllocated) t_message.Free();
            t_class = GCHandle.Alloc(cls, GCHandleType.Pinned);
            t_message = GCHandle.Alloc(message, GCHandleType.Pinned);
            clsChars = t_class.AddrOfPinnedObject();
            messageChars = t_message.AddrOfPinnedObject();
        }
        catch (Exception)
        {
            // Out of memory: the backend throws a plain Error with an empty message (a null class pointer).
        }
        Marshal.WriteIntPtr(slots, 0, clsChars);
        Marshal.WriteInt64(slots, 8, clsChars == 0 ? 0 : cls.Length);
        Marshal.WriteIntPtr(slots, 16, messageChars);
        Marshal.WriteInt64(slots, 24, messageChars == 0 ? 0 : message.Length);
        return 1;
    }
}
