namespace DualEngine.Syntax;

/// <summary>Options for <see cref="Parsing.Parser"/>.</summary>
public sealed class ParserOptions
{
    public static readonly ParserOptions Default = new();

    /// <summary>Shown in error messages and stored on the Program node.</summary>
    public string? FileName { get; init; }

    /// <summary>Parse a script as strict mode code from the start (modules are always strict).</summary>
    public bool Strict { get; init; }

    /// <summary>Accept TypeScript syntax; types are skipped and not kept in the tree (see TypeScriptEraser).</summary>
    public bool TypeScript { get; init; }

    /// <summary>
    /// Annex B web-compat syntax (HTML-like comments, legacy octal, block-level functions in sloppy
    /// if-statements, labelled functions). On by default like every browser and Deno.
    /// </summary>
    public bool AnnexB { get; init; } = true;

    /// <summary>Allow `return` at top level (CommonJS wrappers).</summary>
    public bool AllowReturnOutsideFunction { get; init; }

    /// <summary>Maximum nesting of expressions/statements before we refuse with "too deeply nested".</summary>
    public int MaxDepth { get; init; } = 1000;

    /// <summary>
    /// Set when parsing the argument of a direct `eval` (§19.2.1.1 PerformEval): describes the
    /// calling context, which decides the early errors for new.target, super, arguments and #names.
    /// Combine with <see cref="Strict"/> = caller is strict.
    /// </summary>
    public EvalContext? Eval { get; init; }
}

/// <summary>Where a direct eval call appears (§19.2.1.1 steps 5-9).</summary>
public sealed class EvalContext
{
    /// <summary>Inside a non-arrow function (or a class field initializer / static block): new.target is allowed.</summary>
    public bool InFunction { get; init; }
    /// <summary>Inside a method, accessor, constructor, field initializer or static block: `super.x` is allowed.</summary>
    public bool InMethod { get; init; }
    /// <summary>Inside a derived class constructor: `super()` is allowed.</summary>
    public bool InDerivedConstructor { get; init; }
    /// <summary>Inside a class field initializer: `arguments` is an early error.</summary>
    public bool InClassFieldInitializer { get; init; }
    /// <summary>Private names declared by the enclosing classes (without '#').</summary>
    public IReadOnlyCollection<string>? PrivateNames { get; init; }
}
