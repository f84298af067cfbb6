using DualEngine.Syntax.Ast;

namespace DualEngine.Syntax.Parsing;

internal enum FnKind : byte { Program, Function, Arrow, Method, ClassConstructor, DerivedConstructor, FieldInit, StaticBlock }

/// <summary>
/// Per-function parsing state: which contextual keywords are active ([Yield], [Await] grammar
/// parameters), what `return`/`super`/`new.target` are allowed, labels, and usage flags.
/// </summary>
internal sealed class FnCtx
{
    public FnCtx(FnCtx? parent, FnKind kind)
    {
        Parent = parent;
        Kind = kind;
        Strict = parent?.Strict ?? false;
    }

    public readonly FnCtx? Parent;
    public readonly FnKind Kind;
    public bool Strict;
    public bool Async;
    public bool Generator;
    public bool AllowReturn;
    /// <summary>Parsing the formal parameters: yield/await expressions are early errors (§15.5.1, §15.8.1).</summary>
    public bool InParams;
    public FunctionFlags Flags;
    private List<LabelInfo>? _labels;
    public List<LabelInfo> Labels => _labels ??= new List<LabelInfo>();
    public bool HasLabels => _labels is { Count: > 0 };
    public int LoopDepth;
    public int BreakableDepth;

    public bool IsArrow => Kind == FnKind.Arrow;
}

internal sealed class LabelInfo
{
    public string Name = "";
    /// <summary>Offset of the statement the label applies to; loops starting there make it continuable.</summary>
    public int BodyStart;
    public bool IsLoop;
}


internal enum DeclKind : byte
{
    /// <summary>let, const, class, import bindings, block-level function in strict mode or module.</summary>
    Lexical,
    /// <summary>Plain function declaration in a sloppy block: Annex B.3.2.4 allows duplicates of these.</summary>
    SloppyBlockFunction,
    /// <summary>A simple catch parameter: `var e` may redeclare it (Annex B.3.4).</summary>
    SimpleCatchParam,
    /// <summary>A destructured catch parameter.</summary>
    CatchParam,
}

/// <summary>Declarative scope used only for early errors about conflicting declarations (§8.2, §14.2.1.1).</summary>
internal sealed class Scope
{
    public Scope(Scope? parent, ScopeKind kind)
    {
        Parent = parent;
        Kind = kind;
    }

    public readonly Scope? Parent;
    public readonly ScopeKind Kind;
    // Lexical declarations and var names declared here or hoisted through this scope. Created
    // lazily: most blocks declare nothing, and parse speed is dominated by allocation.
    private Dictionary<string, DeclKind>? _lexical;
    private HashSet<string>? _vars;

    public bool TryGetLexical(string name, out DeclKind kind)
    {
        if (_lexical == null) { kind = default; return false; }
        return _lexical.TryGetValue(name, out kind);
    }

    public bool HasLexical(string name) => _lexical != null && _lexical.ContainsKey(name);
    public void SetLexical(string name, DeclKind kind) => (_lexical ??= new())[name] = kind;
    public bool HasVar(string name) => _vars != null && _vars.Contains(name);
    public void AddVar(string name) => (_vars ??= new()).Add(name);

    public HashSet<string> AllNames()
    {
        var all = _vars != null ? new HashSet<string>(_vars) : new HashSet<string>();
        if (_lexical != null) all.UnionWith(_lexical.Keys);
        return all;
    }
    /// <summary>Names of simple and non-simple parameters (function scopes only).</summary>
    public HashSet<string>? Params;

    /// <summary>The case block of a switch: `using` declarations may not appear directly in case clauses.</summary>
    public bool IsSwitch;

    public bool IsVarScope => Kind is ScopeKind.Script or ScopeKind.Module or ScopeKind.Function or ScopeKind.StaticBlock;

    /// <summary>Names declared in this scope itself, for <see cref="ScopeInfo"/>.</summary>
    public Dictionary<string, BindingKind>? Decls;

    /// <summary>Var scopes: sloppy block functions that may also be var-bound here (Annex B.3.3).</summary>
    public List<(string Name, Scope Block)>? AnnexBCandidates;

    public void Record(string name, BindingKind kind)
    {
        Decls ??= new Dictionary<string, BindingKind>();
        // Parameters and functions keep their kind when a var re-declares the same name.
        if (kind == BindingKind.Var && Decls.ContainsKey(name)) return;
        Decls[name] = kind;
    }

    public Scope VarScope
    {
        get
        {
            var s = this;
            while (!s.IsVarScope && s.Parent != null) s = s.Parent;
            return s;
        }
    }
}
