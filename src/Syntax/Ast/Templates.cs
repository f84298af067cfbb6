namespace DualEngine.Syntax.Ast;

/// <summary>`` `a${b}c` `` (§13.2.8). Quasis.Count == Expressions.Count + 1.</summary>
public sealed class TemplateLiteral : Expression
{
    public TemplateLiteral() : base(NodeKind.TemplateLiteral) { }
    public List<TemplateElement> Quasis { get; set; } = new();
    public List<Expression> Expressions { get; set; } = new();
}

/// <summary>One literal chunk of a template.</summary>
public sealed class TemplateElement : Node
{
    public TemplateElement() : base(NodeKind.TemplateElement) { }
    /// <summary>
    /// TV (§12.9.6.1). Null when the chunk has an invalid escape, which is only allowed
    /// in tagged templates (§13.2.8.2, ES2018 template literal revision).
    /// </summary>
    public string? Cooked { get; set; }
    /// <summary>TRV: raw text with CR LF / CR normalized to LF (§12.9.6.1).</summary>
    public string Raw { get; set; } = "";
    public bool Tail { get; set; }
}

/// <summary>`tag`x${y}`` (§13.3.11).</summary>
public sealed class TaggedTemplateExpression : Expression
{
    public TaggedTemplateExpression() : base(NodeKind.TaggedTemplateExpression) { }
    public Expression Tag { get; set; } = null!;
    public TemplateLiteral Quasi { get; set; } = null!;
}
