using DualEngine.Engine.Modules;
using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Modules;

namespace DualEngine.Engine.Compiler;

/// <summary>
/// Module code (§16.2.1.6): compiled into two functions over one scope analysis — the init code that
/// InitializeEnvironment runs (hoisted functions, uninitialized lexical bindings) and the body that
/// ExecuteModule runs (async when the module has top-level await).
/// </summary>
internal sealed partial class FunctionCompiler
{
    public static void CompileModule(Syntax.Ast.Program program, ModuleRecord module)
    {
        var analysis = ScopeAnalyzer.AnalyzeModule(program);
        var info = analysis.Functions[program];
        var scope = info.Scope;
        // Number the import bindings; LoadImport indexes the module's resolved cells with it.
        foreach (var entry in module.Info.ImportEntries)
        {
            if (entry.IsNamespace) continue;
            var b = scope.Find(entry.LocalName);
            if (b is null || b.Kind != BindingKind.Import || b.ImportIndex >= 0) continue;
            b.ImportIndex = module.ImportBindings.Count;
            module.ImportBindings.Add(entry);
        }
        var source = module.Source;
        var init = new FunctionCode
        {
            Name = "", FileName = module.Url, Kind = FunctionKind.Module, Strict = true,
            Source = source, SourceStart = 0, SourceEnd = source.Length, Module = module,
        };
        new FunctionCompiler(analysis, info, scope, init, source).CompileModuleInit(program);
        var body = new FunctionCode
        {
            Name = "", FileName = module.Url, Kind = FunctionKind.Module, Strict = true, IsAsync = module.HasTopLevelAwait,
            Source = source, SourceStart = 0, SourceEnd = source.Length, Module = module,
        };
        new FunctionCompiler(analysis, info, scope, body, source).CompileModuleBody(program);
        module.InitCode = init;
        module.BodyCode = body;
        module.EnvSize = scope.EnvSize;
        foreach (var b in scope.Ordered)
            if (b.EnvSlot >= 0) module.LocalSlots[b.Name] = b.EnvSlot;
    }

    /// <summary>Slots and registers of the module scope, shared by both compiled functions (allocation is deterministic).</summary>
    private void EnterModuleScope()
    {
        _returnRegister = _b.AllocRegister();
        AllocateScope(_scope);
        _envCount = _scope.HasEnv ? 1 : 0;
        _code.ParameterRegisters = 0;
    }

    /// <summary>InitializeEnvironment (§16.2.1.6.4) steps 21-24: lexical bindings start uninitialized, functions are instantiated.</summary>
    private void CompileModuleInit(Syntax.Ast.Program program)
    {
        EnterModuleScope();
        foreach (var b in _scope.Ordered)
        {
            if (b.Kind == BindingKind.This)
            {
                if (b.Captured) { _b.Emit(OpCode.LoadThisValue, 1); EmitInitialize(b); }
            }
            else if (b.Captured && b.NeedsTdz) { _b.Emit(OpCode.Hole, 1); EmitInitialize(b); }
        }
        var declarations = new List<Statement>(program.Body.Count);
        foreach (var s in program.Body)
        {
            if (s is ExportDefaultDeclaration { Declaration: FunctionDeclaration { Id: null } anonymous })
            {
                EmitClosure(anonymous, "default");
                EmitInitialize(ModuleRecordInfo.DefaultLocalName);
            }
            else declarations.Add(ScopeAnalyzer.ModuleItemDeclaration(s) ?? s);
        }
        EmitHoistedFunctions(declarations);
        _b.Emit(OpCode.Undefined, 1);
        _b.Emit(OpCode.Return, -1);
        _b.Finish(_code);
    }

    /// <summary>ExecuteModule (§16.2.1.6.5): the module's statements; `this` is undefined.</summary>
    private void CompileModuleBody(Syntax.Ast.Program program)
    {
        EnterModuleScope();
        var thisBinding = _scope.Find("this")!;
        if (!thisBinding.Captured) { _b.Emit(OpCode.LoadThisValue, 1); EmitInitialize(thisBinding); }
        if (_code.IsAsync) _b.Emit(OpCode.GeneratorStart, 0);
        foreach (var s in program.Body) CompileModuleItem(s);
        _b.Emit(OpCode.Undefined, 1);
        _b.Emit(OpCode.Return, -1);
        _b.Finish(_code);
    }

    private void CompileModuleItem(Statement s)
    {
        switch (s)
        {
            case ImportDeclaration or ExportAllDeclaration: break;
            case ExportNamedDeclaration named:
                if (named.Declaration is { } d) CompileStatement(d);
                break;
            case ExportDefaultDeclaration def:
                switch (def.Declaration)
                {
                    case FunctionDeclaration: break; // instantiated by the init code
                    case ClassDeclaration c:
                        _b.Position(c);
                        CompileClass(c, c.Id?.Name ?? "default");
                        EmitInitialize(c.Id?.Name ?? ModuleRecordInfo.DefaultLocalName);
                        break;
                    case Expression e:
                        // §16.2.3.7: `export default AssignmentExpression` — anonymous functions are named "default".
                        _b.Position(e);
                        CompileNamedExpression(e, "default");
                        EmitInitialize(ModuleRecordInfo.DefaultLocalName);
                        break;
                }
                break;
            default: CompileStatement(s); break;
        }
    }
}
