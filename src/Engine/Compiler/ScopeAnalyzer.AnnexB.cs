using DualEngine.Syntax.Ast;

namespace DualEngine.Engine.Compiler;

/// <summary>
/// Block-level functions in sloppy code, the web-compatibility semantics of Annex B.3.2 (B.3.3 in editions before
/// 2024): a function declared in a block (or as an if clause, B.3.4) is block-scoped, and also assigned to a var of the
/// same name in the enclosing function (or a global var in a script) when its declaration is evaluated, unless a `var`
/// there would be an early error. So `if (x) { function f() {} } f();` works as every browser and node run it. Sloppy
/// eval code (B.3.2.3) is handled when the eval is compiled, against its caller's scopes (FunctionCompiler.Eval).
/// </summary>
internal sealed partial class ScopeAnalyzer
{
    /// <summary>
    /// B.3.2.1 / B.3.2.2 for a sloppy function body or script: declares the var of each hoistable block-level function
    /// in <paramref name="varScope"/> (null: a script, whose vars are global) and records it for the compiler.
    /// </summary>
    private void DeclareBlockFunctionVars(List<Statement> body, Scope? varScope, IReadOnlyCollection<string> parameterNames)
    {
        foreach (var f in HoistableBlockFunctions(body, parameterNames))
        {
            string name = f.Id!.Name;
            _result.BlockFunctionVars[f] = varScope is null ? null : varScope.Find(name) ?? varScope.Declare(name, BindingKind.Var);
        }
    }

    /// <summary>
    /// The function declarations directly in a block, case clause or if clause of <paramref name="body"/> (not in nested
    /// functions) that replacing with `var F` would not make an early error (B.3.2.1 step 29.a.ii): no let, const,
    /// class or other block-level declaration of F in an enclosing block, loop head or pattern catch parameter, nor
    /// at the top level; F is not a parameter and not "arguments". Generators and async functions are not included.
    /// </summary>
    internal static List<FunctionDeclaration> HoistableBlockFunctions(List<Statement> body, IReadOnlyCollection<string> parameterNames)
    {
        var found = new List<FunctionDeclaration>();
        // At the top level functions are var-scoped: only let, const and class (and the parameters) stand in the way.
        var top = new HashSet<string>(parameterNames) { "arguments" };
        top.UnionWith(LexicalNameCounts(body, withFunctions: false).Keys);
        var enclosing = new List<HashSet<string>> { top };
        foreach (var s in body) Walk(s);
        return found;

        void Walk(Statement? s)
        {
            switch (s)
            {
                case BlockStatement b: Block(b.Body); break;
                case IfStatement i: Clause(i.Consequent); Clause(i.Alternate); break;
                case ForStatement f:
                    Scoped(f.Init is VariableDeclaration { DeclarationKind: not VariableKind.Var } v ? v : null, f.Body);
                    break;
                case ForInStatement fi: Scoped(fi.Left is VariableDeclaration { DeclarationKind: not VariableKind.Var } inLeft ? inLeft : null, fi.Body); break;
                case ForOfStatement fo: Scoped(fo.Left is VariableDeclaration { DeclarationKind: not VariableKind.Var } ofLeft ? ofLeft : null, fo.Body); break;
                case WhileStatement w: Walk(w.Body); break;
                case DoWhileStatement dw: Walk(dw.Body); break;
                case LabeledStatement labeled: Walk(labeled.Body); break;
                case WithStatement with: Walk(with.Body); break;
                case TryStatement t:
                    Walk(t.Block);
                    if (t.Handler is { } h)
                    {
                        // `var e` may redeclare a simple catch parameter (B.3.4), not one bound by a pattern.
                        Scoped(h.Param is Identifier ? null : h.Param, h.Body);
                    }
                    Walk(t.Finalizer);
                    break;
                case SwitchStatement sw:
                    Block(sw.Cases.SelectMany(c => c.Consequent).ToList());
                    break;
            }
        }

        // An if clause that is a function declaration is treated as if it were in a block of its own (B.3.4).
        void Clause(Statement? s)
        {
            if (s is FunctionDeclaration f) Block([f]);
            else Walk(s);
        }

        void Scoped(Node? declaration, Statement body)
        {
            if (declaration is null) { Walk(body); return; }
            enclosing.Add(BoundIdentifiers(declaration).Select(id => id.Name).ToHashSet());
            Walk(body);
            enclosing.RemoveAt(enclosing.Count - 1);
        }

        void Block(List<Statement> statements)
        {
            var counts = LexicalNameCounts(statements, withFunctions: true);
            foreach (var s in statements)
                if (s is FunctionDeclaration { Id: { } id, Generator: false, Async: false } f && counts[id.Name] == 1
                    && !enclosing.Exists(names => names.Contains(id.Name)))
                    found.Add(f);
            enclosing.Add(counts.Keys.ToHashSet());
            foreach (var s in statements) Walk(s);
            enclosing.RemoveAt(enclosing.Count - 1);
        }
    }

    /// <summary>
    /// LexicallyDeclaredNames (§8.2.4) of a statement list, each with how often it is declared there: let, const and
    /// class, and block-level functions when <paramref name="withFunctions"/>.
    /// </summary>
    private static Dictionary<string, int> LexicalNameCounts(List<Statement> statements, bool withFunctions)
    {
        var counts = new Dictionary<string, int>();
        foreach (var s in statements)
        {
            switch (Unlabel(s))
            {
                case VariableDeclaration { DeclarationKind: not VariableKind.Var } v:
                    foreach (var id in BoundIdentifiers(v)) counts[id.Name] = counts.GetValueOrDefault(id.Name) + 1;
                    break;
                case ClassDeclaration { Id: { } cid }: counts[cid.Name] = counts.GetValueOrDefault(cid.Name) + 1; break;
                case FunctionDeclaration { Id: { } fid } when withFunctions: counts[fid.Name] = counts.GetValueOrDefault(fid.Name) + 1; break;
            }
        }
        return counts;
    }

    /// <summary>
    /// The statement to analyze and compile for an if clause: a function declaration there is wrapped in a block of its
    /// own (B.3.4), the same block object for both.
    /// </summary>
    private Statement? IfClause(Statement? clause)
    {
        if (clause is not FunctionDeclaration f) return clause;
        if (!_result.ClauseBlocks.TryGetValue(f, out var block))
        {
            block = new BlockStatement { Body = [f], Start = f.Start, End = f.End, Line = f.Line, Column = f.Column };
            _result.ClauseBlocks[f] = block;
        }
        return block;
    }
}
