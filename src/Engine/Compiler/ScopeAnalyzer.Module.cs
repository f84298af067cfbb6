using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Modules;

namespace DualEngine.Engine.Compiler;

/// <summary>Scope analysis of module code (§16.2.1.6.4 InitializeEnvironment's bindings).</summary>
internal sealed partial class ScopeAnalyzer
{
    /// <summary>
    /// Analyzes a module: every module-level name (vars, functions, let/const/class, namespace imports and
    /// the hidden `*default*`) is declared in the module scope and lives in the module environment, which
    /// other modules read by slot; named imports are <see cref="BindingKind.Import"/> indirections.
    /// </summary>
    public static ScopeAnalysis AnalyzeModule(Syntax.Ast.Program program)
    {
        var analyzer = new ScopeAnalyzer();
        analyzer.VisitModule(program);
        analyzer.CaptureForEval();
        analyzer.CopyImmutableCaptures();
        return analyzer._result;
    }

    private void VisitModule(Syntax.Ast.Program program)
    {
        _fn = new FunctionInfo(program, null, false) { Strict = true };
        _scope = new Scope(ScopeKind.Function, null, _fn);
        _fn.Scope = _scope;
        _result.Scopes[program] = _scope;
        _result.Functions[program] = _fn;
        _scope.Declare("this", BindingKind.This);
        var body = new List<Statement>(program.Body.Count);
        foreach (var s in program.Body) body.Add(ModuleItemDeclaration(s) ?? s);
        foreach (var s in program.Body)
        {
            if (s is not ImportDeclaration imp) continue;
            foreach (var spec in imp.Specifiers)
            {
                switch (spec)
                {
                    case ImportNamespaceSpecifier ns: _scope.Declare(ns.Local.Name, BindingKind.Const); break;
                    case ImportDefaultSpecifier d: _scope.Declare(d.Local.Name, BindingKind.Import); break;
                    case ImportSpecifier i: _scope.Declare(i.Local.Name, BindingKind.Import); break;
                }
            }
        }
        HoistVars(body, _scope);
        DeclareLexical(body, _scope);
        foreach (var s in program.Body)
        {
            if (s is not ExportDefaultDeclaration def) continue;
            switch (def.Declaration)
            {
                case FunctionDeclaration { Id: null }: _scope.Declare(ModuleRecordInfo.DefaultLocalName, BindingKind.Function); break;
                case ClassDeclaration { Id: null }: _scope.Declare(ModuleRecordInfo.DefaultLocalName, BindingKind.Class); break;
                case FunctionDeclaration or ClassDeclaration: break;
                default: _scope.Declare(ModuleRecordInfo.DefaultLocalName, BindingKind.Const); break;
            }
        }
        foreach (var s in program.Body) VisitStatement(s);
        // Module bindings are shared with importers by environment slot, so all of them live in the environment.
        foreach (var b in _scope.Ordered)
        {
            if (b.Kind == BindingKind.Import) b.Captured = false;
            else if (b.Kind != BindingKind.This) b.Captured = true;
        }
    }

    /// <summary>The declaration inside `export ...` / `export default function/class`, which hoists like a plain one.</summary>
    internal static Statement? ModuleItemDeclaration(Statement s) => s switch
    {
        ExportNamedDeclaration { Declaration: { } d } => d,
        ExportDefaultDeclaration { Declaration: FunctionDeclaration { Id: not null } f } => f,
        ExportDefaultDeclaration { Declaration: ClassDeclaration { Id: not null } c } => c,
        _ => null,
    };
}
