using DualEngine.Engine.Compiler;
using DualEngine.Syntax.Modules;

namespace DualEngine.Engine.Modules;

/// <summary>[[Status]] of a Cyclic Module Record (§16.2.1.5, Table 43).</summary>
internal enum ModuleStatus : byte { New, Unlinked, Linking, Linked, Evaluating, EvaluatingAsync, Evaluated }

/// <summary>
/// A Source Text Module Record (§16.2.1.6) — or, with <see cref="IsJson"/>, a Synthetic Module Record for
/// a JSON module (§16.2.1.7) whose only export is "default". Its bindings live in <see cref="Env"/>: the
/// compiler gave every module-level name a slot, so an importer reads the exporter's slot directly
/// (live bindings, no name lookups at run time).
/// </summary>
internal sealed class ModuleRecord(Realm realm, string url)
{
    public Realm Realm { get; } = realm;
    public string Url { get; } = url;
    public bool IsJson;
    public bool IsMain;
    public ModuleRecordInfo Info = null!;
    /// <summary>JSON modules: the parsed value (§16.2.1.7.1 ParseJSONModule), bound at evaluation.</summary>
    public JsValue JsonValue;
    public string Source = "";

    /// <summary>[[LoadedModules]]: what each ModuleRequest of <see cref="ModuleRecordInfo.RequestedModules"/> resolved to.</summary>
    public readonly Dictionary<ModuleRequest, ModuleRecord> Loaded = new();
    /// <summary>Where each request's specifier is in the source (1-based), for the host's Resolve and for errors.</summary>
    public readonly Dictionary<string, (int Line, int Column)> RequestPositions = new();

    /// <summary>Creates the functions and uninitialized bindings (InitializeEnvironment §16.2.1.6.4 steps 21-24).</summary>
    public FunctionCode? InitCode;
    /// <summary>The module body (ExecuteModule §16.2.1.6.5); async when the module has top-level await.</summary>
    public FunctionCode? BodyCode;
    /// <summary>Env slot of each module-level binding, by local name (for export resolution).</summary>
    public Dictionary<string, int> LocalSlots = new();
    /// <summary>Import bindings in the order the compiler numbered them (operand of LoadImport).</summary>
    public List<ImportEntry> ImportBindings = new();
    public int EnvSize;

    public JsValue[]? Env;
    /// <summary>Resolved import bindings: the exporter's environment and slot (§16.2.1.6.4 step 7.d).</summary>
    public ImportCell[] ImportCells = [];

    public ModuleStatus Status;
    public JsValue EvaluationError;
    public bool HasEvaluationError;
    public int DfsIndex = -1, DfsAncestorIndex = -1;
    public ModuleRecord? CycleRoot;
    public bool HasTopLevelAwait;
    /// <summary>[[AsyncEvaluation]] is true while this is non-zero; the order in which modules became async-evaluating.</summary>
    public long AsyncEvaluationOrder;
    public bool AsyncEvaluation;
    public JsPromise? TopLevelCapability;
    public readonly List<ModuleRecord> AsyncParentModules = new();
    public int PendingAsyncDependencies;

    public ModuleNamespace? Namespace;
    public JsObject? ImportMeta;

    public override string ToString() => Url;
}

/// <summary>A resolved import binding: slot <see cref="Slot"/> of the exporting module's environment.</summary>
internal readonly record struct ImportCell(JsValue[] Env, int Slot);
