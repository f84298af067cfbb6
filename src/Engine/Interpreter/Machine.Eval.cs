using DualEngine.Engine.Compiler;
using DualEngine.Syntax;
using DualEngine.Syntax.Parsing;

namespace DualEngine.Engine.Interpreter;

/// <summary>eval (§19.2.1.1 PerformEval): direct eval runs in the caller's environments, indirect eval globally.</summary>
internal sealed partial class Machine
{
    /// <summary>
    /// PerformEval. <paramref name="site"/> and <paramref name="caller"/> are null for indirect eval. The eval code
    /// gets its own frame whose environment chain continues the caller's current one (direct) or is empty (indirect).
    /// </summary>
    internal JsValue Eval(Realm realm, in JsValue x, EvalSite? site, Frame? caller)
    {
        if (!x.IsString) return x;
        if (StackSwitch.NeedsSwitch)
        {
            var self = this;
            var v = x;
            return StackSwitch.Run(() => self.Eval(realm, v, site, caller));
        }
        string source = x.AsString();
        var options = new ParserOptions { FileName = "<eval>", Strict = site?.Strict ?? false, Eval = site?.ParserContext() };
        FunctionCode code;
        try
        {
            code = ParseAndCompile(source, options, site);
        }
        catch (JsSyntaxException e) when (e.Description == "Code is too deeply nested")
        {
            // Deep in recursion the parser may run short of .NET stack on ordinary code: retry on a fresh stack.
            try
            {
                code = StackSwitch.Run(() => ParseAndCompile(source, options, site));
            }
            catch (JsSyntaxException deep)
            {
                return Throw.SyntaxErrorValue<JsValue>(deep.Description);
            }
        }
        var outerEnv = caller?.Env;
        var frame = new Frame(code, null, realm)
        {
            This = caller?.This ?? JsValue.FromObject(realm.GlobalObject),
            Env = code.FunctionEnvSize > 0 ? Interpreter.Env.Create(code.FunctionEnvSize, outerEnv) : outerEnv,
        };
        _engine.EnterCall();
        return Run(frame, out _);
    }

    private static FunctionCode ParseAndCompile(string source, ParserOptions options, EvalSite? site)
    {
        Syntax.Ast.Program program;
        try
        {
            program = Parser.ParseScript(source, options);
        }
        catch (JsSyntaxException e) when (e.Description != "Code is too deeply nested" || RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return Throw.SyntaxErrorValue<FunctionCode>(e.Description);
        }
        return FunctionCompiler.CompileEval(program, site, source);
    }

    /// <summary>DeclareEvalVar: EvalDeclarationInstantiation's var/function bindings of sloppy eval code (§19.2.1.3 steps 3, 8, 10, 16-17).</summary>
    private static void DeclareEvalVar(Realm realm, in JsValue holder, in PropertyKey name, int mode)
    {
        if (holder._ref is JsObject vars)
        {
            if (mode is 1 or 4 && !vars.HasOwnProperty(name))
                vars.DefineOwnProperty(name, PropertyDescriptor.Data(JsValue.Undefined, PropertyFlags.Default));
            return;
        }
        switch (mode)
        {
            case 0 or 2:
                if (realm.GlobalLexicals.ContainsKey(name.Name)) Throw.SyntaxError($"Identifier '{name}' has already been declared");
                if (mode == 2) realm.CheckCanDeclareGlobalFunction(name);
                else realm.CheckCanDeclareGlobalVar(name);
                break;
            case 3:
                // B.3.2.3 step ii.4: a block-level function's var only where a var could be made, without errors.
                if (!realm.GlobalLexicals.ContainsKey(name.Name) && realm.GlobalObject.IsExtensible()) realm.CreateGlobalVarBinding(name, deletable: true);
                break;
            case 4:
                realm.CreateGlobalFunctionBinding(name, deletable: true);
                break;
            default:
                realm.CreateGlobalVarBinding(name, deletable: true);
                break;
        }
    }
}
