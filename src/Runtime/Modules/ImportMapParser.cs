using System.Text.Json;

namespace DualEngine.Runtime.Modules;

/// <summary>
/// HTML "parse an import map string" and "sort and normalize" its specifier maps and scopes.
/// Structural errors throw <see cref="FormatException"/> (the standard's TypeErrors); bad entries are
/// skipped or turned into null entries with a warning, as the standard says.
/// </summary>
internal static class ImportMapParser
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static ImportMap Parse(string json, WebUrl baseUrl)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Invalid import map {baseUrl.Href}: not valid JSON ({e.Message})", e);
        }
        using (document) return FromJson(document.RootElement, baseUrl);
    }

    /// <summary>Reads an import map from JSON already parsed (e.g. the "imports" and "scopes" of a deno.json).</summary>
    public static ImportMap FromJson(JsonElement root, WebUrl baseUrl, bool allowOtherKeys = false)
    {
        var where = baseUrl.Href;
        if (root.ValueKind != JsonValueKind.Object)
            throw new FormatException($"Invalid import map {where}: the top-level value must be a JSON object");
        var warnings = new List<string>();

        IReadOnlyList<ImportMapEntry> imports = [];
        if (root.TryGetProperty("imports", out var importsJson))
        {
            if (importsJson.ValueKind != JsonValueKind.Object)
                throw new FormatException($"Invalid import map {where}: \"imports\" must be a JSON object");
            imports = SortAndNormalize(importsJson, baseUrl, warnings);
        }

        var scopes = new List<ImportMapScope>();
        if (root.TryGetProperty("scopes", out var scopesJson))
        {
            if (scopesJson.ValueKind != JsonValueKind.Object)
                throw new FormatException($"Invalid import map {where}: \"scopes\" must be a JSON object");
            foreach (var scope in scopesJson.EnumerateObject())
            {
                if (scope.Value.ValueKind != JsonValueKind.Object)
                    throw new FormatException($"Invalid import map {where}: the value of scope \"{scope.Name}\" must be a JSON object");
                // Scope prefixes are URLs parsed against the map (not URL-like specifiers): "foo/" is "<map dir>/foo/".
                var prefix = WebUrl.TryParse(scope.Name, baseUrl);
                if (prefix is null)
                {
                    warnings.Add($"Invalid scope \"{scope.Name}\" (parsed against base URL \"{where}\"); it is ignored");
                    continue;
                }
                scopes.Add(new ImportMapScope(prefix.Href, SortAndNormalize(scope.Value, baseUrl, warnings)));
            }
        }
        scopes.Sort((a, b) => string.CompareOrdinal(b.Prefix, a.Prefix));

        if (!allowOtherKeys)
        {
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("imports" or "scopes" or "integrity"))
                    warnings.Add($"Invalid top-level key \"{property.Name}\"; only \"imports\", \"scopes\" and \"integrity\" are allowed");
            }
        }
        return new ImportMap(baseUrl, imports, scopes, warnings);
    }

    /// <summary>HTML "sort and normalize a module specifier map".</summary>
    private static List<ImportMapEntry> SortAndNormalize(JsonElement map, WebUrl baseUrl, List<string> warnings)
    {
        var entries = new Dictionary<string, WebUrl?>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            if (property.Name.Length == 0)
            {
                warnings.Add("Invalid empty string specifier key; it is ignored");
                continue;
            }
            var key = ImportMap.ParseUrlLikeSpecifier(property.Name, baseUrl)?.Href ?? property.Name;
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                warnings.Add($"Invalid address {property.Value.GetRawText()} for the specifier key \"{property.Name}\": addresses must be strings");
                entries[key] = null;
                continue;
            }
            var value = property.Value.GetString()!;
            var address = ImportMap.ParseUrlLikeSpecifier(value, baseUrl);
            if (address is null)
            {
                warnings.Add($"Invalid address \"{value}\" for the specifier key \"{property.Name}\": it must be a URL, or start with /, ./ or ../");
                entries[key] = null;
                continue;
            }
            if (property.Name.EndsWith('/') && !address.Href.EndsWith('/'))
            {
                warnings.Add($"Invalid address \"{value}\" for package specifier key \"{property.Name}\": package addresses must end with \"/\"");
                entries[key] = null;
                continue;
            }
            entries[key] = address;
        }
        var sorted = entries.Select(e => new ImportMapEntry(e.Key, e.Value)).ToList();
        sorted.Sort((a, b) => string.CompareOrdinal(b.Key, a.Key));
        return sorted;
    }
}
