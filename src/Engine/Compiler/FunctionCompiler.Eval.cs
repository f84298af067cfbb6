using DualEngine.Syntax.Ast;

namespace DualEngine.Engine.Compiler;

/// <summary>A direct eval call site (§19.2.1.1): the static scope chain eval code is compiled against.</summary>
internal sealed class EvalSite(Scope scope, FunctionInfo function, bool strict, Modules.ModuleRecord? module, string referrer)
{
    /// <summary>The script or module of the caller, which import() in the eval code resolves against.</summary>
    public string Referrer { get; } = referrer;
    public Scope Scope { get; } = scope;
    public FunctionInfo Function { get; } = function;
    public bool Strict { get; } = strict;
    public Modules.ModuleRecord? Module { get; } = module;
    /// <summary>In a parameter initializer: eval code may not declare a var named like a parameter or `arguments` (§10.2.11 step 20).</summary>
    public bool InParameters { get; init; }

    /// <summary>What the parser must allow in the eval code (§19.2.1.1 steps 5-8: new.target, super, private names).</summary>
    public Syntax.EvalContext ParserContext()
    {
        var tf = Function.ThisFunction;
        var privateNames = new List<string>();
        for (var s = Scope; s is not null; s = s.Parent)
            if (s.Kind == ScopeKind.Class)
                foreach (var b in s.Ordered)
                    if (b.Kind == BindingKind.PrivateName) privateNames.Add(b.Name[1..]);
        return new Syntax.EvalContext
        {
            InFunction = tf.Node is not Syntax.Ast.Program,
            InMethod = tf.IsMethod,
            InDerivedConstructor = tf.IsDerivedConstructor,
            InClassFieldInitializer = tf.IsFieldInitializer,
            PrivateNames = privateNames,
        };
    }
}

/// <summary>Eval code (§19.2.1): compiled at run time against the caller's scopes (direct) or the global scope (indirect).</summary>
internal sealed partial class FunctionCompiler
{
    public static FunctionCode CompileEval(Syntax.Ast.Program program, EvalSite? site, string source)
    {
        var analysis = ScopeAnalyzer.AnalyzeEval(program, site?.Scope, site?.Function);
        var info = analysis.Functions[program];
        var code = new FunctionCode
        {
            Name = "", FileName = "<eval>", Kind = FunctionKind.Script, Strict = program.Strict,
            Source = source, SourceStart = 0, SourceEnd = source.Length, Module = site?.Module, Referrer = site?.Referrer,
        };
        new FunctionCompiler(analysis, info, info.Scope, code, source) { _evalSite = site }.CompileEvalBody(program);
        return code;
    }

    private EvalSite? _evalSite;

    private void CompileEvalBody(Syntax.Ast.Program program)
    {
        EnterFunctionScope(parameters: null);
        if (Strict) EmitHoistedFunctions(program.Body);
        else EmitSloppyEvalDeclarations(program);
        _completionRegister = _b.AllocRegister();
        _b.Emit(OpCode.Undefined, 1);
        _b.Emit(OpCode.StoreReg, -1, _completionRegister);
        foreach (var s in program.Body) CompileStatement(s);
        _b.Emit(OpCode.LoadReg, 1, _completionRegister);
        _b.Emit(OpCode.Return, -1);
        _b.Finish(_code);
    }

    /// <summary>
    /// EvalDeclarationInstantiation (§19.2.1.3) for sloppy eval code: its vars and functions belong to the caller's
    /// var scope. A name the var scope declares statically is simply assigned; other names are created at run time on
    /// the function's `%evalvars` object or as configurable global properties. A conflicting lexical declaration
    /// between the eval and its var scope is a SyntaxError.
    /// </summary>
    private void EmitSloppyEvalDeclarations(Syntax.Ast.Program program)
    {
        var names = ScopeAnalyzer.EvalVarNames(program);
        Scope? varScope = null;
        for (var s = _scope.Parent; s is not null; s = s.Parent)
            if (s.IsVarScope) { varScope = s; break; }
        var dynamic = new List<string>();
        foreach (var name in names)
        {
            // The arguments object is bound with the parameters, whatever the body declares (§10.2.11 steps 15-22).
            if (_evalSite is { InParameters: true } && name == "arguments" && varScope is { Kind: ScopeKind.Function } && !varScope.Function.IsArrow)
                Throw.SyntaxError("Identifier 'arguments' has already been declared");
            bool isStatic = false;
            for (var s = _scope.Parent; s is not null; s = s.Parent)
            {
                var b = s.Find(name);
                if (b is not null)
                {
                    if (b.IsLexical || (b.Kind == BindingKind.Function && !s.IsVarScope) || (b.Kind == BindingKind.CatchParameter && !IsSimpleCatchParameter(s)))
                        Throw.SyntaxError($"Identifier '{name}' has already been declared");
                    // Parameters and `arguments` live in their own environment while parameter initializers run.
                    if (_evalSite is { InParameters: true } && ReferenceEquals(s, varScope) && b.Kind is BindingKind.Parameter or BindingKind.Arguments)
                        Throw.SyntaxError($"Identifier '{name}' has already been declared");
                    if (ReferenceEquals(s, varScope) || b.Kind is BindingKind.Var or BindingKind.Parameter) { isStatic = s.Kind != ScopeKind.Script; break; }
                }
                if (ReferenceEquals(s, varScope)) break;
            }
            if (!isStatic) dynamic.Add(name);
        }
        var holder = varScope is { Kind: ScopeKind.Function } ? varScope.Find("%evalvars") : null;
        var functions = new HashSet<string>();
        foreach (var s in program.Body)
            if (Unlabeled(s) is FunctionDeclaration { Id: { } fid }) functions.Add(fid.Name);
        // Checks first (steps 3, 8.a.iv, 10), then declarations, so a failing eval declares nothing.
        for (int pass = 0; pass < 2; pass++)
            foreach (var name in dynamic)
            {
                if (holder is not null) EmitLoadBindingOf(holder);
                else _b.Emit(OpCode.Undefined, 1);
                _b.Emit(OpCode.DeclareEvalVar, -1, _b.Name(name), functions.Contains(name) ? (pass == 0 ? 2 : 4) : (pass == 0 ? 0 : 1));
            }
        DeclareEvalBlockFunctionVars(program, varScope, holder);
        // Functions are instantiated before the code runs (step 17); the last declaration of a name wins.
        var seen = new HashSet<string>();
        for (int i = program.Body.Count - 1; i >= 0; i--)
        {
            if (Unlabeled(program.Body[i]) is not FunctionDeclaration { Id: { } id } f || !seen.Add(id.Name)) continue;
            EmitClosure(f);
            EmitAssign(id.Name);
        }
    }

    /// <summary>
    /// B.3.2.3: a block-level function of sloppy eval code also gets a var in the caller's var scope, unless a `var` would
    /// be an early error in the eval code or some scope between the eval and the var scope binds the name (then it stays
    /// block-scoped, without an error). The var is the var scope's own binding when it has one, else a property of its
    /// `%evalvars` object, or a configurable global; its evaluation assigns it (see EmitBlockFunctionVar).
    /// </summary>
    private void DeclareEvalBlockFunctionVars(Syntax.Ast.Program program, Scope? varScope, Binding? holder)
    {
        if (_evalSite is { InParameters: true }) return;
        foreach (var f in ScopeAnalyzer.HoistableBlockFunctions(program.Body, []))
        {
            string name = f.Id!.Name;
            bool bound = false;
            for (var s = _scope.Parent; s is not null; s = s.Parent)
            {
                // A sloppy function's top-level lexicals are in an environment of their own above its var environment.
                if (ReferenceEquals(s, varScope)) { bound = s.Find(name) is { IsLexical: true }; break; }
                if (s.Kind != ScopeKind.With && s.Find(name) is not null) { bound = true; break; }
            }
            if (bound) continue;
            Binding? target = null;
            if (varScope is { Kind: ScopeKind.Function })
            {
                target = varScope.Find(name) ?? holder;
                if (target is null) continue;
            }
            if (target is null || ReferenceEquals(target, holder))
            {
                if (target is not null) EmitLoadBindingOf(target);
                else _b.Emit(OpCode.Undefined, 1);
                _b.Emit(OpCode.DeclareEvalVar, -1, _b.Name(name), target is null ? 3 : 1);
            }
            _analysis.BlockFunctionVars[f] = target;
        }
    }

    private static bool IsSimpleCatchParameter(Scope s) => s.Ordered.Count(b => b.Kind == BindingKind.CatchParameter) == 1;
}
