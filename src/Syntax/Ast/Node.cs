namespace DualEngine.Syntax.Ast;

/// <summary>
/// Base of every syntax tree node. The shape follows ESTree (https://github.com/estree/estree)
/// so that people who know that format can read the tree, but it is typed for C#.
/// A compiler should switch on <see cref="Kind"/> (a plain enum, fast and AOT friendly)
/// rather than using type tests.
/// </summary>
public abstract class Node
{
    protected Node(NodeKind kind) => Kind = kind;

    /// <summary>Which concrete node this is; one value per sealed class.</summary>
    public NodeKind Kind { get; }

    /// <summary>UTF-16 offset of the first character of the node in the source.</summary>
    public int Start { get; set; }

    /// <summary>UTF-16 offset just past the last character of the node.</summary>
    public int End { get; set; }

    /// <summary>1-based line of <see cref="Start"/>.</summary>
    public int Line { get; set; }

    /// <summary>1-based column (in UTF-16 units) of <see cref="Start"/>.</summary>
    public int Column { get; set; }

    public override string ToString() => $"{Kind}@{Line}:{Column}";
}

/// <summary>Anything that can appear where ECMA-262 allows an Expression (§13).</summary>
public abstract class Expression : Node
{
    protected Expression(NodeKind kind) : base(kind) { }

    /// <summary>
    /// Number of parentheses directly around this expression. ESTree drops parentheses, but
    /// early errors depend on them: `(a) = 1` is valid, `({a}) = 1` is not (§13.15.1), and
    /// `(a, b) => 1` arrow heads are recovered from parenthesized expressions (§15.3).
    /// </summary>
    public int ParenthesizedCount { get; set; }
}

/// <summary>Anything that can appear in a StatementList (§14).</summary>
public abstract class Statement : Node
{
    protected Statement(NodeKind kind) : base(kind) { }
}

/// <summary>
/// Binding and assignment patterns (§8.6, §13.15.5). Identifier and MemberExpression can also act
/// as patterns; those are Expressions, so fields that hold a pattern are typed <see cref="Node"/>.
/// </summary>
public abstract class Pattern : Node
{
    protected Pattern(NodeKind kind) : base(kind) { }
}

/// <summary>Statements that declare something (function, class, variables).</summary>
public abstract class Declaration : Statement
{
    protected Declaration(NodeKind kind) : base(kind) { }
}
