namespace DualEngine.Syntax.Ast;

/// <summary>An IdentifierReference, BindingIdentifier or LabelIdentifier; Name has escapes resolved.</summary>
public sealed class Identifier : Expression
{
    public Identifier() : base(NodeKind.Identifier) { }
    public string Name { get; set; } = "";
}

/// <summary>`#x` in class elements and `this.#x` / `#x in obj` (§15.7). Name excludes the `#`.</summary>
public sealed class PrivateIdentifier : Expression
{
    public PrivateIdentifier() : base(NodeKind.PrivateIdentifier) { }
    public string Name { get; set; } = "";
}

public sealed class ThisExpression : Expression
{
    public ThisExpression() : base(NodeKind.ThisExpression) { }
}

/// <summary>`super` as the object of a member expression or the callee of a call (§13.3.7).</summary>
public sealed class Super : Expression
{
    public Super() : base(NodeKind.Super) { }
}

/// <summary>`[a, , ...b]`: null elements are holes.</summary>
public sealed class ArrayExpression : Expression
{
    public ArrayExpression() : base(NodeKind.ArrayExpression) { }
    public List<Expression?> Elements { get; set; } = new();
    /// <summary>Parser bookkeeping: offset of a comma after a spread element (invalid if this becomes a pattern).</summary>
    internal int TrailingCommaAfterSpread { get; set; } = -1;
}

/// <summary>`{ a, b: 1, [c]: 2, get d() {}, m() {}, ...e }` (§13.2.5). Properties are Property or SpreadElement.</summary>
public sealed class ObjectExpression : Expression
{
    public ObjectExpression() : base(NodeKind.ObjectExpression) { }
    public List<Node> Properties { get; set; } = new();
    /// <summary>Parser bookkeeping: offset of a comma after a spread element (invalid if this becomes a pattern).</summary>
    internal int TrailingCommaAfterSpread { get; set; } = -1;
}

public enum PropertyKind : byte { Init, Get, Set }

/// <summary>
/// An object literal member or an ObjectPattern member. For methods and accessors Value is a
/// FunctionExpression. In patterns Value is the binding target (possibly AssignmentPattern).
/// Key is an Identifier (non-computed name), Literal (string/number/bigint) or any Expression when Computed.
/// </summary>
public sealed class Property : Node
{
    public Property() : base(NodeKind.Property) { }
    public Expression Key { get; set; } = null!;
    public Node Value { get; set; } = null!;
    public PropertyKind PropertyKind { get; set; }
    public bool Method { get; set; }
    public bool Shorthand { get; set; }
    public bool Computed { get; set; }
}

/// <summary>`a.b`, `a[b]`, `a.#b`, `a?.b` (Optional marks the `?.` link itself, §13.3.9).</summary>
public sealed class MemberExpression : Expression
{
    public MemberExpression() : base(NodeKind.MemberExpression) { }
    /// <summary>The object; may be <see cref="Super"/>.</summary>
    public Expression Object { get; set; } = null!;
    /// <summary>Identifier or PrivateIdentifier when not computed, any Expression when computed.</summary>
    public Expression Property { get; set; } = null!;
    public bool Computed { get; set; }
    public bool Optional { get; set; }
}

/// <summary>
/// Wraps a whole optional chain `a?.b.c()` so that short-circuiting stops at its boundary (§13.3.9).
/// Expression is a MemberExpression or CallExpression.
/// </summary>
public sealed class ChainExpression : Expression
{
    public ChainExpression() : base(NodeKind.ChainExpression) { }
    public Expression Expression { get; set; } = null!;
}

/// <summary>`f(a, ...b)`, `a?.(b)`, `super(x)` (callee is <see cref="Super"/>).</summary>
public sealed class CallExpression : Expression
{
    public CallExpression() : base(NodeKind.CallExpression) { }
    public Expression Callee { get; set; } = null!;
    /// <summary>Expressions or SpreadElement.</summary>
    public List<Expression> Arguments { get; set; } = new();
    public bool Optional { get; set; }
}

/// <summary>`new C(a)`; Arguments is empty for `new C`.</summary>
public sealed class NewExpression : Expression
{
    public NewExpression() : base(NodeKind.NewExpression) { }
    public Expression Callee { get; set; } = null!;
    public List<Expression> Arguments { get; set; } = new();
}

public sealed class UpdateExpression : Expression
{
    public UpdateExpression() : base(NodeKind.UpdateExpression) { }
    public UpdateOperator Operator { get; set; }
    public bool Prefix { get; set; }
    /// <summary>Identifier or MemberExpression.</summary>
    public Expression Argument { get; set; } = null!;
}

public sealed class UnaryExpression : Expression
{
    public UnaryExpression() : base(NodeKind.UnaryExpression) { }
    public UnaryOperator Operator { get; set; }
    public Expression Argument { get; set; } = null!;
}

/// <summary>Binary operator. Left may be a PrivateIdentifier for `#x in obj` (§13.10).</summary>
public sealed class BinaryExpression : Expression
{
    public BinaryExpression() : base(NodeKind.BinaryExpression) { }
    public BinaryOperator Operator { get; set; }
    public Expression Left { get; set; } = null!;
    public Expression Right { get; set; } = null!;
}

/// <summary>`||`, `&amp;&amp;`, `??`.</summary>
public sealed class LogicalExpression : Expression
{
    public LogicalExpression() : base(NodeKind.LogicalExpression) { }
    public LogicalOperator Operator { get; set; }
    public Expression Left { get; set; } = null!;
    public Expression Right { get; set; } = null!;
}

/// <summary>
/// `a = b`, `a += b`, `a ??= b`... For `=` Left may be an ObjectPattern/ArrayPattern
/// (destructuring assignment, §13.15.5); otherwise it is an Identifier or MemberExpression.
/// </summary>
public sealed class AssignmentExpression : Expression
{
    public AssignmentExpression() : base(NodeKind.AssignmentExpression) { }
    public AssignmentOperator Operator { get; set; }
    public Node Left { get; set; } = null!;
    public Expression Right { get; set; } = null!;
}

public sealed class ConditionalExpression : Expression
{
    public ConditionalExpression() : base(NodeKind.ConditionalExpression) { }
    public Expression Test { get; set; } = null!;
    public Expression Consequent { get; set; } = null!;
    public Expression Alternate { get; set; } = null!;
}

/// <summary>`yield`, `yield x`, `yield* x` (§15.5).</summary>
public sealed class YieldExpression : Expression
{
    public YieldExpression() : base(NodeKind.YieldExpression) { }
    public Expression? Argument { get; set; }
    public bool Delegate { get; set; }
}

public sealed class AwaitExpression : Expression
{
    public AwaitExpression() : base(NodeKind.AwaitExpression) { }
    public Expression Argument { get; set; } = null!;
}

/// <summary>`a, b, c`.</summary>
public sealed class SequenceExpression : Expression
{
    public SequenceExpression() : base(NodeKind.SequenceExpression) { }
    public List<Expression> Expressions { get; set; } = new();
}

/// <summary>`...x` in array literals, call arguments and object literals.</summary>
public sealed class SpreadElement : Expression
{
    public SpreadElement() : base(NodeKind.SpreadElement) { }
    public Expression Argument { get; set; } = null!;
}

/// <summary>`new.target` (§13.3.12) or `import.meta` (§13.3.12.1).</summary>
public sealed class MetaProperty : Expression
{
    public MetaProperty() : base(NodeKind.MetaProperty) { }
    public Identifier Meta { get; set; } = null!;
    public Identifier Property { get; set; } = null!;
    public bool IsNewTarget => Meta.Name == "new";
    public bool IsImportMeta => Meta.Name == "import";
}

/// <summary>Dynamic `import(source)` or `import(source, options)` (§13.3.10).</summary>
public sealed class ImportExpression : Expression
{
    public ImportExpression() : base(NodeKind.ImportExpression) { }
    public Expression Source { get; set; } = null!;
    public Expression? Options { get; set; }
}
