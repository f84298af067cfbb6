using DualEngine.Engine.Modules;
using DualEngine.Syntax;

namespace DualEngine.Engine;

/// <summary>ES modules (§16.2): the module map of this realm and the host entry point.</summary>
public sealed partial class Realm
{
    /// <summary>Resolves and loads modules for static imports, import() and import.meta. Without one, imports fail with a TypeError.</summary>
    public IModuleHost? ModuleHost { get; set; }

    /// <summary>The realm's module map: one record per (URL, type), whatever specifier reached it (§16.2.1.8 requirement).</summary>
    internal readonly Dictionary<string, ModuleRecord> ModuleMap = new();
    /// <summary>Source of [[AsyncEvaluationOrder]] values (§16.2.1.5.3 step 12).</summary>
    internal long ModuleAsyncEvaluationCount;

    /// <summary>
    /// Loads (via <see cref="ModuleHost"/>), links and evaluates the module graph rooted at <paramref name="url"/>
    /// (the main module: import.meta.main is true). Returns the evaluation promise, which settles later when the
    /// graph uses top-level await (run <see cref="RunMicrotasks"/>).
    /// Errors before evaluation — the host failing to resolve or load a module, a syntax error in any module of the
    /// static graph, a missing or ambiguous import — throw <see cref="JsEngineException"/> synchronously (as V8 does
    /// for the entry graph); errors thrown while evaluating reject the returned promise.
    /// </summary>
    public JsValue EvaluateModule(string url)
    {
        return HostEntry(() =>
        {
            ModuleRecord module;
            try
            {
                module = ModuleLoader.LoadGraph(this, url, null, null);
            }
            catch (JsSyntaxException e)
            {
                string file = e.FileName ?? url;
                throw new JsEngineException("SyntaxError", e.Description, $"SyntaxError: {e.Description}\n    at {file}:{e.Line}:{e.Column}",
                    file, e.Line, e.Column, JsValue.Undefined, isErrorObject: true, isTermination: false);
            }
            module.IsMain = true;
            ModuleLinker.Link(module);
            return JsValue.FromObject(ModuleEvaluator.Evaluate(module));
        });
    }
}
