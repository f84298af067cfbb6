using DualEngine.Abstractions.Engines;
using DualEngine.Backends.Managed;
using DualEngine.Backends.V8;

namespace DualEngine.Cli;

/// <summary>Creates the engine named on the command line.</summary>
internal static class EngineFactory
{
    /// <summary>The startup snapshot made at build time, beside the executable.</summary>
    public static string SnapshotPath => Path.Combine(AppContext.BaseDirectory, "dualrt.snapshot");

    /// <summary>Whether the command line names the managed engine (read before parsing, to skip preloading V8).</summary>
    public static bool ManagedRequested(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--engine=managed" || (args[i] == "--engine" && i + 1 < args.Length && args[i + 1] == "managed")) return true;
        }
        return false;
    }

    public static IJsEngine Create(string name, bool useSnapshot) => name switch
    {
        // dualrt exits as soon as its runtime is disposed: no isolate teardown first (output is flushed by then).
        "v8" => new V8Engine(useSnapshot ? SnapshotPath : null) { LeaveIsolatesAtExit = true },
        "managed" => new ManagedEngine(),  // no snapshot: it evaluates the bootstrap sources on start
        _ => throw new CliException($"unknown engine \"{name}\"; expected v8 or managed"),
    };
}

/// <summary>A usage error: printed as "error: ..." with exit code 1, like Deno's flag errors.</summary>
internal sealed class CliException(string message) : Exception(message);
