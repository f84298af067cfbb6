using DualEngine.Abstractions.Modules;
using DualEngine.Engine;

namespace DualEngine.Backends.Managed;

/// <summary>
/// The engine's <see cref="IModuleHost"/> over the runtime's <see cref="IModuleLoader"/>, with V8's observable
/// behaviour (src/Backends.V8/native/modules.cc): every loader failure is a TypeError; a static import that cannot
/// be loaded names the importing statement ("...\n    at file:///main.js:1:8", as Deno prints it); invalid JSON in a
/// JSON module is a SyntaxError naming the module; import.meta has url, main, filename, dirname and resolve.
/// </summary>
internal sealed class ManagedModuleHost(ManagedRealm owner, IModuleLoader? loader) : IModuleHost
{
    // The engine resolves a request, then loads it: the last resolve says which statement a failed load came from.
    private (string? Referrer, int Line, int Column) _request;

    /// <summary>The first module evaluated through IRealm.EvaluateModule: import.meta.main is true only for it.</summary>
    public string? MainUrl { get; set; }

    public string Resolve(string specifier, string? referrer, int line, int column)
    {
        _request = (referrer, line, column);
        return Resolve(specifier, referrer);
    }

    private string Resolve(string specifier, string? referrer)
    {
        if (loader is null) throw new ModuleHostException("TypeError", "Module loading is not available in this realm");
        try
        {
            return loader.Resolve(specifier, referrer);
        }
        catch (Exception ex) when (ex is not ModuleHostException)
        {
            throw new ModuleHostException("TypeError", ex.Message);
        }
    }

    public ModuleText Load(string url, string? type)
    {
        if (loader is null) throw new ModuleHostException("TypeError", "Module loading is not available in this realm");
        var (referrer, line, column) = _request;
        _request = default;
        ModuleSource loaded;
        try
        {
            loaded = loader.Load(url, type);
        }
        catch (Exception ex)
        {
            throw new ModuleHostException("TypeError", WithImportSite(ex.Message, referrer, line, column));
        }
        owner.RememberSource(loaded.Url, loaded.Source);
        bool json = loaded.Kind == ModuleKind.Json;
        if (json && owner.JsonError(loaded.Source) is { } invalid)
            throw new ModuleHostException("SyntaxError", $"{invalid} in JSON module \"{loaded.Url}\"");
        return new ModuleText(loaded.Url, loaded.Source, json);
    }

    // A loader may already name the referrer ("\n    at file:///main.js"): that is replaced with the exact spot;
    // a message that names a location already (a nested failure) is kept.
    private static string WithImportSite(string message, string? referrer, int line, int column)
    {
        if (referrer is null || line <= 0) return message;
        string bare = "\n    at " + referrer;
        if (message.EndsWith(bare, StringComparison.Ordinal)) message = message[..^bare.Length];
        if (message.Contains("\n    at ", StringComparison.Ordinal)) return message;
        return $"{message}{bare}:{line}:{column}";
    }

    public void InitializeImportMeta(Realm realm, JsValue meta, string url, bool isMain)
    {
        realm.SetProperty(meta, "url", url);
        realm.SetProperty(meta, "main", url == MainUrl);
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsFile)
        {
            realm.SetProperty(meta, "filename", uri.LocalPath);
            realm.SetProperty(meta, "dirname", Path.GetDirectoryName(uri.LocalPath) ?? "");
        }
        realm.SetProperty(meta, "resolve", realm.CreateFunction("resolve", (in JsValue _, ReadOnlySpan<JsValue> args) =>
        {
            string specifier = args.Length > 0 ? owner.ToText(args[0]) : "undefined";
            try
            {
                return Resolve(specifier, url);
            }
            catch (ModuleHostException e)
            {
                throw owner.Throw("TypeError", e.Message);
            }
        }, 1));
    }
}
