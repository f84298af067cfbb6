using DualEngine.Abstractions.Modules;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Test262.Host;

/// <summary>
/// Loads modules straight from the test262 folder (fixtures such as "./x_FIXTURE.js" sit beside the
/// tests). Specifiers resolve as URLs against the importing module's file: URL; anything outside the
/// test262 root is refused. A module test's own source comes from <see cref="TestFile"/> unchanged.
/// </summary>
public sealed class Test262ModuleLoader(string root) : IModuleLoader
{
    private readonly string _root = Path.GetFullPath(root).TrimEnd('/') + "/";

    public string Resolve(string specifier, string? referrer)
    {
        if (referrer is null || !Uri.TryCreate(referrer, UriKind.Absolute, out var baseUri))
            baseUri = new Uri(_root);
        if (!specifier.StartsWith("./", StringComparison.Ordinal) && !specifier.StartsWith("../", StringComparison.Ordinal)
            && !specifier.StartsWith('/') && !Uri.TryCreate(specifier, UriKind.Absolute, out _))
            throw new OpError("TypeError", $"Relative import path \"{specifier}\" not prefixed with / or ./ or ../");
        return new Uri(baseUri, specifier).AbsoluteUri;
    }

    public ModuleSource Load(string url, string? type)
    {
        var uri = new Uri(url);
        string path = uri.IsFile ? Path.GetFullPath(uri.LocalPath) : "";
        if (!path.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(path))
            throw new OpError("TypeError", $"Module not found \"{url}\".");
        var kind = type == "json" ? ModuleKind.Json : ModuleKind.JavaScript;
        return new ModuleSource(url, kind, File.ReadAllText(path));
    }
}
