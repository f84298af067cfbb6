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
    public readonly List<LabelInfo> Labels = new();
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
    public readonly Dictionary<string, DeclKind> Lexical = new();
    /// <summary>Var names declared here or hoisted through this scope.</summary>
    public readonly HashSet<string> Vars = new();
    /// <summary>Names of simple and non-simple parameters (function scopes only).</summary>
    public HashSet<string>? Params;
    /// <summary>Var names hoisted through this scope by a `for (var ... of ...)` (not allowed over catch params).</summary>
    public HashSet<string>? ForOfVars;

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
