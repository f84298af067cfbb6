namespace DualEngine.Syntax.Ast;

public enum VariableKind : byte { Var, Let, Const }

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
