namespace DualEngine.Engine.Modules;

/// <summary>
/// Module evaluation with top-level await (§16.2.1.5.3 Evaluate, InnerModuleEvaluation and the async
/// module algorithms §16.2.1.5.3.1-4): dependencies run first in request order, a cycle completes as one
/// unit, and a module waiting on async dependencies runs when the last of them settles, in the order the
/// modules became async (their [[AsyncEvaluationOrder]]).
/// </summary>
internal static class ModuleEvaluator
{
    /// <summary>Evaluate() (§16.2.1.5.3): the promise of the module's (and its graph's) evaluation.</summary>
    public static JsPromise Evaluate(ModuleRecord module)
    {
        var realm = module.Realm;
        if (module.Status is ModuleStatus.EvaluatingAsync or ModuleStatus.Evaluated) module = module.CycleRoot ?? module;
        if (module.TopLevelCapability is { } existing) return existing;
        var stack = new List<ModuleRecord>();
        var capability = PromiseFunctions.NewPromise(realm);
        module.TopLevelCapability = capability;
        try
        {
            InnerModuleEvaluation(module, stack, 0);
        }
        catch (JsThrowable ex)
        {
            var error = ex.GetValue(realm);
            foreach (var m in stack)
            {
                m.Status = ModuleStatus.Evaluated;
                m.HasEvaluationError = true;
                m.EvaluationError = error;
            }
            capability.Reject(realm, error);
            return capability;
        }
        if (!module.AsyncEvaluation) capability.Fulfill(realm, JsValue.Undefined);
        return capability;
    }

    private static int InnerModuleEvaluation(ModuleRecord module, List<ModuleRecord> stack, int index)
    {
        Throw.IfStackLow();
        if (module.Status is ModuleStatus.EvaluatingAsync or ModuleStatus.Evaluated)
        {
            if (module.HasEvaluationError) throw new JsThrowable(module.EvaluationError);
            return index;
        }
        if (module.Status == ModuleStatus.Evaluating) return index;
        module.Status = ModuleStatus.Evaluating;
        module.DfsIndex = module.DfsAncestorIndex = index++;
        module.PendingAsyncDependencies = 0;
        stack.Add(module);
        foreach (var request in module.Info.RequestedModules)
        {
            var required = module.Loaded[request];
            index = InnerModuleEvaluation(required, stack, index);
            if (required.Status == ModuleStatus.Evaluating)
                module.DfsAncestorIndex = Math.Min(module.DfsAncestorIndex, required.DfsAncestorIndex);
            else
            {
                required = required.CycleRoot ?? required;
                if (required.HasEvaluationError) throw new JsThrowable(required.EvaluationError);
            }
            if (required.AsyncEvaluation)
            {
                module.PendingAsyncDependencies++;
                required.AsyncParentModules.Add(module);
            }
        }
        if (module.PendingAsyncDependencies > 0 || module.HasTopLevelAwait)
        {
            module.AsyncEvaluation = true;
            module.AsyncEvaluationOrder = ++module.Realm.ModuleAsyncEvaluationCount;
            if (module.PendingAsyncDependencies == 0) ExecuteAsyncModule(module);
        }
        else ExecuteModule(module);
        if (module.DfsAncestorIndex == module.DfsIndex)
        {
            while (true)
            {
                var m = stack[^1];
                stack.RemoveAt(stack.Count - 1);
                m.Status = m.AsyncEvaluation ? ModuleStatus.EvaluatingAsync : ModuleStatus.Evaluated;
                m.CycleRoot = module;
                if (ReferenceEquals(m, module)) break;
            }
        }
        return index;
    }

    /// <summary>ExecuteModule (§16.2.1.6.5) of a module without top-level await: runs its body synchronously.</summary>
    private static void ExecuteModule(ModuleRecord module)
    {
        if (module.IsJson)
        {
            module.Env![0] = module.JsonValue; // SetSyntheticModuleExport (§16.2.1.7.2)
            return;
        }
        var realm = module.Realm;
        var frame = new Frame(module.BodyCode!, null, realm) { This = JsValue.Undefined, Env = module.Env };
        realm.Engine.CallDepth++;
        realm.Engine.Machine.Run(frame, out _);
    }

    /// <summary>ExecuteAsyncModule (§16.2.1.5.3.1): runs the body as an async function and continues the graph when it settles.</summary>
    private static void ExecuteAsyncModule(ModuleRecord module)
    {
        var realm = module.Realm;
        var frame = new Frame(module.BodyCode!, null, realm) { This = JsValue.Undefined, Env = module.Env };
        var promise = realm.Engine.Machine.StartModuleBody(frame);
        PromiseFunctions.PerformThenNative(realm, promise, (value, rejected) =>
        {
            if (rejected) AsyncModuleExecutionRejected(module, value);
            else AsyncModuleExecutionFulfilled(module);
        });
    }

    /// <summary>GatherAvailableAncestors (§16.2.1.5.3.2): parents whose last pending dependency just finished.</summary>
    private static void GatherAvailableAncestors(ModuleRecord module, List<ModuleRecord> execList)
    {
        foreach (var m in module.AsyncParentModules)
        {
            if (execList.Contains(m) || (m.CycleRoot ?? m).HasEvaluationError) continue;
            if (--m.PendingAsyncDependencies == 0)
            {
                execList.Add(m);
                if (!m.HasTopLevelAwait) GatherAvailableAncestors(m, execList);
            }
        }
    }

    /// <summary>AsyncModuleExecutionFulfilled (§16.2.1.5.3.3).</summary>
    private static void AsyncModuleExecutionFulfilled(ModuleRecord module)
    {
        if (module.Status == ModuleStatus.Evaluated) return; // already failed through another path
        module.AsyncEvaluation = false;
        module.Status = ModuleStatus.Evaluated;
        var realm = module.Realm;
        module.TopLevelCapability?.Fulfill(realm, JsValue.Undefined);
        var execList = new List<ModuleRecord>();
        GatherAvailableAncestors(module, execList);
        execList.Sort((a, b) => a.AsyncEvaluationOrder.CompareTo(b.AsyncEvaluationOrder));
        foreach (var m in execList)
        {
            if (m.Status == ModuleStatus.Evaluated) continue;
            if (m.HasTopLevelAwait)
            {
                ExecuteAsyncModule(m);
                continue;
            }
            try
            {
                ExecuteModule(m);
            }
            catch (JsThrowable ex)
            {
                AsyncModuleExecutionRejected(m, ex.GetValue(realm));
                continue;
            }
            m.AsyncEvaluation = false;
            m.Status = ModuleStatus.Evaluated;
            m.TopLevelCapability?.Fulfill(realm, JsValue.Undefined);
        }
    }

    /// <summary>AsyncModuleExecutionRejected (§16.2.1.5.3.4): the error propagates to every waiting parent.</summary>
    private static void AsyncModuleExecutionRejected(ModuleRecord module, JsValue error)
    {
        Throw.IfStackLow();
        if (module.Status == ModuleStatus.Evaluated) return;
        module.HasEvaluationError = true;
        module.EvaluationError = error;
        module.Status = ModuleStatus.Evaluated;
        module.AsyncEvaluation = false;
        // The module's own capability first, then its parents (the order ES2025 specifies, so importers see it in graph order).
        module.TopLevelCapability?.Reject(module.Realm, error);
        foreach (var m in module.AsyncParentModules) AsyncModuleExecutionRejected(m, error);
    }
}
