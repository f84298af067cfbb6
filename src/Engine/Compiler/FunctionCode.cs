namespace DualEngine.Engine.Compiler;

internal enum FunctionKind : byte { Normal, Arrow, Method, ClassConstructor, DerivedConstructor, Getter, Setter, Script, ClassFieldInit, Module }

/// <summary>
/// The compiled form of one function (or script): bytecode plus the tables it indexes. Immutable after
/// compilation except the inline caches, which the interpreter updates.
/// </summary>
internal sealed class FunctionCode
{
    public string Name = "";
    public string FileName = "";
    public FunctionKind Kind;
    public bool Strict;
    public bool IsGenerator;
    public bool IsAsync;
    /// <summary>The "length" property value (§15.1.5 ExpectedArgumentCount).</summary>
    public int Length;
    /// <summary>Registers 0..ParameterRegisters-1 receive the call's arguments.</summary>
    public int ParameterRegisters;
    public int RegisterCount;
    public int MaxStack;
    /// <summary>Keep a copy of all arguments (for `arguments` and rest parameters).</summary>
    public bool NeedsArgumentsArray;
    /// <summary>Whether a call creates a function-level environment, and its size.</summary>
    public int FunctionEnvSize = -1;

    public int[] Code = [];
    public JsValue[] Constants = [];
    public PropertyKey[] Names = [];
    public FunctionCode[] Functions = [];
    public PropertyCache[] Caches = [];
    public HandlerEntry[] Handlers = [];
    public LineEntry[] Lines = [];

    /// <summary>
    /// The ("length", "name") slot values that closures of this code without a "prototype" share until one of them
    /// changes a property (JsObject copies a shared slot array before writing). Realm-independent, never written.
    /// </summary>
    internal JsValue[]? SharedFunctionSlots;

    /// <summary>Recycled frames (see Interpreter.Frame.Rent); touched only by the engine's thread.</summary>
    /// <summary>
    /// True when [[Call]] just runs the body in a pushed frame: not a generator, async function or class
    /// constructor (computed on first call; the compiler has set Kind and the flags by then).
    /// </summary>
    internal bool IsPlainCall
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // read on every call, inside the interpreter loop
        get => _plainCall != 0 ? _plainCall > 0 : ComputePlainCall();
    }
    private sbyte _plainCall;

    private bool ComputePlainCall()
    {
        bool plain = Kind is FunctionKind.Normal or FunctionKind.Arrow or FunctionKind.Method or FunctionKind.Getter or FunctionKind.Setter
            && !IsGenerator && !IsAsync;
        _plainCall = plain ? (sbyte)1 : (sbyte)-1;
        return plain;
    }

    internal Interpreter.Frame?[]? FramePool;
    internal int FramePoolCount;

    /// <summary>Source text range for Function.prototype.toString (§20.2.3.5).</summary>
    public string? Source;
    public int SourceStart, SourceEnd;

    /// <summary>A class without a constructor: derived ones forward their arguments to the parent (§15.7.14 step 14.a).</summary>
    public bool IsDefaultConstructor;

    /// <summary>The module this code belongs to (its import cells and import.meta), or null for scripts.</summary>
    public Modules.ModuleRecord? Module;

    /// <summary>
    /// Sloppy functions with simple parameters: the environment slot of each parameter index that a mapped arguments
    /// object aliases (-1: not mapped, e.g. an earlier duplicate name). Null: the arguments object is unmapped.
    /// </summary>
    public int[]? MappedArguments;

    /// <summary>Eval code and functions created by it: the script or module import() resolves against (GetActiveScriptOrModule, §9.4.1).</summary>
    public string? Referrer;

    /// <summary>Direct eval call sites (operand of CallEval).</summary>
    public EvalSite[] EvalSites = [];

    /// <summary>Line and column of the instruction at <paramref name="pc"/>, from the last entry at or before it.</summary>
    public (int Line, int Column) PositionAt(int pc)
    {
        int lo = 0, hi = Lines.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (Lines[mid].Pc <= pc) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found < 0 ? (0, 0) : (Lines[found].Line, Lines[found].Column);
    }

    public override string ToString() => $"{Name} ({FileName})";
}

/// <summary>A protected pc range and where to continue when a throw lands in it.</summary>
internal readonly record struct HandlerEntry(int Start, int End, int Handler, int StackDepth);

internal readonly record struct LineEntry(int Pc, int Line, int Column);

/// <summary>
/// A monomorphic inline cache for one property-access site: if the object's shape is <see cref="Shape"/>,
/// the property is an own data property at <see cref="Slot"/>.
/// </summary>
internal sealed class PropertyCache
{
    public Shape? Shape;
    public int Slot;
    /// <summary>Set when the property lives on the receiver's prototype: that object and its shape at fill time.</summary>
    public JsObject? Holder;
    public Shape? HolderShape;
    /// <summary>
    /// Set for an assignment that adds the property: the receiver goes from <see cref="Shape"/> to this
    /// shape with the value at <see cref="Slot"/>, provided its prototype is still <see cref="Holder"/>
    /// (shape <see cref="HolderShape"/>) whose prototype is <see cref="Holder2"/> (shape <see cref="Holder2Shape"/>, or none).
    /// </summary>
    public Shape? NewShape;
    public JsObject? Holder2;
    public Shape? Holder2Shape;
    /// <summary>For global lookups: a top-level let/const box, and the realm's lexical epoch when cached.</summary>
    public object? Box;
    public int Epoch = -1;
    /// <summary>
    /// Set once this site has read "length" (its key never changes). Arrays and strings keep their length
    /// outside any slots, so it is never cached by shape; the interpreter answers those receivers inline.
    /// </summary>
    public bool LengthKey;
}
