using System.Collections.Concurrent;
using DualEngine.Abstractions.Modules;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Runtime.Modules;

/// <summary>
/// Loads modules from the local file system: resolves with a <see cref="ModuleSpecifierResolver"/>,
/// reads file: URLs, and tells JSON from JavaScript by the import's "type" attribute (as HTML and Deno do:
/// the file extension alone never makes a JSON module). TypeScript goes through the transpiler the
/// runtime supplies. http(s) modules come from the <see cref="RemoteModuleStore"/> when one is given
/// (import permission, cache, lockfile).
/// </summary>
public sealed class FileModuleLoader : IModuleLoader
{
    private static readonly string[] TypeScriptExtensions = [".ts", ".mts", ".cts", ".tsx"];

    private readonly ModuleSpecifierResolver _resolver;
    private readonly Func<WebUrl, string, string>? _transpileTypeScript;
    private readonly RemoteModuleStore? _remote;
    /// <summary>Who first imported each URL, so "not found" can say where the import was.</summary>
    private readonly ConcurrentDictionary<string, string> _referrers = new(StringComparer.Ordinal);

    /// <param name="transpileTypeScript">Erases types from a TypeScript module (url, source) → JavaScript; null rejects TypeScript modules.</param>
    /// <param name="remote">Loads http(s) modules; null rejects them.</param>
    public FileModuleLoader(ModuleSpecifierResolver resolver, Func<WebUrl, string, string>? transpileTypeScript = null, RemoteModuleStore? remote = null)
    {
        _resolver = resolver;
        _transpileTypeScript = transpileTypeScript;
        _remote = remote;
    }

    public string Resolve(string specifier, string? referrer)
    {
        var url = _resolver.Resolve(specifier, referrer);
        if (referrer is not null) _referrers.TryAdd(url, referrer);
        return url;
    }

    public ModuleSource Load(string url, string? type)
    {
        var parsed = WebUrl.TryParse(url) ?? throw OpError.TypeError($"Invalid module URL \"{url}\"");
        if (parsed.Scheme is "http" or "https" && _remote is not null) return LoadRemote(parsed, type);
        if (parsed.Scheme != "file")
            throw OpError.TypeError($"Loading \"{url}\" is not supported yet: only file: modules can be loaded{ReferrerSuffix(url)}");
        var kind = type switch
        {
            null => ModuleKind.JavaScript,
            "json" => ModuleKind.Json,
            _ => throw OpError.TypeError($"\"{type}\" is not a valid module type{ReferrerSuffix(url)}"),
        };

        var path = FileUrl.ToPath(parsed);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (kind == ModuleKind.JavaScript && extension == ".json")
            throw OpError.TypeError($"Expected a JavaScript or TypeScript module, but identified a Json module. Consider importing Json modules with an import attribute with the type of \"json\".\n  Specifier: {url}");

        string source;
        try
        {
            source = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new OpError("NotFound", $"Module not found \"{url}\".{ReferrerSuffix(url)}");
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(path))
        {
            // .NET reports opening a directory as a file as an access error; it is not a permission problem.
            throw new OpError("IsADirectory", $"Is a directory: module \"{url}\" names a directory, not a file.{ReferrerSuffix(url)}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new OpError("PermissionDenied", $"Permission denied reading module \"{url}\".{ReferrerSuffix(url)}");
        }

        if (kind == ModuleKind.JavaScript && TypeScriptExtensions.Contains(extension))
        {
            source = _transpileTypeScript is not null
                ? _transpileTypeScript(parsed, source)
                : throw OpError.TypeError($"Cannot load TypeScript module \"{url}\": no TypeScript transpiler is configured");
        }
        return new ModuleSource(url, kind, source);
    }

    private ModuleSource LoadRemote(WebUrl url, string? type)
    {
        var (source, isTypeScript) = _remote!.Load(url);
        if (type == "json") return new ModuleSource(url.Href, ModuleKind.Json, source);
        if (type is not null) throw OpError.TypeError($"\"{type}\" is not a valid module type{ReferrerSuffix(url.Href)}");
        if (isTypeScript)
        {
            source = _transpileTypeScript is not null
                ? _transpileTypeScript(url, source)
                : throw OpError.TypeError($"Cannot load TypeScript module \"{url.Href}\": no TypeScript transpiler is configured");
        }
        return new ModuleSource(url.Href, ModuleKind.JavaScript, source);
    }

    /// <summary>Deno's "\n    at &lt;referrer&gt;" line, when we know who imported the URL.</summary>
    private string ReferrerSuffix(string url) =>
        _referrers.TryGetValue(url, out var referrer) ? $"\n    at {referrer}" : "";
}
