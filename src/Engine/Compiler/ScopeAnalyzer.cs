using DualEngine.Syntax.Ast;

namespace DualEngine.Engine.Compiler;

/// <summary>The result of scope analysis: the scope created by each scoping node, and per-function facts.</summary>
internal sealed class ScopeAnalysis
{
    public readonly Dictionary<Node, Scope> Scopes = new(ReferenceEqualityComparer.Instance);
    public readonly Dictionary<Node, FunctionInfo> Functions = new(ReferenceEqualityComparer.Instance);
    /// <summary>Synthetic functions for class elements: instance field initializers and static elements, keyed by ClassBody.</summary>
    public readonly Dictionary<Node, (FunctionInfo Instance, FunctionInfo Static)> ClassInits = new(ReferenceEqualityComparer.Instance);
    /// <summary>
    /// Block-level function declarations of sloppy code that also assign a var when evaluated (Annex B.3.2): the var
    /// binding of the enclosing function, or null for a global var of a script.
    /// </summary>
    public readonly Dictionary<Node, Binding?> BlockFunctionVars = new(ReferenceEqualityComparer.Instance);
    /// <summary>The block each function declaration that is an if clause is compiled in (B.3.4).</summary>
    public readonly Dictionary<Node, BlockStatement> ClauseBlocks = new(ReferenceEqualityComparer.Instance);
    /// <summary>
    /// for(let ...;;) statements whose init can create closures (a function, class or direct eval in it): those keep the
    /// init's environment, so the loop copies it once before the first test (§14.7.4.2 step 2, CreatePerIterationEnvironment).
    /// </summary>
    public readonly HashSet<Node> ForInitClosures = new(ReferenceEqualityComparer.Instance);
    /// <summary>A script's program (null for eval and module code): its top-level declarations are global bindings.</summary>
    public Syntax.Ast.Program? Script;
    private HashSet<string>? _scriptGlobals;

    /// <summary>The names a script declares at its top level (§16.1.7): global bindings from before it runs, never deleted.</summary>
    public HashSet<string> ScriptGlobals
    {
        get
        {
            if (_scriptGlobals is not null) return _scriptGlobals;
            _scriptGlobals = new HashSet<string>();
            if (Script is not null)
            {
                var (vars, _, lexicals, blockFunctions) = ScopeAnalyzer.CollectGlobalDeclarations(Script);
                _scriptGlobals.UnionWith(vars);
                foreach (var (name, _) in lexicals) _scriptGlobals.Add(name);
                _scriptGlobals.UnionWith(blockFunctions);
            }
            return _scriptGlobals;
        }
    }
}

/// <summary>
/// Resolves every identifier at compile time (the static semantics of §9.1 environments): declares
/// bindings with their hoisting rules, then marks those referenced from a nested function as captured,
/// so the compiler can keep everything else in frame registers. Names not found in any function scope
/// are global (object properties or top-level let/const), looked up by name at run time.
/// </summary>
internal sealed partial class ScopeAnalyzer
{
    private readonly ScopeAnalysis _result = new();
    private Scope _scope = null!;
    private FunctionInfo _fn = null!;

    public static ScopeAnalysis Analyze(Syntax.Ast.Program program)
    {
        var analyzer = new ScopeAnalyzer();
        analyzer._result.Script = program;
        analyzer.VisitProgram(program);
        analyzer.CaptureForEval();
        analyzer.CopyImmutableCaptures();
        return analyzer._result;
    }

    private void VisitProgram(Syntax.Ast.Program program)
    {
        _fn = new FunctionInfo(program, null, false) { Strict = program.Strict };
        _scope = new Scope(ScopeKind.Script, null, _fn);
        _fn.Scope = _scope;
        _result.Scopes[program] = _scope;
        _result.Functions[program] = _fn;
        _scope.Declare("this", BindingKind.This);
        // Top-level var/function/let/const are global bindings (§16.1.7), resolved by name at run time.
        if (!program.Strict) DeclareBlockFunctionVars(program.Body, null, []);
        foreach (var s in program.Body) VisitStatement(s);
    }

    // ---- functions ----

    private void VisitFunction(IFunction f, Node node, bool isMethodLike = false)
    {
        Throw.IfStackLow();
        bool arrow = node.Kind == NodeKind.ArrowFunctionExpression;
        var info = new FunctionInfo(node, _fn, arrow) { Strict = (f.Flags & FunctionFlags.Strict) != 0, IsMethod = isMethodLike };
        var scope = new Scope(ScopeKind.Function, _scope, info);
        info.Scope = scope;
        _result.Scopes[node] = scope;
        _result.Functions[node] = info;
        var (savedScope, savedFn) = (_scope, _fn);
        _scope = scope;
        _fn = info;

        if (!arrow) DeclareFunctionSpecials(scope);
        foreach (var p in f.Params) DeclarePattern(p, BindingKind.Parameter);
        if (!f.Params.TrueForAll(p => p is Identifier))
            foreach (var b in scope.Ordered)
                if (b.Kind == BindingKind.Parameter) b.ParameterTdz = true;
        bool simpleParameters = f.Params.TrueForAll(p => p is Identifier);
        // With parameter expressions the body's declarations get their own environment (§10.2.11 steps 27-28),
        // so closures in parameter initializers cannot see body vars.
        Scope? bodyScope = null;
        if (f.Body is BlockStatement body)
        {
            if (!simpleParameters)
            {
                bodyScope = new Scope(ScopeKind.Block, scope, info);
                _result.Scopes[body] = bodyScope;
            }
            HoistVars(body.Body, bodyScope ?? scope);
            DeclareLexical(body.Body, bodyScope ?? scope);
            if (!info.Strict)
                DeclareBlockFunctionVars(body.Body, bodyScope ?? scope, f.Params.SelectMany(BoundIdentifiers).Select(id => id.Name).ToList());
        }
        // Eval code may read `arguments` (§19.2.1.1), so a function that (transitively) contains an eval keeps one.
        if (!arrow && (f.Flags & (FunctionFlags.UsesArguments | FunctionFlags.UsesEval)) != 0)
        {
            // A `var arguments` does not stop the arguments object (§10.2.11 steps 15-18 and 27: only a parameter, a
            // function declaration or a lexical declaration of that name does); the var starts as the object.
            if (scope.Find("arguments") is null) scope.Declare("arguments", BindingKind.Arguments);
            else if (scope.Find("arguments") is { Kind: BindingKind.Var } declaredVar) declaredVar.Kind = BindingKind.Arguments;
        }
        // `var arguments` in a body with its own var environment starts as the arguments object (§10.2.11 step 28.f).
        if (bodyScope?.Find("arguments") is { Kind: BindingKind.Var } && scope.Find("arguments") is { Kind: BindingKind.Arguments })
            info.UsesArgumentsObject = true;
        if (node is FunctionExpression { Id: { } selfName } && scope.Find(selfName.Name) is null)
            scope.Declare(selfName.Name, BindingKind.FunctionSelf);

        foreach (var p in f.Params) VisitPattern(p);
        if (f.Body is BlockStatement block)
        {
            if (bodyScope is not null) _scope = bodyScope;
            foreach (var s in block.Body) VisitStatement(s);
            _scope = scope;
        }
        else
            VisitExpression((Expression)f.Body);
        // A mapped arguments object aliases the parameters (§10.4.4), so they must live in the environment.
        if (!arrow && !info.Strict && info.UsesArgumentsObject && simpleParameters)
            foreach (var b in scope.Ordered)
                if (b.Kind == BindingKind.Parameter) b.Captured = true;

        (_scope, _fn) = (savedScope, savedFn);
    }

    private static void DeclareFunctionSpecials(Scope scope)
    {
        scope.Declare("this", BindingKind.This);
        scope.Declare("new.target", BindingKind.NewTarget);
        scope.Declare("%home", BindingKind.HomeObject);
        scope.Declare("%callee", BindingKind.Callee);
    }

    // ---- declarations ----

    /// <summary>VarDeclaredNames (§8.2.6) of a statement list, not entering nested functions.</summary>
    private static void HoistVars(List<Statement> statements, Scope scope)
    {
        foreach (var s in statements) HoistVars(s, scope);
    }

    private static void HoistVars(Node? node, Scope scope)
    {
        switch (node)
        {
            case null: return;
            case VariableDeclaration { DeclarationKind: VariableKind.Var } v:
                foreach (var d in v.Declarations) DeclarePatternIn(d.Id, BindingKind.Var, scope);
                return;
            case BlockStatement b: HoistVars(b.Body, scope); return;
            case IfStatement i: HoistVars(i.Consequent, scope); HoistVars(i.Alternate, scope); return;
            case WhileStatement w: HoistVars(w.Body, scope); return;
            case DoWhileStatement dw: HoistVars(dw.Body, scope); return;
            case ForStatement f: HoistVars(f.Init, scope); HoistVars(f.Body, scope); return;
            case ForInStatement fi: HoistVars(fi.Left, scope); HoistVars(fi.Body, scope); return;
            case ForOfStatement fo: HoistVars(fo.Left, scope); HoistVars(fo.Body, scope); return;
            case LabeledStatement l: HoistVars(l.Body, scope); return;
            case TryStatement t:
                HoistVars(t.Block, scope);
                if (t.Handler is not null) HoistVars(t.Handler.Body, scope);
                HoistVars(t.Finalizer, scope);
                return;
            case SwitchStatement sw:
                foreach (var c in sw.Cases) HoistVars(c.Consequent, scope);
                return;
            case WithStatement with: HoistVars(with.Body, scope); return;
        }
    }

    /// <summary>LexicallyScopedDeclarations (§8.2.4) of a statement list: let, const, class and (block-level) functions.</summary>
    /// <param name="inOrder">False for a switch's case block: a case label can jump past a declaration.</param>
    private static void DeclareLexical(List<Statement> statements, Scope scope, bool inOrder = true)
    {
        foreach (var s in statements)
        {
            var decl = s is LabeledStatement l ? Unlabel(l) : s;
            switch (decl)
            {
                case VariableDeclaration { DeclarationKind: not VariableKind.Var } v:
                    var kind = v.DeclarationKind == VariableKind.Const ? BindingKind.Const : BindingKind.Let;
                    foreach (var d in v.Declarations)
                    {
                        DeclarePatternIn(d.Id, kind, scope);
                        if (inOrder) MarkInitializedAt(d.Id, scope, d.End);
                    }
                    break;
                case ClassDeclaration { Id: { } id }:
                    scope.Declare(id.Name, BindingKind.Class);
                    break;
                case FunctionDeclaration { Id: { } fid }:
                    scope.Declare(fid.Name, BindingKind.Function);
                    break;
            }
        }
    }

    /// <summary>Sets <see cref="Binding.InitializedAt"/> of the let/const names a pattern (or each declarator) binds in <paramref name="scope"/>.</summary>
    private static void MarkInitializedAt(Node pattern, Scope scope, int end)
    {
        if (pattern is VariableDeclaration v)
        {
            foreach (var d in v.Declarations) MarkInitializedAt(d.Id, scope, d.End);
            return;
        }
        foreach (var id in BoundIdentifiers(pattern))
            if (scope.Bindings.TryGetValue(id.Name, out var b) && b.Kind is BindingKind.Let or BindingKind.Const) b.InitializedAt = end;
    }

    private static Statement Unlabel(LabeledStatement l) => l.Body is LabeledStatement inner ? Unlabel(inner) : l.Body;

    private void DeclarePattern(Node pattern, BindingKind kind) => DeclarePatternIn(pattern, kind, _scope);

    /// <summary>Declares BoundNames (§8.2.1) of a binding pattern.</summary>
    public static void DeclarePatternIn(Node pattern, BindingKind kind, Scope scope)
    {
        foreach (var id in BoundIdentifiers(pattern)) scope.Declare(id.Name, kind);
    }

    /// <summary>BoundNames (§8.2.1): the identifiers a binding pattern or variable declaration binds, in source order.</summary>
    private static IEnumerable<Identifier> BoundIdentifiers(Node pattern)
    {
        switch (pattern)
        {
            case Identifier id:
                yield return id;
                break;
            case AssignmentPattern ap:
                foreach (var x in BoundIdentifiers(ap.Left)) yield return x;
                break;
            case RestElement r:
                foreach (var x in BoundIdentifiers(r.Argument)) yield return x;
                break;
            case ArrayPattern arr:
                foreach (var e in arr.Elements)
                    if (e is not null)
                        foreach (var x in BoundIdentifiers(e)) yield return x;
                break;
            case ObjectPattern obj:
                foreach (var p in obj.Properties)
                    foreach (var x in BoundIdentifiers(p is Property prop ? prop.Value : p)) yield return x;
                break;
            case VariableDeclaration v:
                foreach (var d in v.Declarations)
                    foreach (var x in BoundIdentifiers(d.Id)) yield return x;
                break;
        }
    }

    // ---- references ----

    /// <summary>Set while visiting the binding identifiers of a let/const declaration (not references).</summary>
    private bool _declaring;

    /// <summary>Set while visiting the targets of an assignment, update, for-in/of head or `var` declarator.</summary>
    private bool _writing;

    /// <summary>Every binding referenced from a function other than its own, in first-reference order.</summary>
    private readonly List<Binding> _capturedBindings = new();

    /// <param name="at">Source offset of the reference (-1: a declaration site or not a source reference).</param>
    private void Resolve(string name, int at = -1)
    {
        for (var s = _scope; s is not null; s = s.Parent)
        {
            var b = s.Find(name);
            if (b is null) continue;
            if (!ReferenceEquals(b.Scope.Function, _fn))
            {
                b.Captured = true;
                if (b.ReferencedFrom is null)
                {
                    b.ReferencedFrom = new List<FunctionInfo>(1);
                    _capturedBindings.Add(b);
                }
                if (!b.ReferencedFrom.Contains(_fn)) b.ReferencedFrom.Add(_fn);
            }
            if (_writing) b.Assigned = true;
            if (at >= 0 && at < b.InitializedAt) b.ReadBeforeInitialized = true;
            if (b.Kind == BindingKind.Arguments) b.Scope.Function.UsesArgumentsObject = true;
            return;
        }
    }

    /// <summary>Scopes that contain a direct eval call: eval code may name any binding visible there.</summary>
    private readonly List<Scope> _evalScopes = new();

    /// <summary>
    /// A direct eval candidate `eval(...)` (§13.3.6.1): every binding visible here must live in an environment so
    /// the eval code, compiled later against this scope chain, can reach it; sloppy eval code declares its vars
    /// in the var scope's `%evalvars` object (global vars need nothing: globals are looked up by name).
    /// </summary>
    private void MarkDirectEval()
    {
        _evalScopes.Add(_scope);
        if (_fn.Strict) return;
        for (var s = _scope; s is not null; s = s.Parent)
        {
            if (!s.IsVarScope) continue;
            if (s.Kind == ScopeKind.Function) s.Declare("%evalvars", BindingKind.EvalVars);
            return;
        }
    }

    /// <summary>Called when analysis is done: bindings visible to direct eval code move into environments.</summary>
    private void CaptureForEval()
    {
        foreach (var scope in _evalScopes)
            for (var s = scope; s is not null; s = s.Parent)
                foreach (var b in s.Ordered)
                {
                    if (b.Kind == BindingKind.Import) continue;
                    b.Captured = true;
                    b.EvalVisible = true;
                    if (b.Kind == BindingKind.Arguments) s.Function.UsesArgumentsObject = true;
                }
    }

    private Scope PushScope(Node key, ScopeKind kind)
    {
        var scope = new Scope(kind, _scope, _fn);
        _result.Scopes[key] = scope;
        _scope = scope;
        return scope;
    }

    private void PopScope() => _scope = _scope.Parent!;
}

internal sealed partial class ScopeAnalyzer
{
    /// <summary>
    /// VarDeclaredNames (with top-level functions) and LexicallyDeclaredNames of a script (§16.1.7 steps 1-2), and which of
    /// the var names are top-level functions (functionsToInitialize, step 8).
    /// </summary>
    public static (List<string> Vars, HashSet<string> Functions, List<(string Name, bool IsConst)> Lexicals, List<string> BlockFunctions) CollectGlobalDeclarations(Syntax.Ast.Program program)
    {
        var info = new FunctionInfo(program, null, false);
        var varScope = new Scope(ScopeKind.Script, null, info);
        HoistVars(program.Body, varScope);
        var functions = new HashSet<string>();
        foreach (var s in program.Body)
            if (Unlabel(s) is FunctionDeclaration { Id: { } id })
            {
                varScope.Declare(id.Name, BindingKind.Function);
                functions.Add(id.Name);
            }
        var lexScope = new Scope(ScopeKind.Block, null, info);
        foreach (var s in program.Body)
        {
            if (s is VariableDeclaration { DeclarationKind: not VariableKind.Var } v)
                foreach (var d in v.Declarations)
                    DeclarePatternIn(d.Id, v.DeclarationKind == VariableKind.Const ? BindingKind.Const : BindingKind.Let, lexScope);
            else if (s is ClassDeclaration { Id: { } cid })
                lexScope.Declare(cid.Name, BindingKind.Class);
        }
        var vars = varScope.Ordered.ConvertAll(b => b.Name);
        var lexicals = lexScope.Ordered.ConvertAll(b => (b.Name, b.Kind == BindingKind.Const));
        // Annex B.3.2.2: block-level functions of a sloppy script that also get a global var.
        var blockFunctions = program.Strict ? [] : HoistableBlockFunctions(program.Body, []).Select(f => f.Id!.Name).Distinct().ToList();
        return (vars, functions, lexicals, blockFunctions);
    }

    private static Statement Unlabel(Statement s) => s is LabeledStatement l ? Unlabel(l.Body) : s;
}
