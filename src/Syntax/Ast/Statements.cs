namespace DualEngine.Syntax.Ast;

/// <summary>An expression statement. Directive is set for directive prologue entries (§11.2.1), e.g. "use strict".</summary>
public sealed class ExpressionStatement : Statement
{
    public ExpressionStatement() : base(NodeKind.ExpressionStatement) { }
    public Expression Expression { get; set; } = null!;
    /// <summary>Raw text of the string literal without quotes when this is a directive; otherwise null.</summary>
    public string? Directive { get; set; }
}

public sealed class BlockStatement : Statement
{
    public BlockStatement() : base(NodeKind.BlockStatement) { }
    /// <summary>Lexical declarations of this block / head; null when there are none.</summary>
    public ScopeInfo? Scope { get; set; }
    public List<Statement> Body { get; set; } = new();
}

public sealed class EmptyStatement : Statement
{
    public EmptyStatement() : base(NodeKind.EmptyStatement) { }
}

public sealed class DebuggerStatement : Statement
{
    public DebuggerStatement() : base(NodeKind.DebuggerStatement) { }
}

/// <summary>`with (obj) body` — sloppy mode only (§14.11.1).</summary>
public sealed class WithStatement : Statement
{
    public WithStatement() : base(NodeKind.WithStatement) { }
    public Expression Object { get; set; } = null!;
    public Statement Body { get; set; } = null!;
}

public sealed class ReturnStatement : Statement
{
    public ReturnStatement() : base(NodeKind.ReturnStatement) { }
    public Expression? Argument { get; set; }
}

public sealed class LabeledStatement : Statement
{
    public LabeledStatement() : base(NodeKind.LabeledStatement) { }
    public Identifier Label { get; set; } = null!;
    public Statement Body { get; set; } = null!;
}

public sealed class BreakStatement : Statement
{
    public BreakStatement() : base(NodeKind.BreakStatement) { }
    public Identifier? Label { get; set; }
}

public sealed class ContinueStatement : Statement
{
    public ContinueStatement() : base(NodeKind.ContinueStatement) { }
    public Identifier? Label { get; set; }
}

public sealed class IfStatement : Statement
{
    public IfStatement() : base(NodeKind.IfStatement) { }
    public Expression Test { get; set; } = null!;
    public Statement Consequent { get; set; } = null!;
    public Statement? Alternate { get; set; }
}

public sealed class SwitchStatement : Statement
{
    public SwitchStatement() : base(NodeKind.SwitchStatement) { }
    /// <summary>Lexical declarations of this block / head; null when there are none.</summary>
    public ScopeInfo? Scope { get; set; }
    public Expression Discriminant { get; set; } = null!;
    public List<SwitchCase> Cases { get; set; } = new();
}

/// <summary>`case x:` or `default:` (Test == null).</summary>
public sealed class SwitchCase : Node
{
    public SwitchCase() : base(NodeKind.SwitchCase) { }
    public Expression? Test { get; set; }
    public List<Statement> Consequent { get; set; } = new();
}

public sealed class ThrowStatement : Statement
{
    public ThrowStatement() : base(NodeKind.ThrowStatement) { }
    public Expression Argument { get; set; } = null!;
}

public sealed class TryStatement : Statement
{
    public TryStatement() : base(NodeKind.TryStatement) { }
    public BlockStatement Block { get; set; } = null!;
    public CatchClause? Handler { get; set; }
    public BlockStatement? Finalizer { get; set; }
}

/// <summary>`catch (param) { }`; Param is null for optional catch binding (ES2019).</summary>
public sealed class CatchClause : Node
{
    public CatchClause() : base(NodeKind.CatchClause) { }
    /// <summary>Lexical declarations of this block / head; null when there are none.</summary>
    public ScopeInfo? Scope { get; set; }
    public Node? Param { get; set; }
    public BlockStatement Body { get; set; } = null!;
}

public sealed class WhileStatement : Statement
{
    public WhileStatement() : base(NodeKind.WhileStatement) { }
    public Expression Test { get; set; } = null!;
    public Statement Body { get; set; } = null!;
}

public sealed class DoWhileStatement : Statement
{
    public DoWhileStatement() : base(NodeKind.DoWhileStatement) { }
    public Statement Body { get; set; } = null!;
    public Expression Test { get; set; } = null!;
}

/// <summary>`for (init; test; update) body`. Init is a VariableDeclaration, an Expression or null.</summary>
public sealed class ForStatement : Statement
{
    public ForStatement() : base(NodeKind.ForStatement) { }
    /// <summary>Lexical declarations of this block / head; null when there are none.</summary>
    public ScopeInfo? Scope { get; set; }
    public Node? Init { get; set; }
    public Expression? Test { get; set; }
    public Expression? Update { get; set; }
    public Statement Body { get; set; } = null!;
}

/// <summary>`for (left in right)`. Left is a VariableDeclaration or an assignment target (Identifier/Member/pattern).</summary>
public sealed class ForInStatement : Statement
{
    public ForInStatement() : base(NodeKind.ForInStatement) { }
    /// <summary>Lexical declarations of this block / head; null when there are none.</summary>
    public ScopeInfo? Scope { get; set; }
    public Node Left { get; set; } = null!;
    public Expression Right { get; set; } = null!;
    public Statement Body { get; set; } = null!;
}

/// <summary>`for (left of right)` and `for await (left of right)` (Await == true, §14.7.5).</summary>
public sealed class ForOfStatement : Statement
{
    public ForOfStatement() : base(NodeKind.ForOfStatement) { }
    /// <summary>Lexical declarations of this block / head; null when there are none.</summary>
    public ScopeInfo? Scope { get; set; }
    public Node Left { get; set; } = null!;
    public Expression Right { get; set; } = null!;
    public Statement Body { get; set; } = null!;
    public bool Await { get; set; }
}
