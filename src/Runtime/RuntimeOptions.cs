using DualEngine.Abstractions.Modules;
using DualEngine.Runtime.EventLoop;
using DualEngine.Runtime.Extensions;
using DualEngine.Runtime.Permissions;

namespace DualEngine.Runtime;

/// <summary>How to build and run a <see cref="JsRuntime"/>.</summary>
public sealed class RuntimeOptions
{
    /// <summary>Deno.args.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Extensions added after the builtin ones (see examples/custom-extension).</summary>
    public IReadOnlyList<Extension> Extensions { get; init; } = [];

    /// <summary>Where console output goes; the process's streams by default.</summary>
    public Stdio? Stdio { get; init; }

    public IModuleLoader? ModuleLoader { get; init; }

    /// <summary>What the program may touch (Deno's --allow-*/--deny-* flags). Default: nothing, no prompt.</summary>
    public PermissionContainer? Permissions { get; init; }

    /// <summary>Heap limit for the realm; exceeding it ends the program with an out-of-memory error.</summary>
    public long? HeapLimitBytes { get; init; }

    /// <summary>Wall-clock limit for the whole run; exceeding it terminates the script.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Debug log lines (e.g. whether the startup snapshot was used), for --log-level debug.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>The runtime's own version, shown as Deno.version.deno.</summary>
    public string Version { get; init; } = typeof(RuntimeOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
