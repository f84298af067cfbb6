using DualEngine.Syntax.Ast;

namespace DualEngine.Engine.Compiler;

internal enum BindingKind : byte
{
    Var, Let, Const, Function, Parameter, Class, CatchParameter,
    /// <summary>Synthetic bindings: `this`, `arguments`, `new.target`, the home object and the running function,
    /// kept as variables so arrow functions can capture them like any other name (§15.3 arrows have none of their own).</summary>
    This, Arguments, NewTarget, HomeObject, Callee,
    /// <summary>The name of a named function expression inside itself (§15.2.5): immutable, silently in sloppy mode.</summary>
    FunctionSelf,
    /// <summary>A private name `#x` of a class (§6.2.12), holding its Private Name at run time.</summary>
    PrivateName,
    /// <summary>An import binding of a module (§16.2.1.6.4 step 7.d): an indirection to the exporter's slot, immutable.</summary>
    Import,
    /// <summary>
    /// `%evalvars`: in a sloppy function containing a direct eval, the object that holds the vars and functions
    /// eval code declares at run time (§19.2.1.3 step 16-17). Free names of the function are looked up on it
    /// first, like a `with` object, since an eval may shadow them.
    /// </summary>
    EvalVars,
}

/// <summary>A resolved name: which scope declares it and where it lives at run time.</summary>
internal sealed class Binding(string name, BindingKind kind, Scope scope)
{
    public string Name { get; } = name;
    public BindingKind Kind { get; set; } = kind;
    public Scope Scope { get; } = scope;
    /// <summary>Referenced from a nested function: lives in an environment slot instead of a register.</summary>
    public bool Captured;
    /// <summary>
    /// Referenced from nested functions that each hold a copy of its value instead of reaching it through an
    /// environment (see <see cref="CaptureCopies"/>): it lives in a register of its own function, which copies it
    /// into each such closure when creating it, and those read the copy (LoadCapture).
    /// </summary>
    public bool CopiedIntoClosures;
    /// <summary>Written after its initialization somewhere (assignment, update, for-in/of target, `var` declarator).</summary>
    public bool Assigned;
    /// <summary>Declared more than once in its scope (duplicate parameters, `var` or a function named like a parameter).</summary>
    public bool Redeclared;
    /// <summary>Visible to the code of a direct eval (which may read or assign it by name at run time).</summary>
    public bool EvalVisible;
    /// <summary>The other functions whose code references it (null when only its own function does).</summary>
    public List<FunctionInfo>? ReferencedFrom;
    public int Register = -1;
    public int EnvSlot = -1;
    /// <summary>Import bindings: index into the module's resolved import cells.</summary>
    public int ImportIndex = -1;
    /// <summary>
    /// An uncaptured `this`/new.target/home object/callee of its own function: loads read the frame
    /// directly (LoadThisValue...) instead of a register the prologue would have to fill on every call.
    /// </summary>
    public bool FromFrame;

    public bool IsLexical => Kind is BindingKind.Let or BindingKind.Const or BindingKind.Class;
    public bool IsImmutable => Kind is BindingKind.Const or BindingKind.FunctionSelf or BindingKind.Import;
    /// <summary>Needs temporal-dead-zone checks (§9.1.1.1: uninitialized until its declaration runs).</summary>
    public bool NeedsTdz => Kind is BindingKind.Let or BindingKind.Const or BindingKind.Class or BindingKind.This || ParameterTdz;

    /// <summary>Parameters of a non-simple list are uninitialized until bound in order (§10.2.11 step 26-27), so `(a = b, b) => a` throws.</summary>
    public bool ParameterTdz;

    /// <summary>
    /// For a let/const: the source offset (end of its declaration) from which every reference in its own
    /// function finds it initialized, because the only way to reach later code in its scope runs the
    /// declaration first. Uncaptured references from there on skip the TDZ check. int.MaxValue when that
    /// does not hold (switch cases, where a case label can jump past the declaration) or is not known.
    /// </summary>
    public int InitializedAt = int.MaxValue;

    /// <summary>Some reference in its own function comes before <see cref="InitializedAt"/> in the source.</summary>
    public bool ReadBeforeInitialized;

    /// <summary>
    /// An uncaptured let/const that nothing can read before its declaration runs: its register needs no
    /// TDZ hole at scope entry and no checks.
    /// </summary>
    public bool TdzFree => !Captured && !ReadBeforeInitialized && InitializedAt != int.MaxValue && Kind is BindingKind.Let or BindingKind.Const;

    public override string ToString() => $"{Kind} {Name}";
}

/// <summary>With: the body of a `with` statement (§14.11); names inside are looked up on its object first.</summary>
internal enum ScopeKind : byte { Script, Function, Block, Catch, Class, With }

/// <summary>A lexical scope of the source: function body, block, catch clause, loop head or class body.</summary>
internal sealed class Scope(ScopeKind kind, Scope? parent, FunctionInfo function)
{
    public ScopeKind Kind { get; } = kind;
    public Scope? Parent { get; } = parent;
    public FunctionInfo Function { get; } = function;
    public readonly Dictionary<string, Binding> Bindings = new();
    public readonly List<Binding> Ordered = new();
    /// <summary>Number of environment slots (captured bindings); 0 means no run-time environment.</summary>
    public int EnvSize;
    public bool HasEnv => EnvSize > 0;
    /// <summary>The top scope of sloppy eval code: its vars belong to the enclosing var scope, not here (§19.2.1.3).</summary>
    public bool IsSloppyEval;
    /// <summary>Where var declarations of eval code land: a function (or strict eval) scope, or the script's (global).</summary>
    public bool IsVarScope => (Kind == ScopeKind.Function && !IsSloppyEval) || Kind == ScopeKind.Script;

    public Binding Declare(string name, BindingKind kind)
    {
        if (Bindings.TryGetValue(name, out var existing))
        {
            existing.Redeclared = true;
            // var + function, function + function, var + var: one binding (§10.2.11, §16.1.7).
            if (kind == BindingKind.Function && existing.Kind is BindingKind.Var or BindingKind.Function) existing.Kind = BindingKind.Function;
            return existing;
        }
        var b = new Binding(name, kind, this);
        Bindings[name] = b;
        Ordered.Add(b);
        return b;
    }

    public Binding? Find(string name) => Bindings.TryGetValue(name, out var b) ? b : null;
}

/// <summary>Per-function facts from scope analysis.</summary>
internal sealed class FunctionInfo(Node? node, FunctionInfo? parent, bool isArrow)
{
    public Node? Node { get; } = node;
    public FunctionInfo? Parent { get; } = parent;
    public bool IsArrow { get; } = isArrow;
    public Scope Scope = null!;
    public bool Strict;
    /// <summary>A reference to `arguments` resolved to this function's arguments object.</summary>
    public bool UsesArgumentsObject;
    /// <summary>A method, accessor, class constructor or class element initializer: `super.x` is allowed (in eval code too).</summary>
    public bool IsMethod;
    public bool IsDerivedConstructor;
    /// <summary>A synthetic class field initializer / static block function.</summary>
    public bool IsFieldInitializer;
    /// <summary>
    /// The one binding of an enclosing function whose value this function's closures carry (see
    /// <see cref="Binding.CopiedIntoClosures"/>), or null.
    /// </summary>
    public Binding? CopiedCapture;
    /// <summary>The nearest enclosing function that has its own `this` (itself unless an arrow).</summary>
    public FunctionInfo ThisFunction => IsArrow && Parent is not null ? Parent.ThisFunction : this;
}
