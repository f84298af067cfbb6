using DualEngine.Engine.Builtins;
using DualEngine.Engine.Compiler;

namespace DualEngine.Engine;

/// <summary>The engine-facing half of <see cref="Realm"/>: declarations, object creation, errors and jobs.</summary>
public sealed partial class Realm
{
    /// <summary>GlobalDeclarationInstantiation (§16.1.7): var/function names become global properties, let/const/class global lexicals.</summary>
    private void GlobalDeclarationInstantiation(Syntax.Ast.Program program)
    {
        var (varNames, functionNames, lexicals, blockFunctions) = ScopeAnalyzer.CollectGlobalDeclarations(program);
        foreach (var (name, _) in lexicals)
        {
            if (GlobalLexicals.ContainsKey(name)) Throw.SyntaxError($"Identifier '{name}' has already been declared");
            if (GlobalObject.GetOwnProperty(name, out var d) && !d.Configurable) Throw.SyntaxError($"Identifier '{name}' has already been declared");
        }
        foreach (var name in varNames)
        {
            if (GlobalLexicals.ContainsKey(name)) Throw.SyntaxError($"Identifier '{name}' has already been declared");
            // Steps 10-12, before any binding is made.
            if (functionNames.Contains(name)) CheckCanDeclareGlobalFunction(name);
            else CheckCanDeclareGlobalVar(name);
        }
        foreach (var (name, isConst) in lexicals) GlobalLexicals[name] = new GlobalLexical(isConst);
        if (lexicals.Count > 0) LexicalEpoch++;
        foreach (var name in varNames)
        {
            // The script's first instructions store each function into its binding.
            if (functionNames.Contains(name)) CreateGlobalFunctionBinding(name, deletable: false);
            else CreateGlobalVarBinding(name, deletable: false);
        }
        // B.3.2.2: a block-level function of sloppy script code gets a global var too, unless a global lexical has its
        // name or the global object cannot take it (CanDeclareGlobalVar).
        foreach (var name in blockFunctions)
            if (!GlobalLexicals.ContainsKey(name) && GlobalObject.IsExtensible()) CreateGlobalVarBinding(name, deletable: false);
    }

    /// <summary>CanDeclareGlobalVar (§9.1.1.4.15), throwing: an existing own property, or an extensible global object.</summary>
    internal void CheckCanDeclareGlobalVar(in PropertyKey name)
    {
        if (!GlobalObject.HasOwnProperty(name) && !GlobalObject.IsExtensible()) Throw.TypeError($"Cannot declare global variable '{name}'");
    }

    /// <summary>
    /// CanDeclareGlobalFunction (§9.1.1.4.16), throwing: a missing property needs an extensible global object; an existing
    /// one must be configurable, or a writable, enumerable data property.
    /// </summary>
    internal void CheckCanDeclareGlobalFunction(in PropertyKey name)
    {
        if (!GlobalObject.GetOwnProperty(name, out var d)) CheckCanDeclareGlobalVar(name);
        else if (!d.Configurable && (d.IsAccessor || !d.Writable || !d.Enumerable)) Throw.TypeError($"Cannot redefine global function '{name}'");
    }

    /// <summary>
    /// CreateGlobalVarBinding (§9.1.1.4.17): a missing property becomes a writable, enumerable data property holding
    /// undefined, configurable when <paramref name="deletable"/> (eval code); an existing one stays as it is.
    /// </summary>
    internal void CreateGlobalVarBinding(in PropertyKey name, bool deletable)
    {
        if (!GlobalObject.HasOwnProperty(name))
            GlobalObject.DefineOwnProperty(name, PropertyDescriptor.Data(JsValue.Undefined, deletable ? PropertyFlags.Default : PropertyFlags.Writable | PropertyFlags.Enumerable));
    }

    /// <summary>
    /// CreateGlobalFunctionBinding (§9.1.1.4.18) before the function exists: a missing or configurable property is
    /// redefined as a writable, enumerable data property, configurable when <paramref name="deletable"/>; a
    /// non-configurable one (writable and enumerable, as CanDeclareGlobalFunction checked) keeps its attributes. The
    /// function is stored there when it is made.
    /// </summary>
    internal void CreateGlobalFunctionBinding(in PropertyKey name, bool deletable)
    {
        if (!GlobalObject.GetOwnProperty(name, out var d) || d.Configurable)
            GlobalObject.DefineOwnProperty(name, PropertyDescriptor.Data(JsValue.Undefined, deletable ? PropertyFlags.Default : PropertyFlags.Writable | PropertyFlags.Enumerable));
    }

    /// <summary>
    /// Evaluating a block-level function declaration of sloppy script code (B.3.2.2 step 3.a.ii.3): the global var gets the
    /// function, unless a global let/const/class of that name exists (then the instantiation made no var either).
    /// </summary>
    internal void SetGlobalBlockFunction(string name, in JsValue function)
    {
        if (GlobalLexicals.ContainsKey(name)) return;
        GlobalObject.Set(name, function, JsValue.FromObject(GlobalObject));
    }

    internal void InitializeGlobalLexical(string name, in JsValue value)
    {
        if (GlobalLexicals.TryGetValue(name, out var box)) box.Value = value;
        else GlobalObject.Set(name, value, JsValue.FromObject(GlobalObject));
    }

    internal JsObject NewObject()
    {
        MemoryBudget.Account(Engine, 48);
        return new JsObject(Intrinsics.ObjectPrototype);
    }

    internal JsArray NewArray(int capacity = 0) => new(Intrinsics.ArrayPrototype, capacity);

    /// <summary>Creates an error object of the given type with the current JS stack.</summary>
    internal JsErrorObject CreateError(ErrorType type, string message)
    {
        var error = new JsErrorObject(Intrinsics.ErrorPrototypes[(int)type]);
        if (message.Length > 0) error.FastSet("message", JsValue.FromString(message), PropertyFlags.Hidden);
        error.CaptureStack(Engine.Machine.CaptureStack());
        return error;
    }

    internal JsValue CreateRegExp(string pattern, string flags) => RegExpConstructor.Create(this, pattern, flags);

    /// <summary>Whether array iteration is unmodified, so spreading and for-of may index arrays directly.</summary>
    internal bool ArrayIterationIntact()
    {
        var proto = Intrinsics.ArrayPrototype;
        int slot = proto._shape.IndexOf(WellKnownSymbols.Iterator);
        if (slot < 0 || !ReferenceEquals(proto._slots[slot]._ref, Intrinsics.ArrayProtoValues)) return false;
        var iterProto = Intrinsics.ArrayIteratorPrototype;
        int next = iterProto._shape.IndexOf("next");
        return next >= 0 && ReferenceEquals(iterProto._slots[next]._ref, _arrayIteratorNext);
    }

    internal JsFunction? _arrayIteratorNext;

    // ---- jobs (§9.5) ----

    private readonly Queue<PromiseJob> _jobs = new();
    private readonly List<JsPromise> _pendingRejections = new();

    internal void EnqueueJob(PromiseJob job) => _jobs.Enqueue(job);

    /// <summary>HostPromiseRejectionTracker "reject" (§27.2.1.9).</summary>
    internal void PromiseRejectedWithoutHandler(JsPromise promise) => _pendingRejections.Add(promise);

    /// <summary>HostPromiseRejectionTracker "handle".</summary>
    internal void PromiseRejectionHandled(JsPromise promise) => _pendingRejections.Remove(promise);
}
