namespace DualEngine.Syntax.Ast;

public enum SourceType : byte { Script, Module }

/// <summary>Root node: a Script (§16.1) or a Module (§16.2).</summary>
public sealed class Program : Node
{
    public Program() : base(NodeKind.Program) { }

    public SourceType SourceType { get; set; }

    /// <summary>Statements, and for modules also import/export declarations.</summary>
    public List<Statement> Body { get; set; } = new();

    /// <summary>True for modules (§11.2.2) and scripts starting with a "use strict" directive.</summary>
    public bool Strict { get; set; }

    /// <summary>Text of a leading `#!` line without the `#!` (§12.5 Hashbang Comments), or null.</summary>
    public string? Hashbang { get; set; }

    /// <summary>Top-level `this`/`arguments`/await usage etc., same meaning as for functions.</summary>
    public FunctionFlags Flags { get; set; }

    /// <summary>Top-level declarations (var/function/lexical) and Annex B hoisted functions.</summary>
    public ScopeInfo? Scope { get; set; }

    /// <summary>The parsed source text (node offsets index into it).</summary>
    public string? SourceText { get; set; }

    /// <summary>File name given in the parser options (for stack traces).</summary>
    public string? FileName { get; set; }
}
