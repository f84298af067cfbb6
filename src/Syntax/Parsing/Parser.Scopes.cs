using DualEngine.Syntax.Ast;

namespace DualEngine.Syntax.Parsing;

public sealed partial class Parser
{
    private bool Strict => _fn.Strict;

    // ----- reserved words (§13.1.1, §12.7.2) -------------------------------------------------

    private static readonly HashSet<string> ReservedWords = new()
    {
        "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
        "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in",
        "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof",
        "var", "void", "while", "with", "yield",
    };

    private static readonly HashSet<string> StrictReserved = new()
    {
        "implements", "interface", "let", "package", "private", "protected", "public", "static", "yield",
    };

    /// <summary>Always-reserved words (await/yield are handled by context).</summary>
    private static bool IsReservedWord(string name) => name != "await" && name != "yield" && ReservedWords.Contains(name);

    private bool InGenerator => _fn.Generator;

    /// <summary>[+Await]: module code, async function bodies and parameters.</summary>
    private bool InAsync => _fn.Async;

    /// <summary>Directly inside a class static block (arrow and ordinary functions are boundaries, §15.7.1).</summary>
    private bool InStaticBlock => _fn.Kind == FnKind.StaticBlock;

    /// <summary>
    /// Validates a name used as IdentifierReference, BindingIdentifier or LabelIdentifier (§13.1.1).
    /// </summary>
    private void CheckIdentifier(string name, int pos, bool binding)
    {
        if (IsReservedWord(name)) throw Error(pos, $"Unexpected reserved word '{name}'");
        if (Strict && StrictReserved.Contains(name)) throw Error(pos, $"Unexpected strict mode reserved word '{name}'");
        if (name == "yield" && (InGenerator || Strict))
            throw Error(pos, "'yield' is not a valid identifier here");
        if (name == "await" && (InAsync || _module || InStaticBlock))
            throw Error(pos, "'await' is not a valid identifier here");
        if (binding && Strict && (name == "eval" || name == "arguments"))
            throw Error(pos, $"Unexpected eval or arguments in strict mode");
        if (name == "arguments" && !binding) CheckArgumentsAllowed(pos);
    }

    /// <summary>
    /// `arguments` in class field initializers and static blocks is an early error (§15.7.1
    /// ContainsArguments); arrows inside them inherit the restriction.
    /// </summary>
    private void CheckArgumentsAllowed(int pos)
    {
        for (var f = _fn; f != null; f = f.Parent)
        {
            if (f.Kind is FnKind.FieldInit or FnKind.StaticBlock) throw Error(pos, "'arguments' is not allowed in class field initializer or static initialization block");
            if (f.Kind == FnKind.Program && (_opt.Eval?.InClassFieldInitializer ?? false))
                throw Error(pos, "'arguments' is not allowed in class field initializer or static initialization block");
            if (f.Kind != FnKind.Arrow) break;
        }
        MarkUse(FunctionFlags.UsesArguments);
    }

    /// <summary>Marks a this/arguments/super usage on the current function and on enclosing arrows' owner.</summary>
    private void MarkUse(FunctionFlags flag)
    {
        for (var f = _fn; f != null; f = f.Parent)
        {
            f.Flags |= flag;
            if (f.Kind != FnKind.Arrow) break;
        }
    }

    private void MarkEval()
    {
        for (var f = _fn; f != null; f = f.Parent) f.Flags |= FunctionFlags.UsesEval;
    }

    // ----- declarations ----------------------------------------------------------------------

    private void PushScope(ScopeKind kind) => _scope = new Scope(_scope, kind);

    private void PopScope() => _scope = _scope.Parent!;

    /// <summary>
    /// Declares a var-scoped name: hoists through enclosing blocks up to the function/script scope;
    /// conflicts with any lexical declaration on the way (§14.2.1.1, §15.2.1.1, §16.1.1).
    /// </summary>
    private void DeclareVar(string name, int pos, bool forOf = false)
    {
        for (var s = _scope; s != null; s = s.Parent)
        {
            if (s.TryGetLexical(name, out var k))
            {
                // Annex B.3.4: `catch (e) { var e; }` is allowed (also via for-of since ES2023).
                if (k != DeclKind.SimpleCatchParam)
                    throw Redeclared(name, pos);
            }
            s.AddVar(name);
            if (s.IsVarScope) { s.Record(name, BindingKind.Var); break; }
        }
    }

    /// <summary>A top-level function declaration in a function/script: var-like, but recorded in that scope only.</summary>
    private void DeclareTopLevelFunction(string name, int pos)
    {
        if (_scope.HasLexical(name)) throw Redeclared(name, pos);
        _scope.AddVar(name);
        _scope.Record(name, BindingKind.Function);
    }

    private void DeclareLexical(string name, int pos, DeclKind kind = DeclKind.Lexical, BindingKind binding = BindingKind.Let)
    {
        // §14.3.1.1: `let` is not a valid lexically bound name.
        if (name == "let" && kind == DeclKind.Lexical) throw Error(pos, "let is disallowed as a lexically bound name");
        var s = _scope;
        if (s.TryGetLexical(name, out var prev))
        {
            bool annexB = kind == DeclKind.SloppyBlockFunction && prev == DeclKind.SloppyBlockFunction;
            if (!annexB) throw Redeclared(name, pos);
        }
        if (s.HasVar(name)) throw Redeclared(name, pos);
        if (s.Params != null && s.Params.Contains(name)) throw Redeclared(name, pos);
        s.SetLexical(name, kind);
        s.Record(name, binding);
        if (kind == DeclKind.SloppyBlockFunction)
        {
            var vs = s.VarScope;
            (vs.AnnexBCandidates ??= new()).Add((name, s));
        }
    }

    /// <summary>Snapshot of a finished scope for the AST; null for blocks that declare nothing.</summary>
    private static ScopeInfo? ToInfo(Scope s, bool always = false)
    {
        if (!always && (s.Decls == null || s.Decls.Count == 0)) return null;
        return new ScopeInfo
        {
            Kind = s.Kind,
            Declarations = s.Decls ?? new Dictionary<string, BindingKind>(),
            AnnexBFunctions = AnnexBHoisted(s),
        };
    }

    /// <summary>
    /// Annex B.3.3.1 / B.3.3.2: a sloppy block function F is also var-declared in the enclosing
    /// function or script if replacing it with `var F` would not be an early error and F is not a parameter.
    /// </summary>
    private static IReadOnlyList<string> AnnexBHoisted(Scope varScope)
    {
        if (varScope.AnnexBCandidates == null) return Array.Empty<string>();
        var result = new List<string>();
        foreach (var (name, block) in varScope.AnnexBCandidates)
        {
            bool conflict = false;
            for (var p = block.Parent; p != null && p != varScope && !conflict; p = p.Parent)
                if (p.TryGetLexical(name, out var k) && k != DeclKind.SimpleCatchParam) conflict = true;
            if (varScope.HasLexical(name) || (varScope.Params?.Contains(name) ?? false)) conflict = true;
            if (!conflict && !result.Contains(name)) result.Add(name);
        }
        return result;
    }

    private JsSyntaxException Redeclared(string name, int pos) => Error(pos, $"Identifier '{name}' has already been declared");

    /// <summary>Collects BoundNames (§8.2.1) of a binding pattern.</summary>
    private static void BoundNames(Node? target, List<Identifier> into)
    {
        switch (target)
        {
            case Identifier id: into.Add(id); break;
            case ObjectPattern op:
                foreach (var p in op.Properties)
                    BoundNames(p is Property prop ? prop.Value : ((RestElement)p).Argument, into);
                break;
            case ArrayPattern ap:
                foreach (var e in ap.Elements) BoundNames(e, into);
                break;
            case RestElement re: BoundNames(re.Argument, into); break;
            case AssignmentPattern asg: BoundNames(asg.Left, into); break;
        }
    }

    private void DeclarePattern(Node target, VariableKind kind, bool forOf = false)
    {
        var names = new List<Identifier>();
        BoundNames(target, names);
        foreach (var id in names)
        {
            if (kind == VariableKind.Var) DeclareVar(id.Name, id.Start, forOf);
            else DeclareLexical(id.Name, id.Start, binding: kind switch
            {
                VariableKind.Const => BindingKind.Const,
                VariableKind.Using => BindingKind.Using,
                VariableKind.AwaitUsing => BindingKind.AwaitUsing,
                _ => BindingKind.Let,
            });
        }
    }
}
