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
}
