namespace DualEngine.Abstractions.Ops;

public enum OpKind { Sync, Async }

/// <summary>Argument and return types a fast op may use (V8 Fast API's CTypeInfo subset we support).</summary>
public enum FastType : byte { Void, Bool, Int32, UInt32, Float64 }

/// <summary>
/// An op: a host function JS calls as <c>__core.ops.op_ext_verb(...)</c>.
/// Descriptors are produced by the op source generator from methods marked <see cref="OpAttribute"/>.
/// </summary>
public sealed class OpDescriptor
{
    public required string Name { get; init; }
    public required OpKind Kind { get; init; }

    /// <summary>The general ("slow") entry point, used by every engine.</summary>
    public required Action<IOpCall> Invoke { get; init; }

    /// <summary>Set for fast-eligible ops: an unmanaged function V8 may call directly.</summary>
    public FastOpInfo? Fast { get; init; }

    /// <summary>Set for sync ops with number/boolean parameters and result: a typed native entry a backend may call instead of <see cref="Invoke"/>.</summary>
    public DirectOpInfo? Direct { get; init; }

    public override string ToString() => Name;
}

/// <summary>
/// A fast op's native entry: <c>delegate* unmanaged&lt;nint receiver, args..., ret&gt;</c>.
/// It must behave exactly like <see cref="OpDescriptor.Invoke"/> for the same arguments, must not throw and must not call into JS.
/// </summary>
/// <param name="Function">The address of the [UnmanagedCallersOnly] trampoline.</param>
/// <param name="ReturnType">Its return type.</param>
/// <param name="ArgumentTypes">Its argument types after the receiver.</param>
/// <param name="CallCount">Counts calls that took the fast path (read by tests and benchmarks); not atomic, so calls
/// made from several threads at the same moment may go uncounted.</param>
public sealed record FastOpInfo(nint Function, FastType ReturnType, FastType[] ArgumentTypes, Func<long> CallCount);
