using DualEngine.Abstractions.Modules;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Abstractions.Engines;

/// <summary>Everything a realm needs from the runtime at creation.</summary>
public sealed class RealmOptions
{
    /// <summary>The ops exposed to JS as <c>__core.ops.&lt;name&gt;</c>, in a fixed order (the order is part of the snapshot's identity).</summary>
    public IReadOnlyList<OpDescriptor> Ops { get; init; } = [];

    /// <summary>Per-realm state handed to every op call.</summary>
    public OpState State { get; init; } = new();

    /// <summary>Bootstrap scripts evaluated in order before user code (the runtime's JS). A backend may take them from a startup snapshot.</summary>
    public IReadOnlyList<ScriptSource> Bootstrap { get; init; } = [];

    /// <summary>Resolves and loads ES modules for static and dynamic imports.</summary>
    public IModuleLoader? ModuleLoader { get; init; }

    /// <summary>Heap limit in bytes; reaching it terminates the script with an out-of-memory error instead of aborting. Null: engine default.</summary>
    public long? HeapLimitBytes { get; init; }

    /// <summary>Emits diagnostic lines (e.g. "snapshot loaded"); null for silence.</summary>
    public Action<string>? Log { get; init; }
}

/// <summary>A named piece of source text.</summary>
public sealed record ScriptSource(string Name, string Source);
