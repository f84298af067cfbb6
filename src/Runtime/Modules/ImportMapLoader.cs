using System.Text.Json;

namespace DualEngine.Runtime.Modules;

/// <summary>
/// Finds the import map a run uses, as Deno does: the --import-map file when given, else the
/// "imports"/"scopes" (or the "importMap" file reference) of the deno.json or deno.jsonc found by
/// walking up from the main module's folder. Local files only; remote maps need the https loader.
/// </summary>
public static class ImportMapLoader
{
    private static readonly JsonDocumentOptions JsoncOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static readonly IReadOnlyList<string> ConfigFileNames = ["deno.json", "deno.jsonc"];

    /// <param name="importMapFlag">The --import-map value (a path relative to <paramref name="currentDirectory"/>, or a file: URL), or null.</param>
    /// <param name="mainModule">The main module; for file: URLs the config search starts at its folder.</param>
    /// <returns>The import map, or null when there is none.</returns>
    /// <exception cref="FormatException">The map or config file is malformed (the message names the file).</exception>
    /// <exception cref="FileNotFoundException">The --import-map file does not exist.</exception>
    public static ImportMap? Load(string? importMapFlag, WebUrl mainModule, string currentDirectory)
    {
        if (importMapFlag is not null)
        {
            var url = ModuleSpecifierResolver.ResolveMainModule(importMapFlag, currentDirectory);
            if (url.Scheme != "file") throw new FormatException($"--import-map {importMapFlag}: only local import map files are supported so far");
            return LoadFile(FileUrl.ToPath(url));
        }
        if (mainModule.Scheme != "file") return null;
        var config = FindConfigFile(Path.GetDirectoryName(FileUrl.ToPath(mainModule))!);
        return config is null ? null : FromConfigFile(config);
    }

    /// <summary>The nearest deno.json / deno.jsonc at or above <paramref name="directory"/>, or null.</summary>
    public static string? FindConfigFile(string directory)
    {
        for (var current = directory; current is not null; current = Path.GetDirectoryName(current))
        {
            foreach (var name in ConfigFileNames)
            {
                var candidate = Path.Join(current, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>Reads an import map file (JSON; comments tolerated).</summary>
    public static ImportMap LoadFile(string path)
    {
        var text = File.ReadAllText(path);
        return ImportMap.Parse(text, FileUrl.FromPath(path));
    }

    /// <summary>The import map a deno.json(c) declares, or null when it declares none.</summary>
    public static ImportMap? FromConfigFile(string configPath)
    {
        var configUrl = FileUrl.FromPath(configPath);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(configPath), JsoncOptions);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Invalid config file {configUrl.Href}: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new FormatException($"Invalid config file {configUrl.Href}: the top-level value must be a JSON object");
            if (root.TryGetProperty("imports", out _) || root.TryGetProperty("scopes", out _))
                return ImportMapParser.FromJson(root, configUrl, allowOtherKeys: true);
            if (root.TryGetProperty("importMap", out var reference))
            {
                if (reference.ValueKind != JsonValueKind.String)
                    throw new FormatException($"Invalid config file {configUrl.Href}: \"importMap\" must be a string");
                var mapUrl = WebUrl.TryParse(reference.GetString()!, configUrl)
                    ?? throw new FormatException($"Invalid config file {configUrl.Href}: \"importMap\" is not a valid path or URL");
                if (mapUrl.Scheme != "file") throw new FormatException($"Invalid config file {configUrl.Href}: only local import map files are supported so far");
                return LoadFile(FileUrl.ToPath(mapUrl));
            }
            return null;
        }
    }
}
