using DualEngine.Syntax.Modules;

namespace DualEngine.Engine.Modules;

/// <summary>
/// Linking (§16.2.1.5.2 Link / InnerModuleLinking) and export resolution (§16.2.1.6.2-3): connects each
/// import binding to the exporting module's environment slot and creates module namespace objects.
/// </summary>
internal static class ModuleLinker
{
    /// <summary>The [[BindingName]] of a ResolvedBinding that stands for the whole namespace (`export * as ns`).</summary>
    private const string NamespaceBinding = "*namespace*";

    private sealed record Resolution(ModuleRecord Module, string BindingName);
    private static readonly Resolution Ambiguous = new(null!, "*ambiguous*");

    /// <summary>Link() (§16.2.1.5.2): on failure every module of this attempt goes back to unlinked.</summary>
    public static void Link(ModuleRecord module)
    {
        var stack = new List<ModuleRecord>();
        try
        {
            InnerModuleLinking(module, stack, 0);
        }
        catch
        {
            foreach (var m in stack)
            {
                m.Status = ModuleStatus.Unlinked;
            }
            throw;
        }
    }

    private static int InnerModuleLinking(ModuleRecord module, List<ModuleRecord> stack, int index)
    {
        Throw.IfStackLow();
        if (module.Status is ModuleStatus.Linking or ModuleStatus.Linked or ModuleStatus.EvaluatingAsync or ModuleStatus.Evaluated
            or ModuleStatus.Evaluating) return index;
        module.Status = ModuleStatus.Linking;
        module.DfsIndex = module.DfsAncestorIndex = index++;
        stack.Add(module);
        foreach (var request in module.Info.RequestedModules)
        {
            var required = module.Loaded[request];
            index = InnerModuleLinking(required, stack, index);
            if (required.Status == ModuleStatus.Linking)
                module.DfsAncestorIndex = Math.Min(module.DfsAncestorIndex, required.DfsAncestorIndex);
        }
        InitializeEnvironment(module);
        if (module.DfsAncestorIndex == module.DfsIndex)
        {
            while (true)
            {
                var m = stack[^1];
                stack.RemoveAt(stack.Count - 1);
                m.Status = ModuleStatus.Linked;
                if (ReferenceEquals(m, module)) break;
            }
        }
        return index;
    }

    private static JsValue[] EnsureEnv(ModuleRecord module) => module.Env ??= Env.Create(module.EnvSize, null);

    /// <summary>InitializeEnvironment (§16.2.1.6.4).</summary>
    private static void InitializeEnvironment(ModuleRecord module)
    {
        foreach (var e in module.Info.IndirectExportEntries)
        {
            var resolution = ResolveExport(module, e.ExportName!, []);
            if (resolution is null || resolution == Ambiguous) ThrowResolution(module, e.ExportName!, resolution, e.ModuleRequest);
        }
        var env = EnsureEnv(module);
        if (module.IsJson) return;
        var cells = new ImportCell[module.ImportBindings.Count];
        for (int i = 0; i < cells.Length; i++)
        {
            var entry = module.ImportBindings[i];
            var imported = module.Loaded[entry.ModuleRequest];
            var resolution = ResolveExport(imported, entry.ImportName!, []);
            if (resolution is null || resolution == Ambiguous)
            {
                ThrowResolution(imported, entry.ImportName!, resolution, entry.ModuleRequest);
                return;
            }
            if (resolution.BindingName == NamespaceBinding)
            {
                var box = Env.Create(1, null);
                box[0] = JsValue.FromObject(GetNamespace(resolution.Module));
                cells[i] = new ImportCell(box, 0);
            }
            else cells[i] = new ImportCell(EnsureEnv(resolution.Module), resolution.Module.LocalSlots[resolution.BindingName]);
        }
        module.ImportCells = cells;
        // Functions and uninitialized lexical bindings (steps 21-24), then namespace imports (step 7.c).
        var realm = module.Realm;
        var frame = new Frame(module.InitCode!, null, realm) { This = JsValue.Undefined, Env = env };
        realm.Engine.CallDepth++;
        realm.Engine.Machine.Run(frame, out _);
        foreach (var entry in module.Info.ImportEntries)
            if (entry.IsNamespace)
                env[module.LocalSlots[entry.LocalName]] = JsValue.FromObject(GetNamespace(module.Loaded[entry.ModuleRequest]));
    }

    private static void ThrowResolution(ModuleRecord module, string name, Resolution? resolution, ModuleRequest? via)
    {
        string from = via is null ? module.Url : via.Specifier;
        Throw.SyntaxError(resolution is null
            ? $"The requested module '{from}' does not provide an export named '{name}'"
            : $"The requested module '{from}' contains conflicting star exports for name '{name}'");
    }

    /// <summary>ResolveExport (§16.2.1.6.3): null when not found (or circular), <see cref="Ambiguous"/> for conflicting star exports.</summary>
    private static Resolution? ResolveExport(ModuleRecord module, string exportName, List<(ModuleRecord, string)> resolveSet)
    {
        Throw.IfStackLow();
        foreach (var (m, n) in resolveSet)
            if (ReferenceEquals(m, module) && n == exportName) return null; // a circular import request
        resolveSet.Add((module, exportName));
        foreach (var e in module.Info.LocalExportEntries)
            if (e.ExportName == exportName) return new Resolution(module, e.LocalName!);
        foreach (var e in module.Info.IndirectExportEntries)
        {
            if (e.ExportName != exportName) continue;
            var imported = module.Loaded[e.ModuleRequest!];
            if (e.ImportName == ModuleRecordInfo.All) return new Resolution(imported, NamespaceBinding);
            return ResolveExport(imported, e.ImportName!, resolveSet);
        }
        // A default export is never provided by `export *` (step 7).
        if (exportName == "default") return null;
        Resolution? star = null;
        foreach (var e in module.Info.StarExportEntries)
        {
            var imported = module.Loaded[e.ModuleRequest!];
            var resolution = ResolveExport(imported, exportName, resolveSet);
            if (resolution == Ambiguous) return Ambiguous;
            if (resolution is null) continue;
            if (star is null) star = resolution;
            else if (!ReferenceEquals(resolution.Module, star.Module) || resolution.BindingName != star.BindingName) return Ambiguous;
        }
        return star;
    }

    /// <summary>GetExportedNames (§16.2.1.6.2).</summary>
    private static List<string> GetExportedNames(ModuleRecord module, HashSet<ModuleRecord> exportStarSet)
    {
        Throw.IfStackLow();
        var names = new List<string>();
        if (!exportStarSet.Add(module)) return names; // a circular `export *`
        foreach (var e in module.Info.LocalExportEntries) names.Add(e.ExportName!);
        foreach (var e in module.Info.IndirectExportEntries) names.Add(e.ExportName!);
        foreach (var e in module.Info.StarExportEntries)
            foreach (var n in GetExportedNames(module.Loaded[e.ModuleRequest!], exportStarSet))
                if (n != "default" && !names.Contains(n)) names.Add(n);
        return names;
    }

    /// <summary>GetModuleNamespace (§16.2.1.10): created once; names whose resolution is ambiguous are left out.</summary>
    public static ModuleNamespace GetNamespace(ModuleRecord module)
    {
        if (module.Namespace is { } existing) return existing;
        var bindings = new Dictionary<string, (JsValue[]? Env, int Slot, ModuleRecord? NamespaceOf)>();
        var names = new List<string>();
        foreach (var name in GetExportedNames(module, new HashSet<ModuleRecord>(ReferenceEqualityComparer.Instance)))
        {
            var resolution = ResolveExport(module, name, []);
            if (resolution is null || resolution == Ambiguous) continue;
            names.Add(name);
            bindings[name] = resolution.BindingName == NamespaceBinding
                ? (null, -1, resolution.Module)
                : (EnsureEnv(resolution.Module), resolution.Module.LocalSlots[resolution.BindingName], null);
        }
        names.Sort(string.CompareOrdinal);
        return module.Namespace = new ModuleNamespace(module, names.ToArray(), bindings);
    }
}
