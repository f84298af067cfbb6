using System.Text.RegularExpressions;
using DualEngine.Abstractions.Modules;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Runtime.Loader;

/// <summary>
/// Loads modules from the file system for the engines: file: URLs only for now (https: comes with the
/// module cache). Resolution is relative-URL resolution against the referrer (WHATWG URL parser via System.Uri).
/// </summary>
public sealed partial class SourceModuleLoader : IModuleLoader
{
    public string Resolve(string specifier, string? referrer)
    {
        if (specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal) ||
            specifier.StartsWith('/'))
        {
            var baseUri = referrer is null ? new Uri(Path.Combine(Environment.CurrentDirectory, "x")) : new Uri(referrer);
            return new Uri(baseUri, specifier).AbsoluteUri;
        }
        if (Uri.TryCreate(specifier, UriKind.Absolute, out var absolute) && absolute.Scheme.Length > 1)
            return absolute.AbsoluteUri;
        throw new OpError("TypeError",
            $"Relative import path \"{specifier}\" not prefixed with / or ./ or ../" + (referrer is null ? "" : $"\n    at {referrer}"));
    }

    public ModuleSource Load(string url, string? type)
    {
        var uri = new Uri(url);
        if (!uri.IsFile) throw new OpError("TypeError", $"Unsupported scheme \"{uri.Scheme}\" for module \"{url}\".");
        string path = uri.LocalPath;
        if (!File.Exists(path)) throw new OpError("NotFound", $"Module not found \"{url}\".");
        string text = File.ReadAllText(path);
        if (type == "json") return new ModuleSource(url, ModuleKind.Json, text);
        if (type is not null) throw new OpError("TypeError", $"Invalid import attribute type \"{type}\" for \"{url}\".");
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".ts" or ".mts" or ".tsx" or ".cts")
            throw new OpError("TypeError", $"TypeScript is not supported yet: \"{url}\" (TypeScript erasure lands with the Syntax work).");
        return new ModuleSource(url, ModuleKind.JavaScript, AttributesAsAssertions(text));
    }

    // V8 10.2 parses import assertions (`assert { type: "json" }`) but not import attributes
    // (`with { type: "json" }`, ES2025). Deno accepts both, so the attribute spelling is rewritten here.
    // Attributes end an import statement, so only what follows them on that line shifts by two columns.
    // TODO(syntax): rewrite from the Syntax tokenizer instead of patterns once the parser lands.
    internal static string AttributesAsAssertions(string source)
    {
        if (!source.Contains("with", StringComparison.Ordinal)) return source;
        source = StaticImportWith().Replace(source, "$1assert$2");
        return DynamicImportWith().Replace(source, "$1assert$2");
    }

    [GeneratedRegex("""((?:\bfrom|\bimport)\s*(?:"[^"\n]*"|'[^'\n]*')\s*)with(\s*\{)""")]
    private static partial Regex StaticImportWith();

    [GeneratedRegex("""(\bimport\s*\(\s*(?:"[^"\n]*"|'[^'\n]*')\s*,\s*\{\s*)with(\s*:)""")]
    private static partial Regex DynamicImportWith();
}
