namespace DualEngine.Syntax.Ast;

/// <summary>
/// `import d, { a as b, "str" as c } from "m" with { type: "json" };`, `import * as ns from "m";`,
/// `import "m";` (§16.2.2). Attributes come from `with { }` or the legacy `assert { }` spelling.
/// </summary>
public sealed class ImportDeclaration : Statement
{
    public ImportDeclaration() : base(NodeKind.ImportDeclaration) { }
    /// <summary>ImportDefaultSpecifier, ImportNamespaceSpecifier, ImportSpecifier.</summary>
    public List<Node> Specifiers { get; set; } = new();
    public Literal Source { get; set; } = null!;
    public List<ImportAttribute> Attributes { get; set; } = new();
    /// <summary>True when attributes were written with the legacy `assert` keyword.</summary>
    public bool LegacyAssert { get; set; }
}

/// <summary>`{ imported as local }`. Imported is an Identifier or a string Literal (ES2022 arbitrary module namespace names).</summary>
public sealed class ImportSpecifier : Node
{
    public ImportSpecifier() : base(NodeKind.ImportSpecifier) { }
    public Expression Imported { get; set; } = null!;
    public Identifier Local { get; set; } = null!;
}

public sealed class ImportDefaultSpecifier : Node
{
    public ImportDefaultSpecifier() : base(NodeKind.ImportDefaultSpecifier) { }
    public Identifier Local { get; set; } = null!;
}

public sealed class ImportNamespaceSpecifier : Node
{
    public ImportNamespaceSpecifier() : base(NodeKind.ImportNamespaceSpecifier) { }
    public Identifier Local { get; set; } = null!;
}

/// <summary>`type: "json"`. Key is an Identifier or string Literal; Value is a string Literal.</summary>
public sealed class ImportAttribute : Node
{
    public ImportAttribute() : base(NodeKind.ImportAttribute) { }
    public Expression Key { get; set; } = null!;
    public Literal Value { get; set; } = null!;
    /// <summary>Key name as a string whether written as identifier or string.</summary>
    public string KeyName => Key is Identifier id ? id.Name : ((Literal)Key).StringValue ?? "";
}

/// <summary>
/// `export var/let/const/function/class ...` (Declaration set), `export { a as b };`,
/// `export { a } from "m";` (Source set).
/// </summary>
public sealed class ExportNamedDeclaration : Statement
{
    public ExportNamedDeclaration() : base(NodeKind.ExportNamedDeclaration) { }
    public Declaration? Declaration { get; set; }
    public List<ExportSpecifier> Specifiers { get; set; } = new();
    public Literal? Source { get; set; }
    public List<ImportAttribute> Attributes { get; set; } = new();
}

/// <summary>`local as exported`; both are Identifier or string Literal (string local only with a Source).</summary>
public sealed class ExportSpecifier : Node
{
    public ExportSpecifier() : base(NodeKind.ExportSpecifier) { }
    public Expression Local { get; set; } = null!;
    public Expression Exported { get; set; } = null!;
}

/// <summary>`export default expr;` or `export default function/class ...` (Declaration is then a FunctionDeclaration/ClassDeclaration, possibly without Id).</summary>
public sealed class ExportDefaultDeclaration : Statement
{
    public ExportDefaultDeclaration() : base(NodeKind.ExportDefaultDeclaration) { }
    /// <summary>FunctionDeclaration, ClassDeclaration or Expression.</summary>
    public Node Declaration { get; set; } = null!;
}

/// <summary>`export * from "m";` or `export * as ns from "m";` (Exported set, ES2020).</summary>
public sealed class ExportAllDeclaration : Statement
{
    public ExportAllDeclaration() : base(NodeKind.ExportAllDeclaration) { }
    public Expression? Exported { get; set; }
    public Literal Source { get; set; } = null!;
    public List<ImportAttribute> Attributes { get; set; } = new();
}

/// <summary>Helpers for module-export names that may be identifiers or strings.</summary>
public static class ModuleNames
{
    /// <summary>The ModuleExportName (§16.2.3) as a string.</summary>
    public static string NameOf(Expression e) => e is Identifier id ? id.Name : ((Literal)e).StringValue ?? "";
}
