namespace DualEngine.Syntax.Ast;

/// <summary>
/// Declaration keyword. Using / AwaitUsing are explicit resource management declarations
/// (`using x = r;`, `await using x = r;`, ES2026 proposal shipped in V8/Deno): const-like bindings
/// whose values are disposed when the enclosing block exits.
/// </summary>
public enum VariableKind : byte { Var, Let, Const, Using, AwaitUsing }

/// <summary>`var a = 1, [b] = c;` and the let/const forms (§14.3).</summary>
public sealed class VariableDeclaration : Declaration
{
    public VariableDeclaration() : base(NodeKind.VariableDeclaration) { }
    public VariableKind DeclarationKind { get; set; }
    public List<VariableDeclarator> Declarations { get; set; } = new();
}

public sealed class VariableDeclarator : Node
{
    public VariableDeclarator() : base(NodeKind.VariableDeclarator) { }
    /// <summary>Identifier, ObjectPattern or ArrayPattern.</summary>
    public Node Id { get; set; } = null!;
    public Expression? Init { get; set; }
}
