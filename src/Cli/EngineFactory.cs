using DualEngine.Abstractions.Engines;
using DualEngine.Backends.V8;

namespace DualEngine.Cli;

/// <summary>Creates the engine named on the command line.</summary>
internal static class EngineFactory
{
    /// <summary>The startup snapshot made at build time, beside the executable.</summary>
    public static string SnapshotPath => Path.Combine(AppContext.BaseDirectory, "dualrt.snapshot");

    public static IJsEngine Create(string name, bool useSnapshot) => name switch
    {
        "v8" => new V8Engine(useSnapshot ? SnapshotPath : null),
        "managed" => throw new CliException("the managed engine is not available yet (issue: managed engine); use --engine v8"),
        _ => throw new CliException($"unknown engine \"{name}\"; expected v8 or managed"),
    };
}

/// <summary>A usage error: printed as "error: ..." with exit code 1, like Deno's flag errors.</summary>
internal sealed class CliException(string message) : Exception(message);
