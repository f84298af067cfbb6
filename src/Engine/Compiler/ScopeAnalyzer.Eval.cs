using DualEngine.Syntax.Ast;

namespace DualEngine.Engine.Compiler;

/// <summary>Scope analysis of eval code (§19.2.1.1 PerformEval, §19.2.1.3 EvalDeclarationInstantiation).</summary>
internal sealed partial class ScopeAnalyzer
{
    /// <summary>
    /// Analyzes eval code against the scope chain of its call site (<paramref name="outer"/>, null for indirect eval):
    /// names resolve statically into the caller's environments, which scope analysis of the caller kept in
    /// environments because it saw the direct eval. Lexical declarations are local to the eval; vars are local
    /// only in strict eval code, otherwise they belong to the caller's var scope (declared at run time).
    /// </summary>
    public static ScopeAnalysis AnalyzeEval(Syntax.Ast.Program program, Scope? outer, FunctionInfo? outerFunction)
    {
        var analyzer = new ScopeAnalyzer();
        analyzer.VisitEval(program, outer, outerFunction);
        analyzer.CaptureForEval();
        analyzer.CopyImmutableCaptures();
        return analyzer._result;
    }

    private void VisitEval(Syntax.Ast.Program program, Scope? outer, FunctionInfo? outerFunction)
    {
        bool strict = program.Strict;
        // Eval code has no this/arguments/new.target of its own: like an arrow, it sees the caller's.
        _fn = new FunctionInfo(program, outerFunction, isArrow: outerFunction is not null) { Strict = strict };
        _scope = new Scope(ScopeKind.Function, outer, _fn) { IsSloppyEval = !strict };
        _fn.Scope = _scope;
        _result.Scopes[program] = _scope;
        _result.Functions[program] = _fn;
        if (outer is null) _scope.Declare("this", BindingKind.This);
        if (strict)
        {
            HoistVars(program.Body, _scope);
            DeclareLexical(program.Body, _scope);
        }
        else
        {
            foreach (var s in program.Body)
            {
                switch (Unlabel(s))
                {
                    case VariableDeclaration { DeclarationKind: not VariableKind.Var } v:
                        var kind = v.DeclarationKind == VariableKind.Const ? BindingKind.Const : BindingKind.Let;
                        foreach (var d in v.Declarations) DeclarePatternIn(d.Id, kind, _scope);
                        break;
                    case ClassDeclaration { Id: { } id }:
                        _scope.Declare(id.Name, BindingKind.Class);
                        break;
                }
            }
        }
        foreach (var s in program.Body) VisitStatement(s);
    }

    /// <summary>VarDeclaredNames of sloppy eval code plus its top-level function names (§19.2.1.3 steps 8-10).</summary>
    public static List<string> EvalVarNames(Syntax.Ast.Program program)
    {
        var info = new FunctionInfo(program, null, false);
        var scope = new Scope(ScopeKind.Script, null, info);
        HoistVars(program.Body, scope);
        foreach (var s in program.Body)
            if (Unlabel(s) is FunctionDeclaration { Id: { } id }) scope.Declare(id.Name, BindingKind.Function);
        return scope.Ordered.ConvertAll(b => b.Name);
    }
}
