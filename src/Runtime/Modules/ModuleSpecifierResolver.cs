using DualEngine.Abstractions.Ops;

namespace DualEngine.Runtime.Modules;

/// <summary>
/// Turns import specifiers into absolute URLs: through the import map when there is one, else as
/// URLs or "/", "./", "../" paths relative to the importing module (HTML "resolve a module specifier").
/// The main module may also be a plain OS path, resolved against the current directory, as Deno's
/// <c>resolve_url_or_path</c> does.
/// </summary>
public sealed class ModuleSpecifierResolver
{
    private readonly Func<string> _currentDirectory;

    public ModuleSpecifierResolver(ImportMap? importMap = null, Func<string>? currentDirectory = null)
    {
        ImportMap = importMap;
        _currentDirectory = currentDirectory ?? (() => Environment.CurrentDirectory);
    }

    public ImportMap? ImportMap { get; }

    /// <summary>
    /// Resolves <paramref name="specifier"/> imported by <paramref name="referrer"/>; a null referrer means the
    /// main module (see <see cref="ResolveMainModule"/>). A bare specifier nothing maps is an OpError
    /// TypeError with Deno's message: <c>Relative import path "foo" not prefixed with / or ./ or ../ from "file:///main.js"</c>.
    /// </summary>
    public WebUrl Resolve(string specifier, WebUrl? referrer)
    {
        if (referrer is null) return ResolveMainModule(specifier, _currentDirectory());
        var resolved = ImportMap is null ? ImportMap.ParseUrlLikeSpecifier(specifier, referrer) : ImportMap.Resolve(specifier, referrer);
        return resolved ?? throw OpError.TypeError(
            $"Relative import path \"{specifier}\" not prefixed with / or ./ or ../{(ImportMap is null ? "" : " and not in import map")} from \"{referrer.Href}\"");
    }

    /// <summary>String form for <see cref="Abstractions.Modules.IModuleLoader"/>: URLs in, URL out.</summary>
    public string Resolve(string specifier, string? referrer) =>
        Resolve(specifier, referrer is null ? null : WebUrl.TryParse(referrer) ?? throw OpError.TypeError($"Invalid referrer URL: \"{referrer}\"")).Href;

    /// <summary>
    /// The main module's URL: an absolute URL as is ("https://...", "file:///..."), anything else as a path
    /// relative to <paramref name="currentDirectory"/> ("main.ts", "./src/x.js", "/abs/y.js", "C:\\z.js").
    /// </summary>
    public static WebUrl ResolveMainModule(string pathOrUrl, string currentDirectory)
    {
        // "C:\x" and "C:/x" parse as a URL with scheme "c"; a one-letter scheme is a Windows drive.
        var looksLikeDrive = pathOrUrl.Length >= 2 && char.IsAsciiLetter(pathOrUrl[0]) && pathOrUrl[1] == ':';
        if (!looksLikeDrive && WebUrl.TryParse(pathOrUrl) is { } url) return url;
        if (pathOrUrl.Length == 0) throw OpError.TypeError("Empty main module path");
        return FileUrl.FromPath(Path.IsPathFullyQualified(pathOrUrl) ? pathOrUrl : Path.Join(currentDirectory, pathOrUrl));
    }
}
