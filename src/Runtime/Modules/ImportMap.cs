using DualEngine.Abstractions.Ops;

namespace DualEngine.Runtime.Modules;

/// <summary>One entry of a specifier map: a normalized key and the URL it maps to (null: a blocked entry).</summary>
public sealed record ImportMapEntry(string Key, WebUrl? Address);

/// <summary>One scope: imports that apply only to modules whose URL starts with <see cref="Prefix"/>.</summary>
public sealed record ImportMapScope(string Prefix, IReadOnlyList<ImportMapEntry> Imports);

/// <summary>
/// A parsed import map (WICG/HTML import maps: html.spec.whatwg.org "Import maps"). Entries are kept
/// normalized and sorted as the standard's "sort and normalize a specifier map" leaves them (keys in
/// descending code-unit order, so longer prefixes come first); <see cref="Resolve"/> implements
/// "resolve a module specifier" with it.
/// </summary>
public sealed class ImportMap
{
    internal ImportMap(WebUrl baseUrl, IReadOnlyList<ImportMapEntry> imports, IReadOnlyList<ImportMapScope> scopes, IReadOnlyList<string> warnings)
    {
        BaseUrl = baseUrl;
        Imports = imports;
        Scopes = scopes;
        Warnings = warnings;
    }

    /// <summary>The map's own URL: relative addresses and scopes in it were resolved against it.</summary>
    public WebUrl BaseUrl { get; }
    public IReadOnlyList<ImportMapEntry> Imports { get; }
    public IReadOnlyList<ImportMapScope> Scopes { get; }

    /// <summary>Entries the standard says to skip with a console warning (bad addresses, unknown keys...); the CLI prints them.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Parses import map JSON text. Structural problems (not JSON, not an object, "imports" not an object...) throw <see cref="FormatException"/>.</summary>
    public static ImportMap Parse(string json, WebUrl baseUrl) => ImportMapParser.Parse(json, baseUrl);

    /// <summary>
    /// HTML "resolve a module specifier" steps with this map: scopes that contain <paramref name="baseUrl"/>
    /// (most specific first), then top-level imports, then the specifier as a URL or URL-like path.
    /// Returns null for a bare specifier no entry maps; throws OpError TypeError for a blocked (null)
    /// entry or a mapping that cannot produce a valid URL.
    /// </summary>
    public WebUrl? Resolve(string specifier, WebUrl baseUrl)
    {
        var asUrl = ParseUrlLikeSpecifier(specifier, baseUrl);
        var normalized = asUrl?.Href ?? specifier;
        foreach (var scope in Scopes)
        {
            if (scope.Prefix == baseUrl.Href || (scope.Prefix.EndsWith('/') && baseUrl.Href.StartsWith(scope.Prefix, StringComparison.Ordinal)))
            {
                var scoped = ResolveImportsMatch(normalized, asUrl, scope.Imports);
                if (scoped is not null) return scoped;
            }
        }
        return ResolveImportsMatch(normalized, asUrl, Imports) ?? asUrl;
    }

    /// <summary>HTML "resolve a URL-like module specifier": absolute URLs, and paths starting with "/", "./" or "../". Null for bare specifiers.</summary>
    public static WebUrl? ParseUrlLikeSpecifier(string specifier, WebUrl baseUrl)
    {
        if (specifier.StartsWith('/') || specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal))
            return WebUrl.TryParse(specifier, baseUrl);
        return WebUrl.TryParse(specifier);
    }

    /// <summary>HTML "resolve an imports match": an exact key, or the longest "prefix/" key (special URLs and bare specifiers only).</summary>
    private static WebUrl? ResolveImportsMatch(string normalized, WebUrl? asUrl, IReadOnlyList<ImportMapEntry> imports)
    {
        foreach (var (key, address) in imports)
        {
            if (key == normalized)
                return address ?? throw OpError.TypeError($"Blocked by null entry for \"{key}\"");
            if (!key.EndsWith('/') || !normalized.StartsWith(key, StringComparison.Ordinal) || (asUrl is not null && !asUrl.IsSpecial))
                continue;
            if (address is null) throw OpError.TypeError($"Blocked by null entry for \"{key}\"");
            var afterPrefix = normalized[key.Length..];
            var url = WebUrl.TryParse(afterPrefix, address)
                ?? throw OpError.TypeError($"Failed to resolve \"{normalized}\": \"{afterPrefix}\" is not a valid URL relative to \"{address.Href}\" (mapped from \"{key}\")");
            if (!url.Href.StartsWith(address.Href, StringComparison.Ordinal))
                throw OpError.TypeError($"The specifier \"{normalized}\" backtracks above its prefix \"{key}\" (mapped to \"{address.Href}\")");
            return url;
        }
        return null;
    }
}
