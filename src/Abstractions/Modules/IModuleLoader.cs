namespace DualEngine.Abstractions.Modules;

/// <summary>
/// The host side of ES module loading (ECMA-262 §16.2.1.8 HostLoadImportedModule), supplied by the runtime.
/// Errors are <see cref="Ops.OpError"/> (e.g. class "NotFound" for a missing module, naming specifier and referrer).
/// </summary>
public interface IModuleLoader
{
    /// <summary>Turns <paramref name="specifier"/>, imported from <paramref name="referrer"/> (a URL, or null for the main module), into an absolute URL.</summary>
    string Resolve(string specifier, string? referrer);

    /// <summary>Loads the module at an absolute URL. <paramref name="type"/> is the import attribute "type" ("json") or null.</summary>
    ModuleSource Load(string url, string? type);
}

public enum ModuleKind { JavaScript, Json }

/// <summary>A loaded module: its URL, kind and source text (already transpiled when it was TypeScript).</summary>
public sealed record ModuleSource(string Url, ModuleKind Kind, string Source);
