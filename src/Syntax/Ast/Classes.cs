namespace DualEngine.Syntax.Ast;

/// <summary>Shared shape of class declarations and expressions (§15.7). Class code is always strict.</summary>
public interface IClass
{
    Identifier? Id { get; }
    Expression? SuperClass { get; }
    ClassBody Body { get; }
}

public sealed class ClassDeclaration : Declaration, IClass
{
    public ClassDeclaration() : base(NodeKind.ClassDeclaration) { }
    /// <summary>Null only for `export default class {}`.</summary>
    public Identifier? Id { get; set; }
    public Expression? SuperClass { get; set; }
    public ClassBody Body { get; set; } = null!;
}

public sealed class ClassExpression : Expression, IClass
{
    public ClassExpression() : base(NodeKind.ClassExpression) { }
    public Identifier? Id { get; set; }
    public Expression? SuperClass { get; set; }
    public ClassBody Body { get; set; } = null!;
}

/// <summary>Elements: MethodDefinition, PropertyDefinition, StaticBlock.</summary>
public sealed class ClassBody : Node
{
    public ClassBody() : base(NodeKind.ClassBody) { }
    public List<Node> Body { get; set; } = new();
}

public enum MethodKind : byte { Constructor, Method, Get, Set }

/// <summary>
/// A class method, getter, setter or the constructor. Key is Identifier / Literal / PrivateIdentifier,
/// or any Expression when Computed.
/// </summary>
public sealed class MethodDefinition : Node
{
    public MethodDefinition() : base(NodeKind.MethodDefinition) { }
    public Expression Key { get; set; } = null!;
    public FunctionExpression Value { get; set; } = null!;
    public MethodKind MethodKind { get; set; }
    public bool Computed { get; set; }
    public bool Static { get; set; }
    /// <summary>
    /// Offset of the method's first token after `static` (`async`, `*`, `get`, `set` or the key): where the
    /// MethodDefinition's source text starts (§15.7 ClassElement : static MethodDefinition), which
    /// Function.prototype.toString returns. In JavaScript it equals Start when the method is not static.
    /// </summary>
    public int MethodStart { get; set; }
}

/// <summary>A class field `x = 1;`, `#y;`, `static z = 2;` (§15.7, FieldDefinition).</summary>
public sealed class PropertyDefinition : Node
{
    public PropertyDefinition() : base(NodeKind.PropertyDefinition) { }
    public Expression Key { get; set; } = null!;
    /// <summary>The initializer; evaluated like a method body (this = instance, arguments forbidden).</summary>
    public Expression? Value { get; set; }
    public bool Computed { get; set; }
    public bool Static { get; set; }
    /// <summary>Usage facts of the initializer (UsesThis, UsesSuperProperty, UsesEval...).</summary>
    public FunctionFlags Flags { get; set; }
}

/// <summary>`static { ... }` class static initialization block (ES2022, §15.7.1).</summary>
public sealed class StaticBlock : Node
{
    public StaticBlock() : base(NodeKind.StaticBlock) { }
    public List<Statement> Body { get; set; } = new();
    public FunctionFlags Flags { get; set; }
    public ScopeInfo? Scope { get; set; }
}
