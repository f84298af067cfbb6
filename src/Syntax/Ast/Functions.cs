namespace DualEngine.Syntax.Ast;

/// <summary>
/// Facts about a function body gathered while parsing, so that a compiler can pick cheaper
/// strategies (e.g. no arguments object, no dynamic scope) without another walk.
/// "Uses" flags describe the function's own body including nested arrow functions
/// (which share this/arguments/super with the enclosing function, §15.3), but not
/// nested ordinary functions.
/// </summary>
[Flags]
public enum FunctionFlags : ushort
{
    None = 0,
    /// <summary>Strict mode code (§11.2.2): inherited, "use strict" directive, class body or module.</summary>
    Strict = 1 << 0,
    /// <summary>The identifier `arguments` is referenced.</summary>
    UsesArguments = 1 << 1,
    /// <summary>A direct-eval candidate `eval(...)` call appears; the scope must stay dynamic.</summary>
    UsesEval = 1 << 2,
    /// <summary>`this` is referenced.</summary>
    UsesThis = 1 << 3,
    /// <summary>`super.x` or `super[x]` appears.</summary>
    UsesSuperProperty = 1 << 4,
    /// <summary>`super(...)` appears (only legal in derived class constructors).</summary>
    UsesSuperCall = 1 << 5,
    /// <summary>`new.target` appears.</summary>
    UsesNewTarget = 1 << 6,
    /// <summary>Parameters are not a plain list of identifiers (§15.1.3 IsSimpleParameterList is false).</summary>
    HasNonSimpleParameters = 1 << 7,
    /// <summary>A `with` statement appears.</summary>
    UsesWith = 1 << 8,
    /// <summary>The body has a "use strict" directive itself.</summary>
    HasUseStrictDirective = 1 << 9,
    /// <summary>Top-level `await` (modules only, on Program).</summary>
    UsesTopLevelAwait = 1 << 10,
}

/// <summary>Common view of FunctionDeclaration, FunctionExpression and ArrowFunctionExpression.</summary>
public interface IFunction
{
    NodeKind Kind { get; }
    Identifier? Id { get; }
    /// <summary>Identifier, patterns, AssignmentPattern (defaults) and RestElement.</summary>
    List<Node> Params { get; }
    /// <summary>BlockStatement, or an Expression for concise arrow bodies.</summary>
    Node Body { get; }
    bool Async { get; }
    bool Generator { get; }
    FunctionFlags Flags { get; set; }
    /// <summary>Parameters, vars and top-level declarations of the body.</summary>
    ScopeInfo? Scope { get; }
    int Start { get; }
    int End { get; }
}

/// <summary>`function f() {}` as a statement (§15.2), including async and generator forms.</summary>
public sealed class FunctionDeclaration : Declaration, IFunction
{
    public FunctionDeclaration() : base(NodeKind.FunctionDeclaration) { }
    /// <summary>Null only for `export default function () {}`.</summary>
    public Identifier? Id { get; set; }
    public List<Node> Params { get; set; } = new();
    public BlockStatement Body { get; set; } = null!;
    Node IFunction.Body => Body;
    public bool Async { get; set; }
    public bool Generator { get; set; }
    public FunctionFlags Flags { get; set; }
    public bool Strict => (Flags & FunctionFlags.Strict) != 0;
    /// <summary>Parameters, vars and top-level declarations of the body.</summary>
    public ScopeInfo? Scope { get; set; }
}

/// <summary>Function expression; also the value of methods, getters, setters and constructors.</summary>
public sealed class FunctionExpression : Expression, IFunction
{
    public FunctionExpression() : base(NodeKind.FunctionExpression) { }
    public Identifier? Id { get; set; }
    public List<Node> Params { get; set; } = new();
    public BlockStatement Body { get; set; } = null!;
    Node IFunction.Body => Body;
    public bool Async { get; set; }
    public bool Generator { get; set; }
    public FunctionFlags Flags { get; set; }
    public bool Strict => (Flags & FunctionFlags.Strict) != 0;
    /// <summary>Parameters, vars and top-level declarations of the body.</summary>
    public ScopeInfo? Scope { get; set; }
}

/// <summary>`(a, b) => a + b` or `async x => { ... }` (§15.3, §15.9).</summary>
public sealed class ArrowFunctionExpression : Expression, IFunction
{
    public ArrowFunctionExpression() : base(NodeKind.ArrowFunctionExpression) { }
    Identifier? IFunction.Id => null;
    public List<Node> Params { get; set; } = new();
    /// <summary>BlockStatement, or an Expression when <see cref="ExpressionBody"/> is true.</summary>
    public Node Body { get; set; } = null!;
    public bool ExpressionBody { get; set; }
    public bool Async { get; set; }
    bool IFunction.Generator => false;
    public FunctionFlags Flags { get; set; }
    public bool Strict => (Flags & FunctionFlags.Strict) != 0;
    /// <summary>Parameters, vars and top-level declarations of the body.</summary>
    public ScopeInfo? Scope { get; set; }
}
