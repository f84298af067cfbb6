using DualEngine.Syntax.Ast;

namespace DualEngine.Engine.Compiler;

/// <summary>
/// Compiles one function (or the script's top level) from the Syntax AST to <see cref="FunctionCode"/>.
/// Names were resolved by <see cref="ScopeAnalyzer"/>: here each binding gets a register or an environment
/// slot as its scope is entered, and every identifier becomes a register, environment or global access.
/// Split by concern: this file holds scopes, variables and function prologues; statements, control flow,
/// expressions, patterns and classes live in the other partial files.
/// </summary>
internal sealed partial class FunctionCompiler
{
    private readonly ScopeAnalysis _analysis;
    private readonly FunctionInfo _info;
    private readonly FunctionCode _code;
    private readonly BytecodeBuilder _b = new();
    private readonly string _source;
    private Scope _scope;
    /// <summary>Run-time environments pushed by this function so far (the function's own counts as one).</summary>
    private int _envCount;

    private FunctionCompiler(ScopeAnalysis analysis, FunctionInfo info, Scope scope, FunctionCode code, string source)
    {
        _analysis = analysis;
        _info = info;
        _scope = scope;
        _code = code;
        _source = source;
    }

    private bool Strict => _info.Strict;

    // ---- entry points ----

    /// <summary>Compiles a script (§16.1.7): top-level declarations are instantiated by the realm before it runs.</summary>
    public static FunctionCode CompileScript(Syntax.Ast.Program program, string fileName, string source)
    {
        var analysis = ScopeAnalyzer.Analyze(program);
        var info = analysis.Functions[program];
        var code = new FunctionCode
        {
            Name = "", FileName = fileName, Kind = FunctionKind.Script, Strict = program.Strict,
            Source = source, SourceStart = 0, SourceEnd = source.Length,
        };
        var c = new FunctionCompiler(analysis, info, info.Scope, code, source);
        c.CompileScriptBody(program);
        return code;
    }

    private void CompileScriptBody(Syntax.Ast.Program program)
    {
        EnterFunctionScope(parameters: null);
        // Top-level function declarations are created before any statement runs (GlobalDeclarationInstantiation).
        foreach (var s in program.Body)
            if (Unlabeled(s) is FunctionDeclaration { Id: { } id } f)
            {
                EmitClosure(f);
                int n = _b.Name(id.Name);
                _b.Emit(OpCode.StoreGlobal, -1, n, 0, _b.NewCache());
            }
        _completionRegister = _b.AllocRegister();
        _b.Emit(OpCode.Undefined, 1);
        _b.Emit(OpCode.StoreReg, -1, _completionRegister);
        foreach (var s in program.Body) CompileStatement(s);
        _b.Emit(OpCode.LoadReg, 1, _completionRegister);
        _b.Emit(OpCode.Return, -1);
        _b.Finish(_code);
        _code.ParameterRegisters = 0;
    }

    /// <summary>The script's completion value (what eval / Evaluate returns): last expression statement's value.</summary>
    private int _completionRegister = -1;

    private static Statement Unlabeled(Statement s) => s is LabeledStatement l ? Unlabeled(l.Body) : s;

    /// <summary>
    /// Compiles a nested function and returns its code. <paramref name="sourceStart"/> is where its source text starts
    /// when that is before the function node: a method's text begins at its first token (`async`, `*`, `get`, `set` or
    /// the key, §15.4 MethodDefinition), while the node starts at the parameters.
    /// </summary>
    private FunctionCode CompileFunction(IFunction f, Node node, FunctionKind kind, string name, int sourceStart = -1)
    {
        var info = _analysis.Functions[node];
        var code = new FunctionCode
        {
            Name = name,
            FileName = _code.FileName,
            Kind = kind,
            Strict = info.Strict,
            IsGenerator = f.Generator,
            IsAsync = f.Async,
            Source = _source,
            SourceStart = sourceStart >= 0 ? sourceStart : f.Start,
            SourceEnd = f.End,
            Length = ExpectedArgumentCount(f.Params),
            Module = _code.Module,
            Referrer = _code.Referrer,
        };
        var c = new FunctionCompiler(_analysis, info, info.Scope, code, _source);
        c.CompileFunctionBody(f);
        return code;
    }

    /// <summary>ExpectedArgumentCount (§15.1.5): parameters before the first default or rest.</summary>
    private static int ExpectedArgumentCount(List<Node> parameters)
    {
        int n = 0;
        foreach (var p in parameters)
        {
            if (p is AssignmentPattern or RestElement) break;
            n++;
        }
        return n;
    }

    private void CompileFunctionBody(IFunction f)
    {
        EnterFunctionScope(f.Params);
        if (f.Generator || f.Async) _b.Emit(OpCode.GeneratorStart, 0);
        if (f.Body is BlockStatement block)
        {
            if (ScopeOf(block) is { } bodyScope) EnterBodyScope(bodyScope);
            EmitHoistedFunctions(block.Body);
            foreach (var s in block.Body) CompileStatement(s);
            _b.Emit(OpCode.Undefined, 1);
            EmitReturn();
        }
        else
        {
            _b.Position(f.Body);
            CompileExpression((Expression)f.Body);
            EmitReturn();
        }
        _b.Finish(_code);
    }

    /// <summary>
    /// FunctionDeclarationInstantiation (§10.2.11), simplified: creates the function environment if any
    /// binding is captured, moves captured parameters into it, initializes the synthetic bindings and
    /// TDZ holes, then binds non-simple parameters (defaults, patterns, rest) in order.
    /// </summary>
    private void EnterFunctionScope(List<Node>? parameters)
    {
        var scope = _scope;
        bool simple = parameters is null || parameters.TrueForAll(p => p is Identifier);
        int paramCount = parameters?.Count ?? 0;
        // Incoming argument registers come first.
        for (int i = 0; i < paramCount; i++) _b.AllocRegister();
        _code.ParameterRegisters = paramCount;
        _returnRegister = _b.AllocRegister();
        if (simple && parameters is not null)
            for (int i = 0; i < paramCount; i++)
            {
                var b = scope.Find(((Identifier)parameters[i]).Name)!;
                b.Register = i; // a duplicate name (sloppy) binds the last one
            }
        AllocateScope(scope, skipAllocated: true);
        if (scope.HasEnv)
        {
            _code.FunctionEnvSize = scope.EnvSize;
            _envCount = 1;
        }
        // Captured simple parameters: copy from the incoming register into the environment.
        if (simple && parameters is not null)
            for (int i = 0; i < paramCount; i++)
            {
                var b = scope.Find(((Identifier)parameters[i]).Name)!;
                if (b.Captured && b.Register == i) { _b.Emit(OpCode.LoadReg, 1, i); EmitInitialize(b); }
            }
        foreach (var b in scope.Ordered)
        {
            if (b.FromFrame) continue;
            switch (b.Kind)
            {
                case BindingKind.This:
                    _b.Emit(OpCode.LoadThisValue, 1);
                    EmitInitialize(b);
                    break;
                case BindingKind.NewTarget: _b.Emit(OpCode.LoadNewTarget, 1); EmitInitialize(b); break;
                case BindingKind.HomeObject: _b.Emit(OpCode.LoadHomeObject, 1); EmitInitialize(b); break;
                case BindingKind.Callee:
                case BindingKind.FunctionSelf:
                    _b.Emit(OpCode.LoadCallee, 1); EmitInitialize(b); break;
                case BindingKind.EvalVars:
                    // A prototype-less object: only names eval code declared are found on it.
                    _b.Emit(OpCode.NewObject, 1);
                    _b.Emit(OpCode.Null, 1);
                    _b.Emit(OpCode.SetProtoLiteral, -1);
                    EmitInitialize(b);
                    break;
                case BindingKind.Arguments:
                    if (_info.UsesArgumentsObject)
                    {
                        if (!Strict && simple) _code.MappedArguments = MappedParameterSlots(parameters);
                        _b.Emit(OpCode.CreateArguments, 1);
                        EmitInitialize(b);
                    }
                    break;
                default:
                    if (b.NeedsTdz && !b.TdzFree) { _b.Emit(OpCode.Hole, 1); EmitInitialize(b); }
                    break;
            }
        }
        if (_info.UsesArgumentsObject) _code.NeedsArgumentsArray = true;
        if (!simple) CompileParameters(parameters!);
    }

    /// <summary>
    /// The separate var environment of a function with parameter expressions (§10.2.11 step 28): a body var
    /// named like a parameter (or `arguments`) starts with that binding's value, other vars with undefined.
    /// </summary>
    private void EnterBodyScope(Scope bodyScope)
    {
        var parameterScope = _scope;
        EnterBlockScope(bodyScope);
        foreach (var b in bodyScope.Ordered)
        {
            if (b.Kind != BindingKind.Var || parameterScope.Find(b.Name) is not { Kind: BindingKind.Parameter or BindingKind.Arguments } p) continue;
            EmitLoadBindingOf(p);
            EmitInitialize(b);
        }
    }

    /// <summary>CreateMappedArgumentsObject (§10.4.4.7) steps 15-17: the last parameter of a name is the one mapped.</summary>
    private int[] MappedParameterSlots(List<Node>? parameters)
    {
        if (parameters is null) return [];
        var slots = new int[parameters.Count];
        var seen = new HashSet<string>();
        for (int i = parameters.Count - 1; i >= 0; i--)
        {
            string name = ((Identifier)parameters[i]).Name;
            var b = _scope.Find(name);
            slots[i] = seen.Add(name) && b is { Captured: true, Kind: BindingKind.Parameter } ? b.EnvSlot : -1;
        }
        return slots;
    }

    /// <summary>Compiling a non-simple parameter list: a direct eval here runs before the body's var scope exists (§10.2.11 step 20).</summary>
    private bool _inParameters;

    private void CompileParameters(List<Node> parameters)
    {
        _inParameters = true;
        CompileParameterList(parameters);
        _inParameters = false;
    }

    private void CompileParameterList(List<Node> parameters)
    {
        for (int i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            if (p is RestElement rest)
            {
                _code.NeedsArgumentsArray = true;
                _b.Emit(OpCode.CreateRest, 1, i);
                CompileBindingTarget(rest.Argument, initialize: true);
                continue;
            }
            _b.Emit(OpCode.LoadReg, 1, i);
            CompileBindingTarget(p, initialize: true);
        }
    }

    // ---- scopes ----

    /// <summary>Gives each binding of <paramref name="scope"/> a register or an environment slot.</summary>
    private void AllocateScope(Scope scope, bool skipAllocated = false)
    {
        int slots = 0;
        foreach (var b in scope.Ordered)
        {
            if (b.Kind == BindingKind.Import) continue; // reads the exporter's slot through the module's import cells
            if (b.Captured) b.EnvSlot = slots++;
            else if (skipAllocated && ReadFromFrame(b)) b.FromFrame = true; // a function scope: no register, which every call would clear for nothing
            else if (!(skipAllocated && b.Register >= 0)) b.Register = _b.AllocRegister();
        }
        scope.EnvSize = slots;
    }

    /// <summary>
    /// Uncaptured synthetic bindings of this function need no register and no prologue: loads read the frame
    /// (see EmitLoadBinding). A derived constructor's `this` stays a register: it is uninitialized until
    /// super() returns.
    /// </summary>
    private bool ReadFromFrame(Binding b) =>
        !b.Captured && ReferenceEquals(b.Scope.Function, _info)
        && b.Kind is BindingKind.This or BindingKind.NewTarget or BindingKind.HomeObject or BindingKind.Callee
        && !(b.Kind == BindingKind.This && _code.Kind == FunctionKind.DerivedConstructor);

    /// <summary>Enters a block-like scope: allocates its bindings, pushes an environment if needed, sets TDZ holes.</summary>
    private int EnterBlockScope(Scope scope)
    {
        int top = _b.RegisterTop;
        AllocateScope(scope);
        _scope = scope;
        if (scope.HasEnv)
        {
            _b.Emit(OpCode.PushEnv, 0, scope.EnvSize);
            _envCount++;
        }
        foreach (var b in scope.Ordered)
            if ((b.NeedsTdz && !b.TdzFree) || b.Kind == BindingKind.PrivateName) { _b.Emit(OpCode.Hole, 1); EmitInitialize(b); }
            else if (!b.Captured && b.Kind is BindingKind.Let or BindingKind.CatchParameter or BindingKind.Var)
            {
                // Registers are reused across scopes: a fresh binding must not see an old value.
                _b.Emit(OpCode.Undefined, 1);
                EmitInitialize(b);
            }
        return top;
    }

    private void ExitBlockScope(Scope scope, int registerTop)
    {
        if (scope.HasEnv)
        {
            _b.Emit(OpCode.PopEnv, 0);
            _envCount--;
        }
        _scope = scope.Parent!;
        _b.ReleaseTo(registerTop);
    }

    private Scope? ScopeOf(Node node) => _analysis.Scopes.TryGetValue(node, out var s) ? s : null;

    // ---- variable access ----

    /// <summary>Finds the binding for a name and how many run-time environments lie between here and it.</summary>
    private Binding? Lookup(string name, out int depth)
    {
        depth = 0;
        for (var s = _scope; s is not null; s = s.Parent)
        {
            var b = s.Find(name);
            if (b is not null) return b;
            if (s.HasEnv) depth++;
        }
        return null;
    }

    private void EmitLoad(string name, bool typeofGlobal = false)
    {
        var end = EmitWithLookups(name, OpCode.WithGet);
        var b = Lookup(name, out int depth);
        if (b is null)
            _b.Emit(typeofGlobal ? OpCode.LoadGlobalOrUndefined : OpCode.LoadGlobal, 1, _b.Name(name), _b.NewCache());
        else
            EmitLoadBinding(b, depth);
        if (end is not null) _b.Mark(end);
    }

    /// <summary>
    /// For a name used inside `with` bodies (nearer than its binding), tries each with-object first:
    /// WithGet leaves the property value and jumps to the returned label; WithSet stores and jumps.
    /// Returns null when no `with` is involved.
    /// </summary>
    private Label? EmitWithLookups(string name, OpCode op)
    {
        if (name.StartsWith('%') || name is "this" or "new.target") return null;
        Label? end = null;
        for (var s = _scope; s is not null; s = s.Parent)
        {
            if (s.Find(name) is not null && s.Kind != ScopeKind.With) break;
            // A with-object, or the vars a sloppy direct eval declared in this function (they may shadow outer names).
            var dynamicObject = s.Kind == ScopeKind.With ? s.Find("%with") : s.Find("%evalvars");
            if (dynamicObject is null) continue;
            end ??= new Label();
            EmitLoadBindingOf(dynamicObject);
            // Fall-through pops the object; the jump path leaves (WithGet) or consumes (WithSet) the
            // same depth the static path ends with, so the label's depth agrees either way.
            _b.EmitJump(op, end, -1, _b.Name(name));
        }
        return end;
    }

    /// <summary>
    /// Resolves an identifier reference once (§9.4.2 ResolveBinding) when a with-object or eval var object may
    /// hold it: the register gets that object, or undefined for the static binding. Read-modify-write and
    /// assignment then use the same base even if the object loses the property in between. Null: no dynamic
    /// scope is involved and plain loads/stores are exact.
    /// </summary>
    private int? EmitResolveReference(string name)
    {
        var end = EmitWithLookups(name, OpCode.WithResolve);
        if (end is null) return null;
        _b.Emit(OpCode.Undefined, 1);
        _b.Mark(end);
        int reg = _b.AllocRegister();
        _b.Emit(OpCode.StoreReg, -1, reg);
        return reg;
    }

    private void EmitLoadResolved(string name, int? reference)
    {
        if (reference is not int reg) { EmitLoad(name); return; }
        var objectPath = new Label();
        var done = new Label();
        _b.Emit(OpCode.LoadReg, 1, reg);
        _b.EmitJump(OpCode.JumpIfNotUndefined, objectPath, 0);
        _b.Emit(OpCode.Pop, -1);
        EmitLoadStatic(name);
        _b.EmitJump(OpCode.Jump, done, 0);
        _b.Mark(objectPath);
        _b.Emit(OpCode.WithRefGet, 0, _b.Name(name));
        _b.Mark(done);
    }

    /// <summary>Stores the value on the stack (consumed) through a reference from <see cref="EmitResolveReference"/>.</summary>
    private void EmitAssignResolved(string name, int? reference)
    {
        if (reference is not int reg) { EmitAssign(name); return; }
        var objectPath = new Label();
        var done = new Label();
        _b.Emit(OpCode.LoadReg, 1, reg);
        _b.EmitJump(OpCode.JumpIfNotUndefined, objectPath, 0);
        _b.Emit(OpCode.Pop, -1);
        EmitAssignStatic(name);
        _b.EmitJump(OpCode.Jump, done, 0);
        _b.Mark(objectPath);
        _b.Depth += 2; // [v obj] on this path
        _b.Emit(OpCode.WithRefSet, -2, _b.Name(name), Strict ? 1 : 0);
        _b.Mark(done);
    }

    private void EmitLoadStatic(string name)
    {
        var b = Lookup(name, out int depth);
        if (b is null) _b.Emit(OpCode.LoadGlobal, 1, _b.Name(name), _b.NewCache());
        else EmitLoadBinding(b, depth);
    }

    /// <summary>
    /// Source offset of the identifier reference being compiled (-1: unknown), set around a load or store
    /// so it can skip the TDZ check once the binding is known to be initialized there.
    /// </summary>
    private int _referenceAt = -1;

    private bool DefinitelyInitialized(Binding b) =>
        b.TdzFree || (!b.Captured && _referenceAt >= b.InitializedAt && ReferenceEquals(b.Scope.Function, _info));

    private void EmitLoadBinding(Binding b, int depth)
    {
        if (b.Kind == BindingKind.Import)
        {
            _b.Emit(OpCode.LoadImport, 1, b.ImportIndex, _b.Name(b.Name));
            return;
        }
        if (b.CopiedIntoClosures && !ReferenceEquals(b.Scope.Function, _info))
        {
            // A closure's copy of an enclosing function's binding that never changes once the closure exists.
            _b.Emit(OpCode.LoadCapture, 1);
            return;
        }
        if (b.FromFrame && ReferenceEquals(b.Scope.Function, _info))
        {
            _b.Emit(b.Kind switch
            {
                BindingKind.This => OpCode.LoadThisValue,
                BindingKind.NewTarget => OpCode.LoadNewTarget,
                BindingKind.HomeObject => OpCode.LoadHomeObject,
                _ => OpCode.LoadCallee,
            }, 1);
            return;
        }
        bool check = b.NeedsTdz && !DefinitelyInitialized(b);
        if (!b.Captured)
        {
            if (check) _b.Emit(OpCode.LoadRegChecked, 1, b.Register, _b.Name(b.Name == "this" ? "this" : b.Name));
            else _b.Emit(OpCode.LoadReg, 1, b.Register);
        }
        else if (check) _b.Emit(OpCode.LoadEnvChecked, 1, depth, b.EnvSlot, _b.Name(b.Name));
        else _b.Emit(OpCode.LoadEnv, 1, depth, b.EnvSlot);
    }

    /// <summary>Stores the value on the stack into a binding at its declaration (no TDZ or const checks).</summary>
    private void EmitInitialize(Binding b)
    {
        if (!b.Captured) _b.Emit(OpCode.StoreReg, -1, b.Register);
        else
        {
            int depth = 0;
            for (var s = _scope; s is not null && !ReferenceEquals(s, b.Scope); s = s.Parent)
                if (s.HasEnv) depth++;
            _b.Emit(OpCode.StoreEnv, -1, depth, b.EnvSlot);
        }
    }

    private void EmitInitialize(string name)
    {
        var b = Lookup(name, out _);
        if (b is null) _b.Emit(OpCode.InitGlobalLexical, -1, _b.Name(name));
        else EmitInitialize(b);
    }

    /// <summary>PutValue to an identifier reference (§6.2.5.6): TDZ, const and strict-mode rules apply.</summary>
    private void EmitAssign(string name)
    {
        var withEnd = EmitWithLookups(name, OpCode.WithSet);
        EmitAssignStatic(name);
        if (withEnd is not null) _b.Mark(withEnd);
    }

    private void EmitAssignStatic(string name)
    {
        var b = Lookup(name, out int depth);
        if (b is null)
        {
            _b.Emit(OpCode.StoreGlobal, -1, _b.Name(name), Strict ? 1 : 0, _b.NewCache());
            return;
        }
        if (b.Kind == BindingKind.FunctionSelf)
        {
            if (Strict) _b.Emit(OpCode.ThrowConstAssign, 0, _b.Name(name));
            _b.Emit(OpCode.Pop, -1);
            return;
        }
        if (b.IsImmutable)
        {
            // Reading first gives the TDZ ReferenceError precedence over the TypeError.
            EmitLoadBinding(b, depth);
            _b.Emit(OpCode.Pop, -1);
            _b.Emit(OpCode.ThrowConstAssign, 0, _b.Name(name));
            _b.Emit(OpCode.Pop, -1);
            return;
        }
        if (!b.Captured)
        {
            if (b.NeedsTdz && !DefinitelyInitialized(b)) _b.Emit(OpCode.StoreRegChecked, -1, b.Register, _b.Name(name));
            else _b.Emit(OpCode.StoreReg, -1, b.Register);
        }
        else if (b.NeedsTdz) _b.Emit(OpCode.StoreEnvChecked, -1, depth, b.EnvSlot, _b.Name(name));
        else _b.Emit(OpCode.StoreEnv, -1, depth, b.EnvSlot);
    }

    // ---- functions ----

    /// <summary>InstantiateFunctionObject for hoisted declarations of a statement list (§10.2.11 step 36, §14.2.3 BlockDeclarationInstantiation).</summary>
    private void EmitHoistedFunctions(List<Statement> statements)
    {
        foreach (var s in statements)
            if (Unlabeled(s) is FunctionDeclaration { Id: { } id } f)
            {
                EmitClosure(f);
                EmitInitialize(id.Name);
            }
    }

    /// <summary>[] → [closure]; <paramref name="sourceStart"/>: see <see cref="CompileFunction"/>.</summary>
    private void EmitClosure(IFunction f, string? name = null, FunctionKind? kind = null, int sourceStart = -1)
    {
        var node = (Node)f;
        var k = kind ?? (node.Kind == NodeKind.ArrowFunctionExpression ? FunctionKind.Arrow : FunctionKind.Normal);
        var code = CompileFunction(f, node, k, name ?? f.Id?.Name ?? "", sourceStart);
        if (_analysis.Functions[node].CopiedCapture is { } copied)
        {
            // The closure carries the binding's current value, from this function's register: the binding is
            // initialized here (a parameter, or a let/const declared before this expression; ScopeAnalyzer.CaptureCopies).
            _b.Emit(OpCode.ClosureCapture, 1, _b.AddFunction(code), copied.Register);
        }
        else _b.Emit(OpCode.Closure, 1, _b.AddFunction(code));
    }

    /// <summary>Return with the value on the stack, running enclosing finally blocks first.</summary>
    private void EmitReturn()
    {
        if (HasFinallyRegions())
        {
            _b.Emit(OpCode.StoreReg, -1, _returnRegister);
            // The finally blocks pop environments; `this` is then read through the one the return started in.
            int top = _b.RegisterTop;
            int envReg = -1;
            if (_code.Kind == FunctionKind.DerivedConstructor)
            {
                envReg = _b.AllocRegister();
                _b.Emit(OpCode.SaveEnv, 0, envReg);
            }
            EmitExitSequence(0, targetEnvCount: -1);
            _b.Emit(OpCode.LoadReg, 1, _returnRegister);
            if (envReg >= 0) _b.Emit(OpCode.RestoreEnv, 0, envReg);
            EmitDerivedConstructorResult();
            _b.ReleaseTo(top);
            _b.Emit(OpCode.Return, -1);
            ResumeRegions(0);
            return;
        }
        EmitDerivedConstructorResult();
        _b.Emit(OpCode.Return, -1);
    }

    /// <summary>
    /// [[Construct]] of a derived class (§10.2.2 steps 10-12): undefined means "return this", which super() must have
    /// initialized by then. After the finally blocks and iterator closes on the way out, which may call super().
    /// </summary>
    private void EmitDerivedConstructorResult()
    {
        if (_code.Kind != FunctionKind.DerivedConstructor) return;
        var keep = new Label();
        _b.EmitJump(OpCode.JumpIfNotUndefined, keep, 0);
        _b.Emit(OpCode.Pop, -1);
        EmitLoad("this");
        _b.Mark(keep);
    }

    /// <summary>Holds a return value while finally blocks run; reserved at function entry.</summary>
    private int _returnRegister = -1;
}
