using DualEngine.Engine.Compiler;

namespace DualEngine.Engine.Interpreter;

/// <summary>
/// One activation of compiled code. Frames live on the heap, on the machine's stack of frames (its
/// caller is the frame below it there), so a JS→JS call does not grow the .NET stack, and a generator
/// keeps its frame between resumptions.
/// Registers (locals and temporaries) come first in <see cref="Regs"/>, the operand stack after them.
/// </summary>
internal sealed class Frame
{
    public readonly FunctionCode Code;
    public JsClosure? Function;
    public Realm Realm;
    /// <summary>The realm's engine's interpreter (one load for the loop, which updates its Current on every call).</summary>
    public Machine Machine;
    public readonly JsValue[] Regs;
    public int Sp;
    /// <summary>Start of the instruction being executed (for handlers and positions).</summary>
    public int Pc;
    public JsValue[]? Env;
    public JsValue This;
    public JsObject? NewTarget;
    public JsValue[]? Arguments;
    /// <summary>
    /// Where the caller continues after this frame returns (same Run only); ~pc (negative) when it continues
    /// there without the result, which the call's next instruction would have popped (see Machine.SetReturnAddress).
    /// </summary>
    public int ReturnPc;
    /// <summary>
    /// The caller's register that takes the result when the call is followed by StoreReg r (`x = f()`): the
    /// return stores it there and continues after the StoreReg. -1 to push it (or drop it: ReturnPc negative).
    /// </summary>
    public int ResultRegister;
    public bool IsConstruct
    {
        get => (_returnFlags & ConstructFlag) != 0;
        set => _returnFlags = value ? (byte)(_returnFlags | ConstructFlag) : (byte)(_returnFlags & ~ConstructFlag);
    }

    /// <summary>The frame a Run call started with: returning from it leaves the interpreter loop.</summary>
    public bool IsEntry
    {
        get => (_returnFlags & EntryFlag) != 0;
        set => _returnFlags = value ? (byte)(_returnFlags | EntryFlag) : (byte)(_returnFlags & ~EntryFlag);
    }

    /// <summary>Set for generator and async frames.</summary>
    public GeneratorState? Generator
    {
        get => _generator;
        set
        {
            _generator = value;
            _returnFlags = value is not null ? (byte)(_returnFlags | GeneratorFlag) : (byte)(_returnFlags & ~GeneratorFlag);
        }
    }

    /// <summary>
    /// True when a return from this frame is the ordinary one: not [[Construct]], not a generator's, not the
    /// frame a Run started with. The Return instruction tests this one byte instead of the three cases.
    /// </summary>
    public bool IsPlainReturn => _returnFlags == 0;

    private const byte ConstructFlag = 1, EntryFlag = 2, GeneratorFlag = 4;
    private byte _returnFlags;
    private GeneratorState? _generator;

    public Frame(FunctionCode code, JsClosure? function, Realm realm)
    {
        Code = code;
        Function = function;
        Realm = realm;
        Machine = realm.Engine.Machine;
        Regs = new JsValue[code.RegisterCount + code.MaxStack];
        Sp = code.RegisterCount;
    }

    /// <summary>
    /// A frame from the code's small free list, or a new one. Frames of ordinary calls are recycled on
    /// return (nothing keeps a reference to them); generator frames never are.
    /// </summary>
    /// <remarks>
    /// The pool is a stack: entries below <c>FramePoolCount</c> are free frames; entries at or above it are
    /// stale (a frame in use, or one abandoned by a throw) and only ever overwritten. Renting therefore leaves
    /// the slot as it is, and a frame that returns to the slot it was rented from (the usual case: the same
    /// function called again and again) needs no store. Likewise <see cref="Function"/> and <see cref="Realm"/>
    /// (and, in the call path, <see cref="Env"/> and <see cref="This"/>) are written only
    /// when they change, so a repeated call of one closure skips those stores and their GC write barriers. A
    /// pooled frame thus keeps its last closure, environment and receiver reachable (at most
    /// FramePool.Length frames per function code) until it is used again; JS cannot observe that, except
    /// that a WeakRef target may stay alive longer, which liveness (§9.9) permits.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Frame Rent(FunctionCode code, JsClosure? function, Realm realm)
    {
        var pool = code.FramePool;
        int count = code.FramePoolCount;
        if (pool is not null && count > 0)
        {
            var f = pool[--count]!;
            code.FramePoolCount = count;
            if (!ReferenceEquals(f.Function, function)) f.Function = function;
            if (!ReferenceEquals(f.Realm, realm))
            {
                f.Realm = realm;
                f.Machine = realm.Engine.Machine;
            }
            return f;
        }
        return new Frame(code, function, realm);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Return()
    {
        if (_generator is not null) return;
        var code = Code;
        var pool = code.FramePool ??= new Frame?[8];
        int count = code.FramePoolCount;
        if (count == pool.Length) return;
        // Registers must read undefined on the next call; zero words are undefined, and storing them needs
        // no write barrier. Operand-stack slots are always written before they are read, so they are not
        // cleared: what a pooled frame's stack still references stays reachable until the function's next
        // call overwrites it (at most FramePool.Length frames of MaxStack slots per function).
        var regs = Regs;
        int n = code.RegisterCount;
        for (int i = 0; i < n; i++) Unsafe.As<JsValue, JsValue.Bits>(ref regs[i]) = default;
        Sp = code.RegisterCount;
        Pc = 0;
        NewTarget = null;
        Arguments = null;
        _returnFlags = 0; // not construct, not entry (and a generator frame never gets here)
        // Function, Env and This stay: every call sets them again, storing only what changed (see
        // Rent, Machine.PushCallFrame, the Call instruction), and a function called again and again from one
        // place gets the same ones, so those stores and their write barriers are skipped. The slot usually
        // still holds this frame.
        ref var slot = ref pool[count];
        if (!ReferenceEquals(slot, this)) slot = this;
        code.FramePoolCount = count + 1;
    }
}

/// <summary>How a suspended generator/async frame is being resumed (§27.5.3.3 GeneratorResume / GeneratorResumeAbrupt).</summary>
internal enum ResumeKind : byte { Next = 0, Throw = 1, Return = 2, DelegateReturn = 3 }

/// <summary>The suspension state shared by generators, async functions and async generators.</summary>
internal sealed class GeneratorState
{
    public ResumeKind LastResume;
    public bool Started;
    public bool Running;
    public bool Done;
    /// <summary>Set when the frame suspended at an await (vs a yield).</summary>
    public bool AtAwait;
    /// <summary>The last suspension was yield* passing the inner iterator's result object through (§15.5.5).</summary>
    public bool DelegatedResult;
    /// <summary>Suspended inside yield*: a throw resumption is forwarded to the inner iterator, not thrown here.</summary>
    public bool InDelegate;
    /// <summary>Async yield*: the inner iterator had no "return" method, so the awaited value is the result.</summary>
    public bool DelegateReturnWithoutMethod;
    /// <summary>Async yield*: the resumption forwarded to the inner iterator, remembered across the await of its result.</summary>
    public ResumeKind DelegateResume;
}
