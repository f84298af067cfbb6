using DualEngine.Abstractions.Engines;
using DualEngine.Backends.Managed;
using DualEngine.Backends.V8;

namespace DualEngine.Test262.Host;

/// <summary>
/// The engines the runner knows, each with the script that gives the test262 host its
/// engine-specific capabilities.
/// </summary>
public static class Engines
{
    public static readonly string[] Names = ["v8", "managed"];

    /// <summary>Creates the engine, or returns null with the reason it is unavailable.</summary>
    public static IJsEngine? Create(string name, out string? unavailable, out string hostScript)
    {
        unavailable = null;
        hostScript = "";
        switch (name)
        {
            case "v8":
                // --allow-natives-syntax: %ArrayBufferDetach and %CollectGarbage for $262.detachArrayBuffer and $262.gc.
                hostScript = ReadResource("host-v8.js");
                return new V8Engine(snapshotPath: null, v8Flags: "--allow-natives-syntax");
            case "managed":
                hostScript = ReadResource("host-managed.js");
                return new ManagedEngine();
            default:
                unavailable = $"unknown engine \"{name}\"; expected one of {string.Join(", ", Names)}";
                return null;
        }
    }

    public static string ReadResource(string name)
    {
        using var stream = typeof(Engines).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"missing embedded resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
