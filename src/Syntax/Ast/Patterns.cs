namespace DualEngine.Syntax.Ast;

/// <summary>
/// `{ a, b: c = 1, ...rest }` as a binding or assignment target (§14.3.3, §13.15.5).
/// Properties are <see cref="Property"/> (Value holds the target pattern) or a final <see cref="RestElement"/>.
/// </summary>
public sealed class ObjectPattern : Pattern
{
    public ObjectPattern() : base(NodeKind.ObjectPattern) { }
    public List<Node> Properties { get; set; } = new();
}

/// <summary>`[a, , b = 1, ...rest]`; null elements are holes (elisions).</summary>
public sealed class ArrayPattern : Pattern
{
    public ArrayPattern() : base(NodeKind.ArrayPattern) { }
    public List<Node?> Elements { get; set; } = new();
}

/// <summary>`...target` in a parameter list, array pattern or object pattern.</summary>
public sealed class RestElement : Pattern
{
    public RestElement() : base(NodeKind.RestElement) { }
    /// <summary>Identifier or pattern (for assignment patterns also a MemberExpression).</summary>
    public Node Argument { get; set; } = null!;
}

/// <summary>`target = defaultValue` inside a pattern or parameter list.</summary>
public sealed class AssignmentPattern : Pattern
{
    public AssignmentPattern() : base(NodeKind.AssignmentPattern) { }
    public Node Left { get; set; } = null!;
    public Expression Right { get; set; } = null!;
}
