namespace DualEngine.Syntax.Ast;

/// <summary>How a name is bound in a scope (§9.1 environment records, §8.2 declaration instantiation).</summary>
public enum BindingKind : byte { Var, Let, Const, Function, Class, Parameter, CatchParameter, Import, Using, AwaitUsing }

public enum ScopeKind : byte { Script, Module, Function, Block, Catch, StaticBlock }

/// <summary>
/// Names declared directly in one scope, as found by the parser's early-error checks. Attached to
/// Program, functions, arrows, static blocks, blocks, switch, for-heads and catch clauses
/// (null where nothing is declared in a block). Function scopes hold parameters, `var` names
/// (including those hoisted out of nested blocks) and top-level function and lexical declarations.
/// </summary>
public sealed class ScopeInfo
{
    public ScopeKind Kind { get; init; }

    /// <summary>name → kind. Var and function declarations appear only in the var scope that owns them.</summary>
    public IReadOnlyDictionary<string, BindingKind> Declarations { get; init; } = Empty;

    /// <summary>
    /// Annex B.3.3: sloppy-mode function declarations in blocks that also get a `var` binding in
    /// this function/script scope (assigned when the block's declaration is evaluated).
    /// </summary>
    public IReadOnlyList<string> AnnexBFunctions { get; init; } = Array.Empty<string>();

    private static readonly Dictionary<string, BindingKind> Empty = new();
}
